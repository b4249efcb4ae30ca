package cn.gov.enforcement.portal.mediation;

import cn.gov.enforcement.portal.platform.DocumentSignature;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;

/** A notice-and-guidance letter as a print-ready page, in the language chosen for the party. */
@Route("staff/mediation/letter")
@RolesAllowed("OFFICER")
public class MediationLetterPrintView extends Div implements HasUrlParameter<String>, HasDynamicTitle {

    private final transient MediationLetters letters;
    private final transient MediationService service;

    public MediationLetterPrintView(MediationLetters letters, MediationService service) {
        this.letters = letters;
        this.service = service;
    }

    @Override
    public void setParameter(BeforeEvent event, String code) {
        removeAll();
        LetterView l;
        try {
            l = letters.letter(code);
        } catch (CaseNotFoundException notFound) {
            getElement().setAttribute("data-outcome", "not-found");
            add(new H1(getTranslation("mediation.letter.notFound.title")), new Paragraph(getTranslation("mediation.letter.notFound")));
            return;
        }
        Locale lang = Locale.forLanguageTag(l.partyLanguage());
        Div page = new Div();
        page.addClassName("mediation-document");
        page.setId("mediation-letter");
        page.add(ViewSupport.printStyles());
        Button print = new Button(getTranslation("mediation.document.print"),
                e -> e.getSource().getUI().ifPresent(ui -> ui.getPage().executeJs("window.print()")));
        print.addClassName("no-print");
        page.add(print);
        if (DocumentPage.isSample(l.agencyId())) {
            Paragraph sample = new Paragraph(getTranslation(lang, "mediation.document.sample"));
            sample.addClassName("sample-label");
            page.add(sample);
        }
        page.add(new Paragraph(l.agencyName()));
        page.add(new H1(getTranslation(lang, "mediation.letter.document.title")));
        page.add(new Paragraph(getTranslation(lang, "mediation.letter.document.to", l.partyName())));
        page.add(new Paragraph(getTranslation(lang, "mediation.letter.document.text", getTranslation(lang, l.situation().messageKey()),
                l.otherPartyName(), getTranslation(lang, l.category().messageKey()))));
        page.add(new Paragraph(getTranslation(lang, "mediation.letter.document.facts", l.facts())));
        page.add(new Paragraph(getTranslation(lang, "mediation.letter.document.voluntary")));
        Paragraph how = new Paragraph(getTranslation(lang, "mediation.letter.document.how",
                service.settings().link(l.applyPath(), lang), l.code(),
                DocumentSignature.date(this, lang, l.validUntil())));
        how.setId("mediation-letter-how");
        page.add(how);
        page.add(new Paragraph(getTranslation(lang, "mediation.guidance.onward")));
        page.add(DocumentSignature.of(l.agencyName(),
                DocumentSignature.date(this, lang, l.createdAt().atZone(service.settings().zone()).toLocalDate())));
        add(page);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("mediation.letter.document.title");
    }
}
