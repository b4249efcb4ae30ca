package cn.gov.enforcement.portal.lists;

import cn.gov.enforcement.portal.platform.ReaderScript;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The eligibility check of one exemption item: the person answers every condition (yes/no or a
 * number) and gets the outcome with the reason, the articles and what to do next.
 */
@Route("exemptions/:id/check")
@AnonymousAllowed
public class EligibilityCheckView extends Div implements BeforeEnterObserver, HasDynamicTitle,
        cn.gov.enforcement.portal.platform.LanguageSwitchAware {

    /** The answers across the language switch, which reloads the page (session attribute, used once). */
    static final String AFTER_LANGUAGE_SWITCH = EligibilityCheckView.class.getName() + ".afterLanguageSwitch";

    /** The answers as typed (null for none) and whether the outcome was shown. */
    record Kept(String itemId, java.util.ArrayList<String> answers, boolean checked) implements java.io.Serializable {}

    private boolean checked;

    static final String YES = "yes";
    static final String NO = "no";

    private final transient ListsCatalog catalog;
    private transient ExemptionItem item;
    private final List<RadioButtonGroup<String>> yesNo = new ArrayList<>();
    private final List<TextField> numbers = new ArrayList<>();
    private final Div result = new Div();
    private String title = "";

    public EligibilityCheckView(ListsCatalog catalog) {
        this.catalog = catalog;
        addClassName("eligibility-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("id").orElse("");
        item = catalog.findExemption(id).orElse(null);
        if (item == null) {
            event.rerouteToError(new ListEntryNotFoundException(id), "");
            return;
        }
        removeAll();
        yesNo.clear();
        numbers.clear();
        title = getTranslation("lists.check.pageTitle", ReaderScript.forReader(item.violation()));
        // back to the item's detail page with the list search the reader came from, which its own back link returns to
        String listQuery = ExemptionDetailView.listQuery(event.getLocation().getQueryParameters().getParameters());
        Anchor back = new Anchor("exemptions/" + item.id() + (listQuery.isEmpty() ? "" : "?" + listQuery),
                getTranslation("lists.check.back"));
        back.setId("check-back");
        H1 heading = new H1(getTranslation("lists.check.title"));
        Paragraph violation = ReaderScript.markContent(new Paragraph(ReaderScript.forReader(item.violation())));
        violation.setId("check-violation");
        if (item.sample()) {
            violation.add(new Span(" "), ListsUi.sampleBadge(this));
        }
        add(back, heading, violation, new Paragraph(getTranslation("lists.check.lead")));
        Div form = new Div();
        form.setId("check-form");
        for (int i = 0; i < item.conditions().size(); i++) {
            Condition c = item.conditions().get(i);
            // the question is the field's label: an element of its own, so that its Chinese can carry its language
            String number = (i + 1) + ". ";
            String question = ReaderScript.forReader(c.question());
            if (c.type().numericAnswer()) {
                // a text field, not a number field: what the person typed reaches the server as typed, so
                // the checker can refuse it with a clear message (a number field turns "abc" into no value)
                TextField field = new TextField();
                ReaderScript.labelContent(field, number, question);
                field.setId("check-answer-" + i);
                EligibilityTexts.Messages m = this::getTranslation;
                field.setSuffixComponent(new Span(EligibilityTexts.unit(c, m)));
                // the limit, with the entry's own words in it marked as the detail page marks them
                EligibilityTexts.thresholdMarked(c, m).ifPresent(field::setHelperComponent);
                field.setMaxLength(40);
                field.setManualValidation(true);
                // a number of people or things is whole: a phone shows digits without a decimal point; the keypad is
                // set on the field's own input element (Vaadin 24 does not pass inputmode on)
                cn.gov.enforcement.portal.platform.InputHints.keyboard(field,
                        EligibilityChecker.countsWholeThings(c) ? "numeric" : "decimal");
                field.setWidthFull();
                numbers.add(field);
                yesNo.add(null);
                form.add(new Div(field));
            } else {
                RadioButtonGroup<String> group = new RadioButtonGroup<>();
                group.setId("check-answer-" + i);
                group.setItems(YES, NO);
                ReaderScript.labelContent(group, number, question);
                group.setItemLabelGenerator(v -> getTranslation(YES.equals(v) ? "lists.check.yes" : "lists.check.no"));
                group.setManualValidation(true);
                yesNo.add(group);
                numbers.add(null);
                form.add(new Div(group));
            }
        }
        Button submit = new Button(getTranslation("lists.check.submit"), e -> check());
        submit.setId("check-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        result.setId("check-result");
        result.getElement().setAttribute("role", "status");
        result.getElement().setAttribute("aria-live", "polite");
        add(form, submit, result);
        checked = false;
        restoreAfterLanguageSwitch();
    }

    /** The language switch reloads the page: the answers (and the outcome, when shown) come back in the new language. */
    @Override
    public void keepForLanguageSwitch() {
        if (item == null) {
            return;
        }
        java.util.ArrayList<String> answers = new java.util.ArrayList<>();
        for (int i = 0; i < item.conditions().size(); i++) {
            answers.add(yesNo.get(i) != null ? yesNo.get(i).getValue() : numbers.get(i).getValue());
        }
        cn.gov.enforcement.portal.platform.LanguageSwitchAware.keep(AFTER_LANGUAGE_SWITCH, new Kept(item.id(), answers, checked));
    }

    private void restoreAfterLanguageSwitch() {
        Kept kept = cn.gov.enforcement.portal.platform.LanguageSwitchAware.takeKept(AFTER_LANGUAGE_SWITCH, Kept.class)
                .filter(k -> k.itemId().equals(item.id()) && k.answers().size() == item.conditions().size())
                .orElse(null);
        if (kept == null) {
            return;
        }
        for (int i = 0; i < kept.answers().size(); i++) {
            String value = kept.answers().get(i);
            if (value == null) {
                continue;
            }
            if (yesNo.get(i) != null) {
                if (YES.equals(value) || NO.equals(value)) {
                    yesNo.get(i).setValue(value);
                }
            } else {
                numbers.get(i).setValue(value);
            }
        }
        if (kept.checked()) {
            check();
        }
    }

    /**
     * Collects the answers as typed, asks the service and shows the outcome, or marks every refused
     * answer with the service's message (the typed text stays in its field).
     */
    void check() {
        checked = true;
        result.removeAll();
        Map<String, String> answers = new LinkedHashMap<>();
        for (int i = 0; i < item.conditions().size(); i++) {
            HasValidation field = field(i);
            field.setInvalid(false);
            field.setErrorMessage(null);
            String value = yesNo.get(i) != null ? yesNo.get(i).getValue() : numbers.get(i).getValue();
            if (value != null && !value.isBlank()) {
                answers.put(Integer.toString(i), value);
            }
        }
        EligibilityResult outcome;
        try {
            outcome = catalog.check(item.id(), answers);
        } catch (ListsInputException e) {
            String message = getTranslation(e.messageKey(), e.args());
            if (e instanceof EligibilityAnswersException refused) {
                for (EligibilityAnswersException.Problem p : refused.problems()) {
                    HasValidation field = field(p.index());
                    field.setErrorMessage(getTranslation(p.messageKey(), p.args()));
                    field.setInvalid(true);
                }
                // several questions refused: the message names them all (a screen reader hears it once, not
                // one field's message after another), and the focus goes to the first of them
                List<EligibilityAnswersException.Problem> problems = refused.problems();
                if (problems.size() > 1) {
                    message = getTranslation("lists.check.error.several", problems.size(), problems.stream()
                            .map(p -> Integer.toString(p.index() + 1))
                            .collect(java.util.stream.Collectors.joining(getTranslation("lists.check.error.separator"))));
                }
                cn.gov.enforcement.portal.platform.FieldFocus.reveal(
                        (com.vaadin.flow.component.Component) field(problems.get(0).index()));
            }
            Paragraph error = new Paragraph(message);
            error.setId("check-error");
            error.addClassName("lists-error");
            result.add(error);
            return;
        }
        EligibilityTexts.Messages m = this::getTranslation;
        H2 headline = new H2(EligibilityTexts.headline(outcome, m));
        headline.setId("check-outcome");
        headline.getElement().setAttribute("data-outcome", outcome.outcome().code());
        result.add(headline);
        result.add(new H3(getTranslation("lists.check.reason")));
        result.add(list("check-reasons", EligibilityTexts.reasonsMarked(item, outcome, m)));
        result.add(new H3(getTranslation("lists.check.articles")));
        UnorderedList articles = ListsUi.citationList(outcome.articles(), catalog.citationLinks());
        articles.setId("check-articles");
        result.add(articles);
        result.add(new H3(getTranslation("lists.check.next")));
        result.add(list("check-next", EligibilityTexts.nextStepsMarked(item, outcome, catalog.agencyName(item.agency()),
                catalog.supervisionPhone(item.agency()), m)));
        result.add(new Paragraph(getTranslation("lists.check.disclaimer")));
    }

    private HasValidation field(int index) {
        return yesNo.get(index) != null ? yesNo.get(index) : numbers.get(index);
    }

    /** A list of translated sentences, the Chinese content quoted in them marked ({@link ReaderScript#markSpliced}). */
    private static UnorderedList list(String id, List<com.vaadin.flow.component.Component[]> texts) {
        UnorderedList list = new UnorderedList();
        list.setId(id);
        texts.forEach(t -> list.add(new ListItem(t)));
        return list;
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
