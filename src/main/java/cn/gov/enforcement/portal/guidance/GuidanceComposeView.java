package cn.gov.enforcement.portal.guidance;

import cn.gov.enforcement.portal.platform.TextChecks;
import cn.gov.enforcement.portal.platform.Selects;
import cn.gov.enforcement.portal.platform.Translations;
import cn.gov.enforcement.portal.platform.ValidationFailure;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An officer writes a guidance (行政指导书) in the name of their agency. Refused fields are marked with their
 * message and keep what was typed; once issued, the page shows the document with the party's access code, ready
 * to print, and says whether it was mailed.
 */
@Route("staff/guidance/new")
@RolesAllowed("OFFICER")
public class GuidanceComposeView extends Div implements HasDynamicTitle, BeforeEnterObserver {

    private final transient GuidanceService service;
    private final Select<GuidanceKind> kind = Selects.create();
    private final TextField certificates = new TextField();
    private final TextField partyName = new TextField();
    private final TextField partyEmail = new TextField();
    private final Select<Locale> language = Selects.create();
    private final TextField subject = new TextField();
    private final TextArea findings = new TextArea();
    private final TextArea advice = new TextArea();
    private final TextArea basis = new TextArea();
    private final DatePicker respondBy = new DatePicker();
    private final DatePicker visitDue = new DatePicker();
    private final Paragraph formError = new Paragraph();
    private final Div form = new Div();
    private final Paragraph drafted = new Paragraph();

    public GuidanceComposeView(GuidanceService service) {
        this.service = service;
        addClassName("guidance-compose-view");
        add(new Anchor("staff/guidance", getTranslation("guidance.back")));
        add(new H1(getTranslation("guidance.compose.title")), new Paragraph(getTranslation("guidance.compose.lead")));
        kind.setId("guidance-kind");
        kind.setLabel(getTranslation("guidance.field.kind"));
        kind.setItems(GuidanceKind.values());
        kind.setItemLabelGenerator(k -> k == null ? getTranslation("guidance.field.choose") : getTranslation(k.messageKey()));
        kind.setEmptySelectionAllowed(true);
        kind.setEmptySelectionCaption(getTranslation("guidance.field.choose"));
        kind.addValueChangeListener(e -> kind.setHelperText(e.getValue() == null ? null
                : getTranslation(e.getValue().descriptionKey())));
        certificates.setId("guidance-certificates");
        certificates.setLabel(getTranslation("guidance.field.certificates"));
        certificates.setHelperText(getTranslation("guidance.field.certificates.help", GuidanceService.MAX_OFFICERS));
        certificates.setWidthFull();
        partyName.setId("guidance-party");
        partyName.setLabel(getTranslation("guidance.field.partyName"));
        partyName.setMaxLength(TextChecks.browserMaxLength(GuidanceService.MAX_NAME));
        partyEmail.setId("guidance-email");
        partyEmail.setLabel(getTranslation("guidance.field.partyEmail"));
        // the party's address, not the officer's own: the e-mail keyboard, no autofill
        cn.gov.enforcement.portal.platform.InputHints.otherEmail(partyEmail);
        cn.gov.enforcement.portal.platform.InputHints.otherContact(partyName);
        partyEmail.setHelperText(getTranslation("guidance.field.partyEmail.help"));
        language.setId("guidance-language");
        language.setLabel(getTranslation("guidance.field.language"));
        language.setItems(Translations.ZH_CN, Translations.ZH_TW, Translations.EN);
        language.setItemLabelGenerator(l -> getTranslation("guidance.language." + l.toLanguageTag()));
        language.setValue(Translations.ZH_CN);
        subject.setId("guidance-subject");
        subject.setLabel(getTranslation("guidance.field.subject"));
        subject.setMaxLength(TextChecks.browserMaxLength(GuidanceService.MAX_SUBJECT));
        subject.setWidthFull();
        findings.setId("guidance-findings");
        findings.setLabel(getTranslation("guidance.field.findings"));
        findings.setHelperText(getTranslation("guidance.field.findings.help"));
        findings.setMaxLength(TextChecks.browserMaxLength(GuidanceService.MAX_TEXT));
        findings.setWidthFull();
        advice.setId("guidance-advice");
        advice.setLabel(getTranslation("guidance.field.advice"));
        advice.setHelperText(getTranslation("guidance.field.advice.help"));
        advice.setMaxLength(TextChecks.browserMaxLength(GuidanceService.MAX_TEXT));
        advice.setWidthFull();
        basis.setId("guidance-basis");
        basis.setLabel(getTranslation("guidance.field.basis"));
        basis.setHelperText(getTranslation("guidance.field.basis.help"));
        basis.setMaxLength(TextChecks.browserMaxLength(GuidanceService.MAX_BASIS));
        basis.setWidthFull();
        cn.gov.enforcement.portal.platform.DatePickers.localize(respondBy, this);
        respondBy.setId("guidance-respond-by");
        respondBy.setLabel(getTranslation("guidance.field.respondBy"));
        respondBy.setHelperText(getTranslation("guidance.field.optional"));
        cn.gov.enforcement.portal.platform.DatePickers.localize(visitDue, this);
        visitDue.setId("guidance-visit-due");
        visitDue.setLabel(getTranslation("guidance.field.visitDue"));
        visitDue.setHelperText(getTranslation("guidance.field.visitDue.help"));
        formError.setId("guidance-form-error");
        formError.getElement().setAttribute("role", "alert");
        Button issue = new Button(getTranslation("guidance.compose.issue"), e -> issue());
        issue.setId("guidance-issue");
        issue.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        drafted.setId("guidance-drafted");
        drafted.setVisible(false);
        form.setId("guidance-form");
        form.add(drafted, row(kind), certificates, row(partyName, partyEmail, language), subject, findings, advice,
                basis, row(respondBy, visitDue), formError, issue);
        add(form);
    }

    /**
     * Fields side by side, spaced, each wide enough for its label (theme {@code .staff-form-row}): a select's and a date
     * picker's label cannot wrap, and at Lumo's 12em the English ones were cut (Language of the e-mail…).
     */
    private static Div row(com.vaadin.flow.component.Component... fields) {
        Div row = new Div(fields);
        row.addClassName("staff-form-row");
        return row;
    }

    /**
     * {@code ?risk=<id>} drafts the guidance from one of the agency's legal-risk points (the risk point's page links
     * here for its agency's officers); the officer adapts it to what was actually found. Another agency's or an
     * unknown risk point leaves the form empty.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("risk").flatMap(service::draftFromRiskPoint)
                .ifPresent(d -> {
                    kind.setValue(d.kind());
                    subject.setValue(d.subject() == null ? "" : d.subject());
                    findings.setValue(d.findings() == null ? "" : d.findings());
                    advice.setValue(d.advice() == null ? "" : d.advice());
                    basis.setValue(d.basis() == null ? "" : d.basis());
                    drafted.setText(getTranslation("guidance.compose.drafted", d.subject()));
                    drafted.setVisible(true);
                });
    }

    private void issue() {
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        fields.put("kind", kind);
        fields.put("certificates", certificates);
        fields.put("partyName", partyName);
        fields.put("partyEmail", partyEmail);
        fields.put("subject", subject);
        fields.put("findings", findings);
        fields.put("advice", advice);
        fields.put("basis", basis);
        fields.put("respondBy", respondBy);
        fields.put("visitDue", visitDue);
        fields.values().forEach(f -> f.setInvalid(false));
        formError.setText("");
        // a typed date the picker could not read is empty: refuse it instead of issuing without it
        if (cn.gov.enforcement.portal.platform.DatePickers.markUnreadable(this, respondBy, visitDue)) {
            return;
        }
        try {
            GuidanceService.Issued issued = service.issue(new GuidanceInput(kind.getValue(), certificates.getValue(),
                    partyName.getValue(), partyEmail.getValue(), language.getValue().toLanguageTag(),
                    subject.getValue(), findings.getValue(), advice.getValue(), basis.getValue(), respondBy.getValue(),
                    visitDue.getValue()));
            showIssued(issued);
        } catch (ValidationFailure failure) {
            failure.problems().forEach(p -> {
                HasValidation field = fields.get(p.field());
                String message = getTranslation(p.messageKey(), p.args());
                if (field != null) {
                    field.setErrorMessage(message);
                    field.setInvalid(true);
                } else {
                    formError.setText(message);
                }
            });
        }
    }

    private void showIssued(GuidanceService.Issued issued) {
        removeAll();
        GuidanceRecord g = issued.guidance();
        getElement().setAttribute("data-issued", g.number());
        Div done = new Div();
        done.addClassName("no-print");
        done.add(new Anchor("staff/guidance", getTranslation("guidance.back")));
        Paragraph told = new Paragraph(getTranslation(g.partyEmail() == null ? "guidance.compose.issuedPrint"
                : "guidance.compose.issuedMailed", g.number(), g.partyEmail() == null ? "" : g.partyEmail()));
        told.setId("guidance-issued");
        Button print = new Button(getTranslation("guidance.print"),
                e -> e.getSource().getUI().ifPresent(ui -> ui.getPage().executeJs("window.print()")));
        print.setId("guidance-print");
        Anchor detail = new Anchor(GuidanceDetailView.path(g.number()), getTranslation("guidance.compose.open"));
        detail.setId("guidance-open");
        Anchor another = new Anchor("staff/guidance/new", getTranslation("guidance.compose.another"));
        another.setId("guidance-another");
        done.add(told, print, new Span(" "), detail, new Span(" · "), another);
        add(done, GuidanceDetailView.document(service, g, issued.accessCode()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("guidance.compose.title");
    }
}
