package cn.gov.enforcement.portal.guidance;

import cn.gov.enforcement.portal.platform.DocumentSignature;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.Locale;

/**
 * A written guidance laid out as the document the party receives (行政指导书), printable: the agency, number,
 * party, kind, subject, what was found, the advice, its basis, the officers and the date, and the sentence that
 * guidance binds no one. With an access code (just issued, or a new code), also where and how the party reads and
 * answers it online. Texts in the given language; a sample agency's guidance says so.
 */
class GuidanceDocument extends Div {

    GuidanceDocument(GuidanceRecord g, String agencyName, boolean sampleAgency, String accessCode,
            String partyLink, Locale lang) {
        addClassName("guidance-document");
        setId("guidance-document");
        // written in the party's language, whatever the page's: screen readers pick the voice from this
        getElement().setAttribute("lang", lang.toLanguageTag());
        getElement().setAttribute("data-number", g.number());
        if (sampleAgency) {
            Paragraph sample = new Paragraph(getTranslation(lang, "guidance.document.sample"));
            sample.addClassName("sample-label");
            add(sample);
        }
        if (g.voided()) {
            Paragraph voided = new Paragraph(getTranslation(lang, "guidance.document.voided",
                    DocumentSignature.date(this, lang, g.voidedAt().atZone(GuidanceService.ZONE).toLocalDate()),
                    g.voidReason()));
            voided.setId("guidance-void");
            voided.addClassName("sample-label");
            add(voided);
        }
        add(new Paragraph(agencyName));
        add(new H1(getTranslation(lang, "guidance.document.title")));
        Paragraph number = new Paragraph(g.number());
        number.addClassName("document-number");
        add(number);
        add(new Paragraph(getTranslation(lang, "guidance.document.to", g.partyName())));
        add(new Paragraph(getTranslation(lang, "guidance.document.intro", agencyName,
                getTranslation(lang, g.kind().messageKey()), g.subject())));
        section(lang, "guidance.document.findings", g.findings());
        section(lang, "guidance.document.advice", g.advice());
        if (g.basis() != null) {
            section(lang, "guidance.document.basis", g.basis());
        }
        if (g.respondBy() != null) {
            add(new Paragraph(getTranslation(lang, "guidance.document.respondBy",
                    DocumentSignature.date(this, lang, g.respondBy()))));
        }
        add(new Paragraph(getTranslation(lang, "guidance.document.voluntary")));
        if (accessCode != null) {
            Paragraph how = new Paragraph(getTranslation(lang, "guidance.document.how", partyLink, g.number(),
                    accessCode));
            how.setId("guidance-document-how");
            how.addClassName("guidance-how");
            add(how);
        }
        if (!g.officers().isEmpty()) {
            // brackets and separator of the document's language: 谢文博（HB-…）、唐雨（HB-…） or 谢文博 (HB-…), 唐雨 (HB-…);
            // full names on the document staff hand over, masked ones (谢*博) on the party's public page
            Paragraph officers = new Paragraph(getTranslation(lang, "guidance.document.officers", String.join(
                    getTranslation(lang, "guidance.document.officers.separator"), g.officers().stream()
                            .map(o -> o.name().isEmpty() ? o.certificate()
                                    : getTranslation(lang, "guidance.document.officer", o.name(), o.certificate()))
                            .toList())));
            officers.setId("guidance-document-officers");
            add(officers);
        }
        add(DocumentSignature.of(agencyName,
                DocumentSignature.date(this, lang, g.issuedAt().atZone(GuidanceService.ZONE).toLocalDate())));
    }

    private void section(Locale lang, String headingKey, String text) {
        H2 heading = new H2(getTranslation(lang, headingKey));
        Span body = new Span(text);
        body.addClassName("guidance-text");
        add(heading, new Paragraph(body));
    }
}
