package cn.gov.enforcement.portal.mediation;

import cn.gov.enforcement.portal.platform.LabelSpacing;
import cn.gov.enforcement.portal.platform.Selects;
import cn.gov.enforcement.portal.account.UserSummary;
import cn.gov.enforcement.portal.platform.Translations;
import cn.gov.enforcement.portal.platform.ValidationFailure;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.dao.OptimisticLockingFailureException;
import java.io.ByteArrayInputStream;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The officer's case page: the application, the mediator, every next step of the workflow with
 * its reason, the extension, messages to the applicant, evidence files and documents. A case of
 * another agency gets the same "not found" as an unknown number; every opening is audited.
 */
@Route("staff/mediation/case")
@RolesAllowed({"OFFICER", "ADMIN"})
public class MediationCaseView extends Div implements HasUrlParameter<String>, HasDynamicTitle {

    private final transient MediationBackOffice backOffice;
    private final transient MediationService service;
    private String number;
    /** The values of the input fields as the page was last rendered, to tell what the officer changed since. */
    private transient Map<String, Object> shown = Map.of();
    /** The page's heading, which names the case and its status; focused after a step so that it is read out. */
    private H1 title;
    /** The case's agency's enabled officers, read once per rendering: who did what is shown by their names. */
    private List<UserSummary> officers = List.of();
    /**
     * The version of the case the page was last built from: every step is sent with it, and refused when another
     * officer changed the case since ({@link MediationBackOffice#unchangedSince}).
     */
    private long version;

    public MediationCaseView(MediationBackOffice backOffice, MediationService service) {
        this.backOffice = backOffice;
        this.service = service;
        addClassName("mediation-case-view");
        setId("mediation-case");
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        number = parameter;
        render(true);
    }

    /**
     * Builds the page from the case as it is now.
     *
     * @param opening true when the page is opened (recorded in the audit log), false when it is built again after a
     *     step or to show another officer's change
     */
    private void render(boolean opening) {
        removeAll();
        title = null;
        CaseFile file;
        try {
            file = backOffice.caseFile(number, getLocale(), opening);
        } catch (CaseNotFoundException notFound) {
            getElement().setAttribute("data-outcome", "not-found");
            add(new H1(getTranslation("mediation.case.notFound.title")), new Paragraph(getTranslation("mediation.case.notFound")),
                    new Anchor("staff/mediation", getTranslation("mediation.case.back")));
            return;
        }
        CaseTracking c = file.tracking();
        version = file.version();
        // the agency's officers, with their names: officers are named as people know them, not by their user names
        officers = backOffice.mediatorCandidates(number);
        getElement().setAttribute("data-outcome", "found");
        getElement().setAttribute("data-status", c.status().name());
        add(new Anchor("staff/mediation", getTranslation("mediation.case.back")));
        title = new H1(getTranslation("mediation.case.title", c.caseNumber(), getTranslation(c.status().messageKey())));
        title.setId("mediation-case-title");
        // focusable by script only, not a tab stop
        title.getElement().setAttribute("tabindex", "-1");
        add(title);
        if (c.overdue()) {
            Span overdue = new Span(getTranslation("mediation.queue.overdue"));
            overdue.setId("mediation-case-overdue");
            overdue.addClassName("overdue");
            add(overdue);
        }
        add(details(file));
        add(mediator(file));
        add(actions(c));
        add(messages(c));
        add(evidence(file));
        add(documents(file));
        add(timeline(c));
        shown = values();
    }

    /** The values of the page's input fields by id, empty ones left out. */
    private Map<String, Object> values() {
        Map<String, Object> values = new HashMap<>();
        inputs(this).forEach((id, input) -> {
            if (!input.isEmpty()) {
                values.put(id, input.getValue());
            }
        });
        return values;
    }

    private Component details(CaseFile f) {
        CaseTracking c = f.tracking();
        UnorderedList list = new UnorderedList();
        list.setId("mediation-case-details");
        item(list, "mediation.field.category", getTranslation(c.category().messageKey()) + " — " + f.agencyName());
        item(list, "mediation.case.field.applicantName", c.applicantName()
                + LabelSpacing.inBrackets(getTranslation("mediation.applicantKind." + f.applicantKind())));
        item(list, "mediation.case.field.idNumber", getTranslation(ViewSupport.idTypeKey(f.applicantKind(), f.idType())) + " " + f.idNumber());
        item(list, "mediation.case.field.phone", f.phone());
        item(list, "mediation.case.field.email", f.email());
        written(list, "mediation.case.field.address", f.address());
        written(list, "mediation.case.field.otherPartyName", c.otherPartyName());
        written(list, "mediation.case.field.otherPartyContact", f.otherPartyContact());
        item(list, "mediation.case.otherPartyEmail", f.otherPartyEmail());
        written(list, "mediation.case.field.facts", f.facts());
        written(list, "mediation.case.field.request", f.request());
        written(list, "mediation.case.field.preferredTimes", f.preferredTimes());
        item(list, "mediation.case.field.online", getTranslation(f.preferOnline() ? "mediation.online.yes" : "mediation.online.no"));
        // these labels carry their date as a parameter ("受理决定期限：{0}")
        list.add(new ListItem(getTranslation("mediation.track.acceptanceDue", c.acceptanceDue().toString())));
        if (c.mediationDue() != null) {
            list.add(new ListItem(getTranslation(c.extended() ? "mediation.track.mediationDueExtended"
                    : "mediation.track.mediationDue", c.mediationDue().toString())));
        }
        if (c.sessionAt() != null) {
            list.add(new ListItem(getTranslation("mediation.track.session",
                    ViewSupport.format(c.sessionAt(), service.settings().zone()), c.sessionPlace())));
        }
        if (c.agreementTerms() != null) {
            list.add(new ListItem(getTranslation("mediation.track.agreement", c.agreementTerms())));
        }
        Div section = new Div(new H2(getTranslation("mediation.case.details")), list);
        if (!f.assignedToMe()) {
            section.add(new Paragraph(getTranslation("mediation.case.masked")));
        }
        return section;
    }

    private void item(UnorderedList list, String labelKey, String value) {
        if (value != null && !value.isBlank()) {
            list.add(new ListItem(getTranslation(labelKey) + getTranslation("mediation.colon") + value));
        }
    }

    /**
     * An item of the applicant's own words (the facts, the request, an address): after its label, in a span marked as
     * Chinese where it holds Chinese on a page of another language.
     */
    private void written(UnorderedList list, String labelKey, String value) {
        if (value != null && !value.isBlank()) {
            list.add(new ListItem(new Text(getTranslation(labelKey) + getTranslation("mediation.colon")),
                    cn.gov.enforcement.portal.platform.ReaderScript.markWritten(new Span(value))));
        }
    }

    private Component mediator(CaseFile f) {
        Div section = new Div(new H2(getTranslation("mediation.case.mediator")));
        section.setId("mediation-case-mediator");
        List<UserSummary> candidates = officers;
        Paragraph current = new Paragraph(f.mediator() == null ? getTranslation("mediation.case.noMediator")
                : getTranslation("mediation.case.mediatorIs", personName(f.mediator(), candidates)));
        current.setId("mediation-case-mediator-current");
        section.add(current);
        if (!f.tracking().status().isFinal()) {
            Select<String> choice = Selects.create();
            choice.setId("mediation-mediator-select");
            choice.setLabel(getTranslation("mediation.case.mediator"));
            choice.setItems(candidates.stream().map(UserSummary::username).toList());
            choice.setItemLabelGenerator(u -> candidates.stream().filter(c -> c.username().equals(u)).findFirst()
                    .map(c -> c.displayName() + " (" + c.username() + ")").orElse(u));
            choice.setValue(f.mediator() != null && candidates.stream().anyMatch(c -> c.username().equals(f.mediator()))
                    ? f.mediator() : null);
            Button assign = new Button(getTranslation("mediation.case.assign"),
                    e -> act(choice, checked(() -> backOffice.assignMediator(number, choice.getValue()))));
            assign.setId("mediation-mediator-assign");
            section.add(row(choice, assign));
        }
        return section;
    }

    /**
     * An officer's display name when the account has one, else the user name (also for an account that is no longer
     * among the agency's enabled officers).
     */
    static String personName(String username, List<UserSummary> officers) {
        return MediationBackOffice.personName(username, officers);
    }

    private Component actions(CaseTracking c) {
        Div section = new Div();
        section.setId("mediation-case-actions");
        if (c.status().isFinal()) {
            if (c.onwardGuidance()) {
                section.add(new Paragraph(getTranslation("mediation.guidance.onward")));
            }
            return section;
        }
        section.add(new H2(getTranslation("mediation.case.next")));
        TextArea reason = new TextArea(getTranslation("mediation.queue.reason"));
        reason.setId("mediation-step-reason");
        reason.setWidthFull();
        // the parties read it word for word: say so before the officer writes
        reason.setHelperText(getTranslation("mediation.case.reason.helper"));
        switch (c.status()) {
            case SUBMITTED -> section.add(reason, row(
                    step("mediation-accept", "mediation.queue.accept", reason, () -> backOffice.accept(number, reason.getValue())),
                    step("mediation-not-accept", "mediation.queue.notAccept", reason,
                            () -> backOffice.notAccept(number, reason.getValue()))));
            case ACCEPTED -> {
                TextField email = new TextField(getTranslation("mediation.case.otherPartyEmail"));
                email.setId("mediation-other-party-email");
                email.setHelperText(getTranslation("mediation.case.otherPartyEmail.helper"));
                Select<Locale> language = Selects.create();
                language.setId("mediation-other-party-language");
                language.setLabel(getTranslation("mediation.case.otherPartyLanguage"));
                language.setItems(Translations.ZH_CN, Translations.ZH_TW, Translations.EN);
                language.setItemLabelGenerator(l -> getTranslation("mediation.language." + l.toLanguageTag()));
                language.setValue(Translations.ZH_CN);
                // a refused address is shown at its own field (act finds it by the problem's field)
                section.add(reason, row(email, language), row(step("mediation-invite", "mediation.case.invite", reason,
                        () -> backOffice.inviteOtherParty(number, reason.getValue(), email.getValue(), language.getValue()))));
            }
            case OTHER_PARTY_INVITED -> section.add(reason, row(
                    step("mediation-agreed", "mediation.case.agreed", reason, () -> backOffice.otherPartyAgreed(number, reason.getValue())),
                    step("mediation-declined", "mediation.case.declined", reason,
                            () -> backOffice.otherPartyDeclined(number, reason.getValue()))));
            case OTHER_PARTY_AGREED -> {
                section.add(sessionForm("mediation-session", "mediation.case.sessionAt", "mediation-schedule", "mediation.case.schedule",
                        null, null, c.mediationDue(), (at, place) -> backOffice.scheduleSession(number, at, place)));
                // the session may never come about: mediation fails with its reason
                section.add(reason, step("mediation-fail", "mediation.case.fail", reason, () -> backOffice.fail(number, reason.getValue())));
            }
            case SESSION_SCHEDULED -> {
                if (backOffice.sessionAhead(c.sessionAt())) {
                    // the outcome is known after the session: until its day only the session can be moved
                    Paragraph wait = new Paragraph(getTranslation("mediation.case.outcomeAfterSession",
                            c.sessionAt().atZone(service.settings().zone()).toLocalDate().toString()));
                    wait.setId("mediation-outcome-after-session");
                    section.add(wait);
                } else {
                    TextArea terms = new TextArea(getTranslation("mediation.case.terms"));
                    terms.setId("mediation-terms");
                    terms.setWidthFull();
                    section.add(terms, step("mediation-agreement", "mediation.case.agreement", terms,
                            () -> backOffice.agreementReached(number, terms.getValue())));
                    section.add(reason, step("mediation-fail", "mediation.case.fail", reason,
                            () -> backOffice.fail(number, reason.getValue())));
                }
                section.add(new H3(getTranslation("mediation.case.rescheduleTitle")));
                section.add(sessionForm("mediation-reschedule", "mediation.case.sessionAt", "mediation-reschedule",
                        "mediation.case.reschedule", c.sessionAt(), c.sessionPlace(), c.mediationDue(),
                        (at, place) -> backOffice.rescheduleSession(number, at, place)));
            }
            case AGREEMENT_REACHED, FAILED -> section.add(reason,
                    step("mediation-close", "mediation.case.close", reason, () -> backOffice.close(number, reason.getValue())));
            default -> {
            }
        }
        if (c.status().inMediation() && !c.extended()) {
            TextArea why = new TextArea(getTranslation("mediation.case.extendReason", service.settings().extensionDays()));
            why.setId("mediation-extend-reason");
            why.setWidthFull();
            why.setHelperText(getTranslation("mediation.case.reason.helper"));
            section.add(why, step("mediation-extend", "mediation.case.extend", why, () -> backOffice.extend(number, why.getValue())));
        }
        return section;
    }

    /**
     * A session's time and place with the button that sends them: the first scheduling, or a new time for a scheduled
     * session (then filled in with the time and place set so far). The picker offers no time after the mediation
     * deadline ({@code due}), which the back office refuses too.
     */
    private Component sessionForm(String fieldIds, String atLabelKey, String buttonId, String buttonKey, java.time.Instant at,
            String place, java.time.LocalDate due, java.util.function.BiFunction<java.time.Instant, String, CaseTracking> action) {
        DateTimePicker when = cn.gov.enforcement.portal.platform.DatePickers.localize(
                new DateTimePicker(getTranslation(atLabelKey)), this);
        when.setId(fieldIds + "-at");
        TextField where = new TextField(getTranslation("mediation.case.sessionPlace"));
        where.setId(fieldIds + "-place");
        where.setWidthFull();
        where.setHelperText(getTranslation("mediation.case.sessionPlace.helper"));
        if (due != null) {
            when.setMax(due.atTime(23, 59));
        }
        if (at != null) {
            when.setValue(LocalDateTime.ofInstant(at, service.settings().zone()));
        }
        if (place != null) {
            where.setValue(place);
        }
        long seen = version;
        Button send = new Button(getTranslation(buttonKey), e -> {
            try {
                LocalDateTime value = when.getValue();
                java.time.Instant chosen = value == null ? null : value.atZone(service.settings().zone()).toInstant();
                backOffice.unchangedSince(number, seen, () -> action.apply(chosen, where.getValue()));
                renderAfterStep();
            } catch (ValidationFailure failure) {
                show("sessionAt".equals(failure.problems().get(0).field()) ? when : where, failure);
            } catch (IllegalTransitionException | OptimisticLockingFailureException changed) {
                changedMeanwhile(when);
            }
        });
        send.setId(buttonId);
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return new Div(row(when, where), send);
    }

    private Button button(String id, String labelKey, HasValidation field, Supplier<CaseTracking> action) {
        Button button = new Button(getTranslation(labelKey), e -> act(field, action));
        button.setId(id);
        return button;
    }

    /** A button of a step of the workflow: sent with the version the page was built from. */
    private Button step(String id, String labelKey, HasValidation field, Supplier<CaseTracking> action) {
        return button(id, labelKey, field, checked(action));
    }

    /** The action, refused by the back office when the case changed since the page was built. */
    private Supplier<CaseTracking> checked(Supplier<CaseTracking> action) {
        long seen = version;
        return () -> backOffice.unchangedSince(number, seen, action);
    }

    /** The page's input fields for the fields a refusal of the back office may name besides the step's own. */
    private static final Map<String, String> FIELD_IDS = Map.of("otherPartyEmail", "mediation-other-party-email");

    /**
     * Sends a step: the page is rebuilt after it; a refused input is marked at its field; a case that another officer
     * changed since the page was built (a newer version, or a state the step no longer applies to) is shown as it is
     * now, with the notice and what was typed.
     */
    private void act(HasValidation field, Supplier<CaseTracking> action) {
        try {
            if (action.get() != null) {
                renderAfterStep();
            }
        } catch (ValidationFailure failure) {
            String other = FIELD_IDS.get(failure.problems().get(0).field());
            show(other != null && inputs(this).get(other) instanceof HasValidation named ? named : field, failure);
        } catch (IllegalTransitionException | OptimisticLockingFailureException changed) {
            changedMeanwhile(field);
        }
    }

    /**
     * Shows the case after a successful step. The page is rebuilt, so the button that was pressed is gone: the focus
     * moves to the heading, which names the case and its new status, instead of falling back to the document.
     */
    private void renderAfterStep() {
        render(false);
        if (title != null) {
            title.getElement().executeJs("this.focus()");
        }
    }

    /**
     * Another officer changed the case while this one was acting on it (the version check refused the write, nothing
     * was stored): the page shows the case as it is now and says so, with everything the officer had typed still in
     * the fields that are still there, so the step can be checked and sent again.
     */
    private void changedMeanwhile(HasValidation field) {
        // what the officer typed or chose: the values that differ from those the page was shown with (a value the page
        // filled in itself, such as the mediator or the session set so far, must not hide the other officer's change)
        Map<String, Object> typed = new HashMap<>(values());
        typed.entrySet().removeIf(e -> e.getValue().equals(shown.get(e.getKey())));
        String fieldId = field instanceof Component c ? c.getId().orElse(null) : null;
        render(false);
        Map<String, HasValue<?, ?>> now = inputs(this);
        typed.forEach((id, value) -> {
            HasValue<?, ?> input = now.get(id);
            if (input != null) {
                try {
                    @SuppressWarnings("unchecked")
                    HasValue<?, Object> target = (HasValue<?, Object>) input;
                    target.setValue(value);
                } catch (RuntimeException notOfferedAnyMore) {
                    // a choice the page no longer offers (an officer who left the agency): left empty
                }
            }
        });
        if (fieldId != null && now.get(fieldId) instanceof HasValidation again) {
            again.setInvalid(true);
            again.setErrorMessage(getTranslation("mediation.case.changed"));
        }
        Paragraph notice = new Paragraph(getTranslation("mediation.case.changed"));
        notice.setId("mediation-case-changed");
        notice.getElement().setAttribute("role", "alert");
        notice.addClassName("mediation-changed");
        addComponentAtIndex(Math.min(2, getComponentCount()), notice);
    }

    /** The input fields under a component that have an id, by id. */
    private static Map<String, HasValue<?, ?>> inputs(Component root) {
        Map<String, HasValue<?, ?>> found = new HashMap<>();
        root.getChildren().forEach(child -> {
            if (child instanceof HasValue<?, ?> input && child.getId().isPresent()) {
                found.put(child.getId().get(), input);
            }
            found.putAll(inputs(child));
        });
        return found;
    }

    private void show(HasValidation field, ValidationFailure failure) {
        field.setInvalid(true);
        field.setErrorMessage(getTranslation(failure.problems().get(0).messageKey(), failure.problems().get(0).args()));
    }

    private static HorizontalLayout row(Component... components) {
        HorizontalLayout row = new HorizontalLayout(components);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        return row;
    }

    private Component messages(CaseTracking c) {
        Div section = new Div(new H2(getTranslation("mediation.messages.title")));
        section.setId("mediation-case-messages");
        OrderedList list = new OrderedList();
        list.setId("mediation-message-list");
        for (CaseMessageView m : c.messages()) {
            String who = m.fromApplicant() ? getTranslation("mediation.track.byApplicant") : personName(m.author(), officers);
            list.add(new ListItem(new Text(ViewSupport.format(m.sentAt(), service.settings().zone()) + " " + who
                    + getTranslation("mediation.colon")), cn.gov.enforcement.portal.platform.ReaderScript.markWritten(
                    new Span(m.body()))));
        }
        if (c.messages().isEmpty()) {
            section.add(new Paragraph(getTranslation("mediation.messages.none")));
        }
        section.add(list);
        if (c.status().isFinal()) {
            // the applicant can no longer answer a finished case: no message asks them to
            Paragraph closed = new Paragraph(getTranslation("mediation.messages.closedStaff"));
            closed.setId("mediation-message-closed");
            section.add(closed);
            return section;
        }
        TextArea body = new TextArea(getTranslation("mediation.messages.write"));
        body.setId("mediation-message-body");
        body.setWidthFull();
        section.add(body, button("mediation-message-send", "mediation.messages.send", body,
                () -> backOffice.sendMessage(number, body.getValue())));
        return section;
    }

    private Component evidence(CaseFile f) {
        Div section = new Div(new H2(getTranslation("mediation.evidence.title")));
        section.setId("mediation-case-evidence");
        if (f.evidence().isEmpty()) {
            section.add(new Paragraph(getTranslation("mediation.evidence.none")));
        }
        UnorderedList list = new UnorderedList();
        for (EvidenceInfo e : f.evidence()) {
            long id = e.id();
            String caseNumber = number;
            Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> evidenceDownload(caseNumber, id,
                    () -> backOffice.evidence(caseNumber, id))), e.fileName() + " (" + Math.max(1, e.size() / 1024) + " KB)");
            download.getElement().setAttribute("download", true);
            download.addClassName("mediation-evidence-link");
            list.add(new ListItem(download));
        }
        section.add(list);
        return section;
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MediationCaseView.class);

    /**
     * The answer to an evidence download: the file, or a plain 404 when the case or file is out of the officer's
     * reach since the page was built (purged, withdrawn from the agency) or the stored file cannot be read (a partial
     * restore, the purge racing the page). A missing file is logged as a warning naming case and file, not left to
     * fail as a server error with a stack trace.
     */
    static DownloadResponse evidenceDownload(String caseNumber, long evidenceId,
            Supplier<MediationBackOffice.EvidenceContent> evidence) {
        try {
            MediationBackOffice.EvidenceContent content = evidence.get();
            return new DownloadResponse(new ByteArrayInputStream(content.bytes()), content.fileName(),
                    content.contentType(), content.bytes().length);
        } catch (CaseNotFoundException gone) {
            return DownloadResponse.error(404);
        } catch (java.io.UncheckedIOException unreadable) {
            LOG.warn("Evidence file {} of case {} cannot be read (missing from the data directory?): {}", evidenceId,
                    caseNumber, unreadable.getCause() == null ? unreadable.toString() : unreadable.getCause().toString());
            return DownloadResponse.error(404);
        }
    }

    private Component documents(CaseFile f) {
        Div section = new Div(new H2(getTranslation("mediation.document.title")));
        section.setId("mediation-case-documents");
        for (MediationDocument d : f.documents()) {
            Anchor link = new Anchor("staff/mediation/document/" + number + "/" + d.name(), getTranslation(d.messageKey() + ".title"));
            link.setTarget("_blank");
            link.addClassName("mediation-document-link");
            section.add(new Div(link));
        }
        if (f.documents().isEmpty()) {
            section.add(new Paragraph(getTranslation("mediation.document.none")));
        }
        return section;
    }

    private Component timeline(CaseTracking c) {
        OrderedList list = new OrderedList();
        list.setId("mediation-case-timeline");
        for (CaseTracking.Step step : c.history()) {
            String text = MediationTrackView.stepText(this, step, service.settings().zone());
            list.add(new ListItem(step.byApplicant() ? text : text + " — " + personName(step.actor(), officers)));
        }
        return new Div(new H2(getTranslation("mediation.track.timeline")), list);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("mediation.case.pageTitle", number == null ? "" : number);
    }
}
