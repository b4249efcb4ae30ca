package cn.gov.enforcement.portal.agency;

import cn.gov.enforcement.portal.platform.LabelSpacing;
import cn.gov.enforcement.portal.platform.ReaderScript;
import cn.gov.enforcement.portal.regulation.RegulationCatalog;
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
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Renders one agency's disclosure (shared by the public detail page and the staff page): its name in the reader's
 * language (the other language's name below it), legal-basis citations linked to the article text where the portal
 * holds the law, and officers' certificate numbers linked to the certificate check.
 */
final class AgencyDetailsPanel extends Div {

    /**
     * @param articleUrls the permalinks of the cited articles (law title, article number such as 第十八条) the portal
     *     holds, all of them looked up at once
     */
    AgencyDetailsPanel(AgencyDetails details,
            Function<Collection<RegulationCatalog.CitedArticle>, Map<RegulationCatalog.CitedArticle, String>> articleUrls) {
        addClassName("agency-details");
        setId("agency-details");
        AgencySummary s = details.summary();

        H1 title = new H1(s.displayName(getLocale()));
        title.setId("agency-name");
        if (s.sample()) {
            title.add(new Span(" "), sampleBadge(this));
        }
        add(title);
        s.otherName(getLocale()).ifPresent(other -> {
            Paragraph otherName = new Paragraph(other);
            otherName.setId("agency-other-name");
            otherName.addClassName(other.equals(s.name()) ? "agency-name-zh" : "agency-name-en");
            otherName.getElement().setAttribute("lang", other.equals(s.name()) ? "zh-CN" : "en");
            add(otherName);
        });

        Div facts = new Div();
        facts.addClassName("agency-facts");
        facts.add(fact("agency.detail.category", new Span(getTranslation(s.category().labelKey()))));
        facts.add(fact("agency.detail.region", ReaderScript.markContent(new Span(ReaderScript.forReader(s.region())))));
        facts.add(fact("agency.detail.representative",
                ReaderScript.markContent(new Span(ReaderScript.forReader(details.legalRepresentative())))));
        facts.add(fact("agency.detail.address", agencyText(s.displayAddress(getLocale()))));
        Anchor phone = new Anchor("tel:" + s.supervisionPhone().replaceAll("[^0-9+]", ""), s.supervisionPhone());
        phone.setId("agency-phone");
        facts.add(fact("agency.detail.phone", phone));
        Anchor mail = new Anchor("mailto:" + s.supervisionEmail(), s.supervisionEmail());
        mail.setId("agency-email");
        facts.add(fact("agency.detail.email", mail));
        if (s.mediationEmail() != null && !s.mediationEmail().isBlank()) {
            Anchor mediation = new Anchor("mailto:" + s.mediationEmail(), s.mediationEmail());
            mediation.setId("agency-mediation-email");
            facts.add(fact("agency.detail.mediationEmail", mediation));
        }
        facts.add(fact("agency.detail.hours", agencyText(s.displayOfficeHours(getLocale()))));
        add(facts);

        Section powers = new Section();
        powers.setId("agency-powers");
        powers.add(new H2(getTranslation("agency.detail.powers")));
        Map<PowerKind, UnorderedList> byKind = new LinkedHashMap<>();
        for (Power power : details.powers()) {
            byKind.computeIfAbsent(power.kind(), k -> ReaderScript.markContent(new UnorderedList())).add(new ListItem(ReaderScript.forReader(power.name())));
        }
        byKind.forEach((kind, list) -> powers.add(new H3(getTranslation(kind.labelKey())), list));
        add(powers);

        Section basis = new Section();
        basis.setId("agency-legal-basis");
        basis.add(new H2(getTranslation("agency.detail.legalBasis")));
        UnorderedList basisList = ReaderScript.markContent(new UnorderedList());
        // every cited article of the page in one look-up
        List<RegulationCatalog.CitedArticle> cited = details.legalBasis().stream()
                .flatMap(citation -> LegalBasisText.parse(citation).stream()).filter(LegalBasisText.Part::isArticle)
                .map(part -> new RegulationCatalog.CitedArticle(part.law(), part.article())).distinct().toList();
        Map<RegulationCatalog.CitedArticle, String> resolved = cited.isEmpty() ? Map.of() : articleUrls.apply(cited);
        for (String citation : details.legalBasis()) {
            ListItem item = new ListItem();
            item.addClassName("agency-legal-basis-item");
            for (LegalBasisText.Part part : LegalBasisText.parse(citation)) {
                Optional<String> url = part.isArticle()
                        ? Optional.ofNullable(resolved.get(new RegulationCatalog.CitedArticle(part.law(), part.article())))
                        : Optional.empty();
                if (url.isPresent()) {
                    Anchor link = new Anchor(url.get(), ReaderScript.forReader(part.text()));
                    link.addClassName("agency-legal-basis-link");
                    // a full page load, so that the browser scrolls to the article's fragment
                    link.setRouterIgnore(true);
                    item.add(link);
                } else {
                    item.add(new Span(ReaderScript.forReader(part.text())));
                }
            }
            basisList.add(item);
        }
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
        Span label = new Span(LabelSpacing.label(getTranslation(labelKey)));
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
            row.appendChild(ReaderScript.markContent(new Element("td").setText(ReaderScript.forReader(officer.name()))));
            // the certificate check with the number filled in: the reader sees at once whether it is still valid
            Element certificate = new Element("a").setText(officer.certificate());
            certificate.setAttribute("href", CertificateCheckView.url(officer.certificate()));
            certificate.setAttribute("class", "agency-certificate-link");
            certificate.setAttribute("title", getTranslation("agency.officer.checkCertificate"));
            row.appendChild(new Element("td").appendChild(certificate));
            Element badge = new Element("span").setText(getTranslation(officer.status().labelKey()));
            badge.setAttribute("theme", officer.status() == OfficerStatus.VALID ? "badge success" : "badge error");
            row.appendChild(new Element("td").appendChild(badge));
            body.appendChild(row);
        }
        table.appendChild(body);
        wrapper.getElement().appendChild(table);
        return wrapper;
    }

    /**
     * An agency's own words already in the reader's language ({@link AgencySummary#displayAddress}): marked as Chinese
     * content when they hold Chinese, English left unmarked.
     */
    static Span agencyText(String text) {
        Span shown = new Span(text);
        return ReaderScript.holdsChinese(text) ? ReaderScript.markContent(shown) : shown;
    }
}
