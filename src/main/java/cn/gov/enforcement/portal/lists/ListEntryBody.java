package cn.gov.enforcement.portal.lists;

import cn.gov.enforcement.portal.platform.LabelSpacing;
import cn.gov.enforcement.portal.platform.ReaderScript;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.stream.Stream;

/**
 * The body of an entry's public page (heading with the 示例 badge, facts, legal basis, the sections and the note on
 * citation links), shared by the public detail pages ({@link ExemptionDetailView}, {@link RiskPointDetailView}) and
 * the staff preview of a version ({@link ListEntryPreviewView}), so that a preview shows exactly what the public
 * will see. The pages add their own links around it.
 */
final class ListEntryBody {

    private ListEntryBody() {}

    /**
     * An exemption item's body, added to {@code page}.
     *
     * @param beforeNote shown after the sections and before the note on citation links (the public page's link to
     *     the eligibility check), or null
     */
    static void exemption(Div page, ExemptionItem e, ListsCatalog catalog, Component beforeNote) {
        var links = catalog.citationLinks();
        heading(page, "exemption-title", e.violation(), e.sample());
        Div facts = new Div();
        facts.setId("exemption-facts");
        // the agency's page: its address, phone and office hours
        facts.add(ListsUi.agencyFact(page, catalog, e.agency(), "exemption-agency-link"));
        facts.add(ListsUi.fact(page, "lists.field.kind", ListsUi.kindText(page, e)));
        if (e.sector() != null) {
            facts.add(ListsUi.contentFact(page, "lists.field.sector", ReaderScript.forReader(e.sector())));
        }
        if (e.scope() != null) {
            facts.add(ListsUi.contentFact(page, "lists.field.scope", ReaderScript.forReader(e.scope())));
        }
        facts.add(ListsUi.fact(page, "lists.field.effectiveFrom", period(e.effectiveFrom(), e.effectiveTo())));
        page.add(facts);
        page.add(ListsUi.citations(page, "exemption-basis-violation", "lists.exemption.basisViolation",
                e.basisViolation(), links));
        page.add(ListsUi.citations(page, "exemption-basis-penalty", "lists.exemption.basisPenalty", e.basisPenalty(),
                links));
        page.add(ListsUi.citations(page, "exemption-basis-exemption", "lists.exemption.basisExemption",
                e.basisExemption(), links));
        Section conditions = new Section(new H2(page.getTranslation("lists.exemption.conditions")));
        conditions.setId("exemption-conditions");
        conditions.add(new Paragraph(page.getTranslation("lists.exemption.conditionsLead")),
                ExemptionDetailView.conditionList(page, e));
        page.add(conditions);
        page.add(ListsUi.contentList(page, "exemption-measure", "lists.exemption.measure",
                ReaderScript.forReader(e.measure())));
        if (beforeNote != null) {
            page.add(beforeNote);
        }
        ListsUi.citationNote(page, "exemption-citation-note", Stream.of(e.basisViolation(), e.basisPenalty(),
                e.basisExemption()).flatMap(List::stream), links).ifPresent(page::add);
    }

    /** A risk point's body, added to {@code page}; {@code beforeNote} as for {@link #exemption}. */
    static void riskPoint(Div page, RiskPoint r, ListsCatalog catalog, Component beforeNote) {
        var links = catalog.citationLinks();
        heading(page, "risk-title", r.title(), r.sample());
        Div facts = new Div();
        facts.setId("risk-facts");
        facts.add(ListsUi.agencyFact(page, catalog, r.agency(), "risk-agency-link"));
        facts.add(ListsUi.contentFact(page, "lists.field.sector", ReaderScript.forReader(r.sector())));
        facts.add(ListsUi.contentFact(page, "lists.field.appliesTo", ReaderScript.forReader(r.appliesTo())));
        facts.add(ListsUi.fact(page, "lists.field.level", page.getTranslation(ListsUi.levelKey(r.level()))));
        facts.add(ListsUi.fact(page, "lists.field.effectiveFrom", period(r.effectiveFrom(), r.effectiveTo())));
        page.add(facts);
        page.add(section(page, "risk-risk", "lists.risk.risk", r.risk()));
        page.add(section(page, "risk-level-reason", "lists.risk.levelReason", r.levelReason()));
        page.add(ListsUi.citations(page, "risk-basis-obligation", "lists.risk.basisObligation", r.basisObligation(),
                links));
        page.add(ListsUi.citations(page, "risk-basis-penalty", "lists.risk.basisPenalty", r.basisPenalty(), links));
        page.add(section(page, "risk-consequence", "lists.risk.consequence", r.consequence()));
        page.add(ListsUi.contentList(page, "risk-prevention", "lists.risk.prevention",
                ReaderScript.forReader(r.prevention())));
        page.add(ListsUi.textList(page, "risk-guidance", "lists.risk.guidance",
                r.guidance().stream().map(g -> page.getTranslation(ListsUi.guidanceKey(g))).toList()));
        relatedExemptions(page, r, catalog).ifPresent(page::add);
        if (beforeNote != null) {
            page.add(beforeNote);
        }
        ListsUi.citationNote(page, "risk-citation-note", Stream.of(r.basisObligation(), r.basisPenalty())
                .flatMap(List::stream), links).ifPresent(page::add);
    }

    /**
     * The agency's exemption and lighter-penalty items for the same violation ({@link ListsCatalog#exemptionsFor}), each
     * linked to its page with its kind; nothing when the data links none.
     */
    private static java.util.Optional<Section> relatedExemptions(Component page, RiskPoint r, ListsCatalog catalog) {
        List<ExemptionItem> items = catalog.exemptionsFor(r);
        if (items.isEmpty()) {
            return java.util.Optional.empty();
        }
        com.vaadin.flow.component.html.UnorderedList list = new com.vaadin.flow.component.html.UnorderedList();
        for (ExemptionItem e : items) {
            Anchor link = ReaderScript.markContent(new Anchor("exemptions/" + e.id(), ReaderScript.forReader(e.violation())));
            link.addClassName("risk-exemption-link");
            list.add(new com.vaadin.flow.component.html.ListItem(link, new Span(LabelSpacing.inBrackets(ListsUi.kindText(page, e)))));
        }
        Section section = new Section(new H2(page.getTranslation("lists.risk.exemptions")),
                new Paragraph(page.getTranslation("lists.risk.exemptionsLead")), list);
        section.setId("risk-exemptions");
        return java.util.Optional.of(section);
    }

    /** The effective period as the facts state it: {@code 2026-01-01}, or {@code 2026-01-01 – 2026-12-31} with an end. */
    static String period(java.time.LocalDate from, java.time.LocalDate to) {
        return from + (to == null ? "" : " – " + to);
    }

    /** The entry's title, its own words for the reader, with the 示例 badge on sample content. */
    private static void heading(Div page, String id, String title, boolean sample) {
        H1 heading = ReaderScript.markContent(new H1(ReaderScript.forReader(title)));
        heading.setId(id);
        if (sample) {
            heading.add(new Span(" "), ListsUi.sampleBadge(page));
        }
        page.add(heading);
    }

    private static Section section(Component page, String id, String titleKey, String text) {
        Paragraph body = ReaderScript.markContent(new Paragraph(ReaderScript.forReader(text)));
        body.addClassName("lists-multiline"); // the line breaks an editor typed are kept
        Section section = new Section(new H2(page.getTranslation(titleKey)), body);
        section.setId(id);
        return section;
    }
}
