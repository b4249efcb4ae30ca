package cn.gov.enforcement.portal.mediation;

import cn.gov.enforcement.portal.platform.DocumentSignature;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;

/** A document made from its template as a print-ready page: agency, title, number, text, signature. */
final class DocumentPage {

    private DocumentPage() {}

    /**
     * @param contact how to reach the agency, in the reader's language: the invitation asks the other party to tell the
     *     agency whether they agree, so it gives the agency's phone and address (the mail does too)
     */
    static Div render(Component view, java.util.Locale language, DocumentData d, boolean sample, AgencyContact contact) {
        Div page = new Div();
        page.addClassName("mediation-document");
        page.setId("mediation-document");
        page.getElement().setAttribute("data-kind", d.kind().name());
        page.add(ViewSupport.printStyles());
        Button print = new Button(view.getTranslation("mediation.document.print"),
                e -> e.getSource().getUI().ifPresent(ui -> ui.getPage().executeJs("window.print()")));
        print.addClassName("no-print");
        page.add(print);
        if (sample) {
            Paragraph label = new Paragraph(view.getTranslation("mediation.document.sample"));
            label.addClassName("sample-label");
            page.add(label);
        }
        String key = d.kind().messageKey();
        page.add(new Paragraph(d.agencyName()));
        page.add(new H1(view.getTranslation(key + ".title")));
        Paragraph number = new Paragraph(view.getTranslation("mediation.document.number", d.caseNumber()));
        number.addClassName("document-number");
        page.add(number);
        String category = view.getTranslation(d.category().messageKey());
        String reason = d.reason() == null ? "" : d.reason();
        String issued = DocumentSignature.date(view, language, d.issuedOn());
        switch (d.kind()) {
            case ACCEPTANCE_NOTICE -> {
                page.add(new Paragraph(view.getTranslation(key + ".to", d.applicantName())));
                page.add(new Paragraph(view.getTranslation(key + ".text", category, d.otherPartyName(), issued,
                        DocumentSignature.date(view, language, d.mediationDue()))));
                if (!reason.isEmpty()) {
                    page.add(new Paragraph(view.getTranslation("mediation.document.note", reason)));
                }
                page.add(new Paragraph(view.getTranslation(key + ".voluntary")));
            }
            case NON_ACCEPTANCE_NOTICE -> {
                page.add(new Paragraph(view.getTranslation(key + ".to", d.applicantName())));
                page.add(new Paragraph(view.getTranslation(key + ".text", category, d.otherPartyName(), issued)));
                page.add(new Paragraph(view.getTranslation("mediation.document.reason", reason)));
                page.add(new Paragraph(view.getTranslation("mediation.guidance.onward")));
            }
            case INVITATION -> {
                page.add(new Paragraph(view.getTranslation(key + ".to", d.otherPartyName())));
                page.add(new Paragraph(view.getTranslation(key + ".text", d.applicantName(), category, d.agencyName())));
                if (!reason.isEmpty()) {
                    page.add(new Paragraph(view.getTranslation("mediation.document.note", reason)));
                }
                page.add(new Paragraph(view.getTranslation(key + ".voluntary")));
                contact(view, contact).ifPresent(page::add);
            }
            case AGREEMENT -> {
                page.add(new Paragraph(view.getTranslation(key + ".parties", d.applicantName(), d.otherPartyName())));
                page.add(new Paragraph(view.getTranslation(key + ".text", category, d.agencyName())));
                if (d.sessionAt() != null) {
                    page.add(new Paragraph(view.getTranslation("mediation.track.session", d.sessionAt(), d.sessionPlace())));
                }
                Paragraph terms = new Paragraph(view.getTranslation(key + ".terms", d.agreementTerms()));
                terms.setId("mediation-document-terms");
                page.add(terms);
                // one line each, with room above it to sign by hand: on one line the third ran onto a second on A4
                Div signatures = new Div();
                signatures.addClassName("document-signature-lines");
                for (String line : view.getTranslation(key + ".signatures").split("\n")) {
                    Paragraph signature = new Paragraph(line);
                    signature.addClassName("document-signature-line");
                    signatures.add(signature);
                }
                page.add(signatures);
            }
        }
        page.add(DocumentSignature.of(d.agencyName(), issued));
        return page;
    }

    /**
     * The agency's phone (with its office hours) and address, each on a line of its own, as at the end of the mails;
     * empty when the directory knows neither. It said 请与本机关联系 and left the party to find how.
     */
    private static java.util.Optional<Div> contact(Component view, AgencyContact contact) {
        if (contact == null || (contact.phone() == null && contact.address() == null)) {
            return java.util.Optional.empty();
        }
        Div lines = new Div();
        lines.setId("mediation-document-contact");
        lines.addClassName("document-contact");
        if (contact.phone() != null) {
            lines.add(new Paragraph(contact.officeHours() == null
                    ? view.getTranslation("mediation.mail.contact.phone", contact.phone())
                    : view.getTranslation("mediation.mail.contact.phoneHours", contact.phone(), contact.officeHours())));
        }
        if (contact.address() != null) {
            lines.add(new Paragraph(view.getTranslation("mediation.mail.contact.address", contact.address())));
        }
        return java.util.Optional.of(lines);
    }

    static boolean isSample(String agencyId) {
        return agencyId != null && agencyId.startsWith("sample-");
    }
}
