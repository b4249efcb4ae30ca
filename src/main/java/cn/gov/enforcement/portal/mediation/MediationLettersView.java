package cn.gov.enforcement.portal.mediation;

import cn.gov.enforcement.portal.platform.Selects;
import cn.gov.enforcement.portal.platform.Translations;
import cn.gov.enforcement.portal.platform.ValidationFailure;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;
import java.util.Map;

/** An officer composes a notice-and-guidance letter (告知引导书) to a party and sees the agency's letters. */
@Route("staff/mediation/letters")
@RolesAllowed("OFFICER")
public class MediationLettersView extends Div implements HasDynamicTitle {

    private final transient MediationLetters letters;
    private final Select<LetterInput.Situation> situation = Selects.create();
    private final Select<DisputeCategory> category = Selects.create();
    private final TextField partyName = new TextField();
    private final TextField partyEmail = new TextField();
    private final Select<Locale> language = Selects.create();
    private final TextField otherPartyName = new TextField();
    private final TextArea facts = new TextArea();
    private final Div list = new Div();
    private final Div created = new Div();
    private final Button send = new Button();

    public MediationLettersView(MediationLetters letters) {
        this.letters = letters;
        add(new H1(getTranslation("mediation.letter.title")), new Paragraph(getTranslation("mediation.letter.lead")));
        situation.setId("mediation-letter-situation");
        situation.setLabel(getTranslation("mediation.letter.situation"));
        situation.setItems(LetterInput.Situation.values());
        situation.setItemLabelGenerator(s -> getTranslation(s.messageKey()));
        category.setId("mediation-letter-category");
        category.setLabel(getTranslation("mediation.field.category"));
        category.setItems(DisputeCategory.values());
        category.setItemLabelGenerator(c -> getTranslation(c.messageKey()));
        partyName.setId("mediation-letter-party");
        partyName.setLabel(getTranslation("mediation.letter.party"));
        partyEmail.setId("mediation-letter-email");
        partyEmail.setLabel(getTranslation("mediation.letter.email"));
        language.setId("mediation-letter-language");
        language.setLabel(getTranslation("mediation.case.otherPartyLanguage"));
        language.setItems(Translations.ZH_CN, Translations.ZH_TW, Translations.EN);
        language.setItemLabelGenerator(l -> getTranslation("mediation.language." + l.toLanguageTag()));
        language.setValue(Translations.ZH_CN);
        otherPartyName.setId("mediation-letter-other");
        otherPartyName.setLabel(getTranslation("mediation.field.otherPartyName"));
        facts.setId("mediation-letter-facts");
        facts.setLabel(getTranslation("mediation.letter.facts"));
        facts.setWidthFull();
        send.setText(getTranslation("mediation.letter.send"));
        send.addClickListener(e -> compose());
        // a double click must not create and mail the letter twice: the browser disables the button at once
        send.setDisableOnClick(true);
        send.setId("mediation-letter-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        created.setId("mediation-letter-created");
        list.setId("mediation-letter-list");
        add(row(situation, category), row(partyName, partyEmail, language), row(otherPartyName), facts, send,
                created, new H2(getTranslation("mediation.letter.sent")), list);
        refresh();
    }

    /** Fields side by side, spaced, each wide enough for its label (theme {@code .staff-form-row}). */
    private static Div row(com.vaadin.flow.component.Component... fields) {
        Div row = new Div(fields);
        row.addClassName("staff-form-row");
        return row;
    }

    private void compose() {
        Map<String, HasValidation> fields = Map.of("situation", situation, "category", category, "partyName", partyName,
                "partyEmail", partyEmail, "otherPartyName", otherPartyName, "facts", facts);
        fields.values().forEach(f -> f.setInvalid(false));
        try {
            LetterView letter = letters.compose(new LetterInput(situation.getValue(), category.getValue(), partyName.getValue(),
                    partyEmail.getValue(), language.getValue().toLanguageTag(), otherPartyName.getValue(), facts.getValue()));
            created.removeAll();
            Anchor print = new Anchor("staff/mediation/letter/" + letter.code(), getTranslation("mediation.letter.print"));
            print.setId("mediation-letter-print");
            created.add(new Paragraph(getTranslation(letter.partyEmail() == null ? "mediation.letter.createdPrint"
                    : "mediation.letter.createdMailed", letter.code())), print);
            // the letter is written: an empty form cannot be sent again by mistake, only filled in for the next party
            clearForm();
            refresh();
        } catch (ValidationFailure failure) {
            failure.problems().forEach(p -> {
                HasValidation field = fields.get(p.field());
                if (field != null) {
                    field.setInvalid(true);
                    field.setErrorMessage(getTranslation(p.messageKey(), p.args()));
                }
            });
        } finally {
            send.setEnabled(true);
        }
    }

    private void clearForm() {
        situation.clear();
        category.clear();
        partyName.clear();
        partyEmail.clear();
        otherPartyName.clear();
        facts.clear();
        language.setValue(Translations.ZH_CN);
    }

    private void refresh() {
        list.removeAll();
        UnorderedList items = new UnorderedList();
        for (LetterView l : letters.ownLetters()) {
            items.add(new ListItem(new Anchor("staff/mediation/letter/" + l.code(), l.code()),
                    new com.vaadin.flow.component.html.Span(" " + l.partyName() + " / " + l.otherPartyName() + " — "
                            + getTranslation(l.category().messageKey()))));
        }
        list.add(items);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("mediation.letter.title");
    }
}
