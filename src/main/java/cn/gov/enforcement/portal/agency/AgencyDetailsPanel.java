package cn.gov.enforcement.portal.agency;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.dom.Element;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders one agency's disclosure (shared by the public detail page and the staff page). */
final class AgencyDetailsPanel extends Div {

    AgencyDetailsPanel(AgencyDetails details) {
        addClassName("agency-details");
        setId("agency-details");
        AgencySummary s = details.summary();

        H1 title = new H1(s.name());
        title.setId("agency-name");
        if (s.sample()) {
            title.add(new Span(" "), sampleBadge(this));
        }
        add(title);
        Paragraph english = new Paragraph(s.nameEn());
        english.addClassName("agency-name-en");
        add(english);

        Div facts = new Div();
        facts.addClassName("agency-facts");
        facts.add(fact("agency.detail.category", new Span(getTranslation(s.category().labelKey()))));
        facts.add(fact("agency.detail.region", new Span(s.region())));
        facts.add(fact("agency.detail.representative", new Span(details.legalRepresentative())));
        facts.add(fact("agency.detail.address", new Span(s.address())));
        Anchor phone = new Anchor("tel:" + s.supervisionPhone().replaceAll("[^0-9+]", ""), s.supervisionPhone());
        phone.setId("agency-phone");
        facts.add(fact("agency.detail.phone", phone));
        Anchor mail = new Anchor("mailto:" + s.supervisionEmail(), s.supervisionEmail());
        mail.setId("agency-email");
        facts.add(fact("agency.detail.email", mail));
        facts.add(fact("agency.detail.hours", new Span(s.officeHours())));
        add(facts);

        Section powers = new Section();
        powers.setId("agency-powers");
        powers.add(new H2(getTranslation("agency.detail.powers")));
        Map<PowerKind, UnorderedList> byKind = new LinkedHashMap<>();
        for (Power power : details.powers()) {
            byKind.computeIfAbsent(power.kind(), k -> new UnorderedList()).add(new ListItem(power.name()));
        }
        byKind.forEach((kind, list) -> powers.add(new H3(getTranslation(kind.labelKey())), list));
        add(powers);

        Section basis = new Section();
        basis.setId("agency-legal-basis");
        basis.add(new H2(getTranslation("agency.detail.legalBasis")));
        UnorderedList basisList = new UnorderedList();
        details.legalBasis().forEach(b -> basisList.add(new ListItem(b)));
        basis.add(basisList);
        add(basis);

        Section officers = new Section();
        officers.setId("agency-officers");
        officers.add(new H2(getTranslation("agency.detail.officers")));
        officers.add(officerTable(details.officers()));
        add(officers);
    }

    static Span sampleBadge(Component context) {
        Span badge = new Span(context.getTranslation("agency.sample.badge"));
        badge.addClassName("sample-badge");
        badge.getElement().setAttribute("theme", "badge contrast");
        badge.getElement().setAttribute("title", context.getTranslation("agency.sample.title"));
        return badge;
    }

    private Div fact(String labelKey, Component value) {
        Div row = new Div();
        row.addClassName("agency-fact");
        Span label = new Span(getTranslation(labelKey) + getTranslation("agency.detail.colon"));
        label.addClassName("agency-fact-label");
        row.add(label, value);
        return row;
    }

    private Div officerTable(List<Officer> officers) {
        Div wrapper = new Div();
        wrapper.addClassName("table-wrapper");
        Element table = new Element("table");
        table.setAttribute("id", "agency-officer-table");
        table.setAttribute("class", "agency-officer-table");
        Element headRow = new Element("tr");
        for (String key : List.of("agency.officer.name", "agency.officer.certificate", "agency.officer.status")) {
            Element th = new Element("th");
            th.setAttribute("scope", "col");
            th.setText(getTranslation(key));
            headRow.appendChild(th);
        }
        table.appendChild(new Element("thead").appendChild(headRow));
        Element body = new Element("tbody");
        for (Officer officer : officers) {
            Element row = new Element("tr");
            row.setAttribute("class", "officer-" + officer.status().code());
            row.appendChild(new Element("td").setText(officer.name()));
            row.appendChild(new Element("td").setText(officer.certificate()));
            Element badge = new Element("span").setText(getTranslation(officer.status().labelKey()));
            badge.setAttribute("theme", officer.status() == OfficerStatus.VALID ? "badge success" : "badge error");
            row.appendChild(new Element("td").appendChild(badge));
            body.appendChild(row);
        }
        table.appendChild(body);
        wrapper.getElement().appendChild(table);
        return wrapper;
    }
}
