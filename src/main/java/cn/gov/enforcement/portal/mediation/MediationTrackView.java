package cn.gov.enforcement.portal.mediation;

import cn.gov.enforcement.portal.platform.LabelSpacing;
import cn.gov.enforcement.portal.platform.PasswordFields;

import cn.gov.enforcement.portal.platform.ClientAddress;
import cn.gov.enforcement.portal.platform.ValidationFailure;
import cn.gov.enforcement.portal.platform.ReaderScript;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * The applicant follows a case with its number and access code, and may withdraw it (after
 * confirming that the withdrawal is final). Deadlines and the message form are shown only while the
 * case is not finished (see {@link CaseStatus#isFinal()}).
 */
@Route("mediation/track")
@AnonymousAllowed
public class MediationTrackView extends Div implements HasDynamicTitle,
        com.vaadin.flow.router.BeforeEnterObserver, cn.gov.enforcement.portal.platform.LanguageSwitchAware {

    /** Session attribute: reopen the case of {@link #SESSION_CASE} once, after the reader switched the language. */
    static final String REOPEN_AFTER_LANGUAGE_SWITCH = MediationTrackView.class.getName() + ".reopen";

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final transient MediationService service;
    private final TextField number = new TextField();
    private final PasswordField code = new PasswordField();
    private final Div result = new Div();

    public MediationTrackView(MediationService service) {
        this.service = service;
        addClassName("mediation-track-view");
        add(new H1(getTranslation("mediation.track.title")), new Paragraph(getTranslation("mediation.track.lead")));
        number.setId("mediation-track-number");
        number.setLabel(getTranslation("mediation.track.number"));
        number.setPlaceholder("TJ-2026-000123");
        code.setId("mediation-track-code");
        code.setLabel(getTranslation("mediation.track.code"));
        PasswordFields.localizeAccessCode(code);
        Button lookUp = new Button(getTranslation("mediation.track.submit"), e -> lookUp());
        lookUp.setId("mediation-track-submit");
        lookUp.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // Enter in either field looks the case up, as on the certificate check
        number.addKeyPressListener(com.vaadin.flow.component.Key.ENTER, e -> lookUp());
        code.addKeyPressListener(com.vaadin.flow.component.Key.ENTER, e -> lookUp());
        HorizontalLayout form = new HorizontalLayout(number, code, lookUp);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        result.setId("mediation-track-result");
        // not a live region: it holds the whole case with its forms; the outcome is announced instead by focusing
        // the case's status heading, or by the alert that says nothing was found
        add(form, result);
        com.vaadin.flow.server.VaadinSession session = com.vaadin.flow.server.VaadinSession.getCurrent();
        if (cn.gov.enforcement.portal.platform.LanguageSwitchAware.takeKept(REOPEN_AFTER_LANGUAGE_SWITCH, Boolean.class)
                .isPresent()) {
            if (session.getAttribute(SESSION_CASE) instanceof Opened opened) {
                number.setValue(opened.number());
                code.setValue(opened.code());
                lookUp();
            }
        }
    }

    /**
     * {@code ?number=} fills in the case number (the applicant's mails link here); the access code is typed. A case
     * opened again after the language switch keeps its own number.
     */
    @Override
    public void beforeEnter(com.vaadin.flow.router.BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("number")
                .filter(n -> n.length() <= 20 && number.isEmpty()).ifPresent(number::setValue);
    }

    /** The language switch reloads the page: the case opened in this session is opened again after it. */
    @Override
    public void keepForLanguageSwitch() {
        com.vaadin.flow.server.VaadinSession session = com.vaadin.flow.server.VaadinSession.getCurrent();
        if (session != null && session.getAttribute(SESSION_CASE) != null) {
            cn.gov.enforcement.portal.platform.LanguageSwitchAware.keep(REOPEN_AFTER_LANGUAGE_SWITCH, Boolean.TRUE);
        }
    }

    /** Session attribute that keeps the number and code of the case last found, for its documents. */
    static final String SESSION_CASE = MediationTrackView.class.getName() + ".case";

    /** The number and access code of the case the visitor has opened in this session. */
    record Opened(String number, String code) implements java.io.Serializable {}

    /**
     * The case found by the last look-up: replies and the withdrawal act on it, not on whatever the number and code
     * fields hold by then (each of those with another code would be an unmetered guess).
     */
    private Opened opened;

    private void lookUp() {
        number.setInvalid(false);
        code.setInvalid(false);
        try {
            Optional<CaseTracking> found = service.track(number.getValue(), code.getValue(), ClientAddress.current());
            com.vaadin.flow.server.VaadinSession session = com.vaadin.flow.server.VaadinSession.getCurrent();
            opened = found.isPresent() ? new Opened(found.get().caseNumber(), code.getValue()) : null;
            if (session != null) {
                session.setAttribute(SESSION_CASE, opened);
            }
            show(found);
        } catch (ValidationFailure refused) {
            refuse(refused);
        } catch (RateLimitedException limited) {
            result.removeAll();
            result.getElement().setAttribute("data-outcome", "rate-limited");
            result.add(alert(getTranslation("mediation.error.rateLimited", limited.retryAfterMinutes())));
        }
    }

    /**
     * An empty or malformed number or code, refused before any look-up (and not counted as a guess): each field says
     * what it lacks, the focus goes to the first of them, and no case stays open from an earlier look-up.
     */
    private void refuse(ValidationFailure refused) {
        opened = null;
        com.vaadin.flow.server.VaadinSession session = com.vaadin.flow.server.VaadinSession.getCurrent();
        if (session != null) {
            session.setAttribute(SESSION_CASE, null);
        }
        result.removeAll();
        result.getElement().setAttribute("data-outcome", "refused");
        Component first = null;
        for (ValidationFailure.FieldProblem problem : refused.problems()) {
            com.vaadin.flow.component.textfield.TextFieldBase<?, String> field = "number".equals(problem.field()) ? number : code;
            field.setErrorMessage(getTranslation(problem.messageKey(), problem.args()));
            field.setInvalid(true);
            first = first == null ? field : first;
        }
        if (first != null) {
            cn.gov.enforcement.portal.platform.FieldFocus.reveal(first);
        }
    }

    private static Paragraph alert(String text) {
        Paragraph alert = new Paragraph(text);
        alert.getElement().setAttribute("role", "alert");
        return alert;
    }

    private void show(Optional<CaseTracking> found) {
        result.removeAll();
        if (found.isEmpty()) {
            result.getElement().setAttribute("data-outcome", "not-found");
            result.add(alert(getTranslation("mediation.track.notFound")));
            return;
        }
        CaseTracking c = found.get();
        result.getElement().setAttribute("data-outcome", "found");
        result.getElement().setAttribute("data-status", c.status().name());
        H2 status = new H2(getTranslation("mediation.track.status", getTranslation(c.status().messageKey())));
        status.setId("mediation-track-status");
        status.getElement().setAttribute("tabindex", "-1");
        result.add(status);
        // a screen reader reads the case from its status on; the button that was pressed may be gone with the rebuild
        status.getElement().callJsFunction("focus");
        result.add(new Paragraph(getTranslation("mediation.track.summary", c.caseNumber(),
                getTranslation(c.category().messageKey()), service.agencyName(c.agencyId(), getLocale()),
                c.applicantName(), c.idNumberMasked(), c.phoneMasked())));
        AgencyContact agency = service.agencyContact(c.agencyId(), getLocale());
        if (agency.phone() != null) {
            // the agency's name and office hours are the agency's words: Chinese in them is marked on other pages
            String name = ReaderScript.spliceAsWritten(agency.name());
            Paragraph contact = new Paragraph(ReaderScript.markSpliced(agency.officeHours() == null
                    ? getTranslation("mediation.track.contact", name, agency.phone())
                    : getTranslation("mediation.track.contactHours", name, agency.phone(),
                            ReaderScript.spliceAsWritten(agency.officeHours()))));
            contact.setId("mediation-track-agency");
            result.add(contact);
        }
        boolean finished = c.status().isFinal();
        if (!finished) { // a finished case has no deadline left to run
            result.add(nextDates(c));
        } else if (c.sessionAt() != null) {
            // a case withdrawn before its session never held it: the time set is no appointment any more
            boolean held = c.history().stream().anyMatch(s -> s.changesState() && s.from() == CaseStatus.SESSION_SCHEDULED
                    && s.to().isOutcome());
            Paragraph session = new Paragraph(getTranslation(held ? "mediation.track.session" : "mediation.track.sessionCancelled",
                    format(c.sessionAt()), c.sessionPlace()));
            session.setId("mediation-track-session");
            result.add(session);
        }
        if (c.overdue()) {
            Paragraph overdue = new Paragraph(getTranslation("mediation.track.overdue"));
            overdue.setId("mediation-track-overdue");
            result.add(overdue);
        }
        if (c.agreementTerms() != null) {
            result.add(new Paragraph(getTranslation("mediation.track.agreement", c.agreementTerms())));
        }
        if (c.onwardGuidance()) { // also for a failed case once it is closed
            Paragraph onward = new Paragraph(getTranslation("mediation.guidance.onward"));
            onward.setId("mediation-track-onward");
            result.add(onward);
        }
        OrderedList timeline = new OrderedList();
        timeline.setId("mediation-track-timeline");
        for (CaseTracking.Step step : c.history()) {
            timeline.add(new ListItem(stepText(this, step, service.settings().zone())));
        }
        result.add(new H2(getTranslation("mediation.track.timeline")), timeline);
        List<MediationDocument> documents = MediationDocument.available(c).stream().filter(MediationDocument::forApplicant).toList();
        if (!documents.isEmpty()) {
            Div links = new Div(new H2(getTranslation("mediation.document.title")));
            links.setId("mediation-track-documents");
            for (MediationDocument d : documents) {
                Anchor link = new Anchor("mediation/track/document/" + d.name(), getTranslation(d.messageKey() + ".title"));
                link.setTarget("_blank");
                link.addClassName("mediation-document-link");
                links.add(new Div(link));
            }
            result.add(links);
        }
        result.add(new H2(getTranslation("mediation.messages.title")));
        OrderedList messages = new OrderedList();
        messages.setId("mediation-track-messages");
        for (CaseMessageView m : c.messages()) {
            String who = getTranslation(m.fromApplicant() ? "mediation.messages.fromYou" : "mediation.messages.fromAgency");
            messages.add(new ListItem(format(m.sentAt()) + " " + who + getTranslation("mediation.colon") + m.body()));
        }
        if (c.messages().isEmpty()) {
            result.add(new Paragraph(getTranslation("mediation.messages.none")));
        }
        result.add(messages);
        if (finished) {
            Paragraph closed = new Paragraph(getTranslation("mediation.messages.closed"));
            closed.setId("mediation-reply-closed");
            result.add(closed);
        } else {
            result.add(replyForm());
        }
        if (c.status().isOpen()) {
            TextArea reason = new TextArea(getTranslation("mediation.track.withdrawReason"));
            reason.setId("mediation-withdraw-reason");
            reason.setWidthFull();
            Button withdraw = new Button(getTranslation("mediation.track.withdraw"));
            withdraw.setId("mediation-withdraw");
            withdraw.addThemeVariants(ButtonVariant.LUMO_ERROR);
            withdraw.addClickListener(e -> confirmWithdrawal(c.caseNumber(), reason));
            result.add(reason, withdraw);
        }
    }

    /**
     * The dates of the stage the case is in: the acceptance decision's deadline while it is pending; after acceptance
     * the session (when one is set) and the mediation deadline; once mediation has an outcome, no date but that the
     * agency closes the case.
     */
    private Div nextDates(CaseTracking c) {
        Div dates = new Div();
        dates.setId("mediation-track-deadlines");
        if (c.status() == CaseStatus.SUBMITTED) {
            dates.add(new Paragraph(getTranslation("mediation.track.acceptanceDue", c.acceptanceDue().toString())));
        }
        if (c.sessionAt() != null) {
            Paragraph session = new Paragraph(getTranslation("mediation.track.session", format(c.sessionAt()), c.sessionPlace()));
            session.setId("mediation-track-session");
            dates.add(session);
        }
        if (c.status().inMediation() && c.mediationDue() != null) {
            dates.add(new Paragraph(getTranslation(c.extended() ? "mediation.track.mediationDueExtended"
                    : "mediation.track.mediationDue", c.mediationDue().toString())));
        }
        if (c.status().isOutcome()) {
            dates.add(new Paragraph(getTranslation("mediation.track.noDeadline")));
        }
        return dates;
    }

    private Component replyForm() {
        TextArea reply = new TextArea(getTranslation("mediation.messages.reply"));
        reply.setId("mediation-reply-body");
        reply.setWidthFull();
        Button send = new Button(getTranslation("mediation.messages.send"), e -> {
            try {
                if (opened == null) {
                    lookUp();
                    return;
                }
                show(service.reply(opened.number(), opened.code(), reply.getValue(), ClientAddress.current()));
            } catch (ValidationFailure failure) {
                reply.setInvalid(true);
                reply.setErrorMessage(getTranslation(failure.problems().get(0).messageKey(), failure.problems().get(0).args()));
            } catch (RateLimitedException limited) {
                reply.setInvalid(true);
                reply.setErrorMessage(getTranslation("mediation.error.rateLimited", limited.retryAfterMinutes()));
            } catch (IllegalTransitionException finishedMeanwhile) {
                lookUp();
            }
        });
        send.setId("mediation-reply-send");
        return new Div(reply, send);
    }

    /** Withdrawal cannot be undone: a dialog names the case and says so; only its confirm button withdraws. */
    private void confirmWithdrawal(String caseNumber, TextArea reason) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("mediation-withdraw-confirm");
        confirm.setHeader(getTranslation("mediation.track.withdrawConfirm.title"));
        confirm.setText(getTranslation("mediation.track.withdrawConfirm.text", caseNumber));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("mediation.track.withdrawConfirm.cancel"));
        confirm.setConfirmText(getTranslation("mediation.track.withdrawConfirm.confirm"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> withdraw(reason));
        confirm.open();
    }

    private void withdraw(TextArea reason) {
        try {
            if (opened == null) {
                lookUp();
                return;
            }
            show(service.withdraw(opened.number(), opened.code(), reason.getValue(), ClientAddress.current()));
        } catch (ValidationFailure failure) {
            reason.setInvalid(true);
            reason.setErrorMessage(getTranslation(failure.problems().get(0).messageKey(), failure.problems().get(0).args()));
        } catch (RateLimitedException limited) {
            reason.setInvalid(true);
            reason.setErrorMessage(getTranslation("mediation.error.rateLimited", limited.retryAfterMinutes()));
        } catch (IllegalTransitionException | OptimisticLockingFailureException changed) {
            changedMeanwhile(reason.getValue());
        }
    }

    /**
     * The agency took a step on the case while the applicant withdrew it (the version check refused the withdrawal,
     * or the case can no longer be withdrawn; nothing was stored): the page shows the case as it is now and says so,
     * with the reason typed still in its field while the case can still be withdrawn, else naming the state that
     * the case has meanwhile come to.
     */
    private void changedMeanwhile(String typedReason) {
        lookUp();
        if (!"found".equals(result.getElement().getAttribute("data-outcome"))) {
            return;
        }
        CaseStatus now = CaseStatus.valueOf(result.getElement().getAttribute("data-status"));
        String message = now.isOpen() ? getTranslation("mediation.track.changed")
                : getTranslation("mediation.track.changedFinal", getTranslation(now.messageKey()));
        result.getChildren().filter(TextArea.class::isInstance).map(TextArea.class::cast)
                .filter(area -> area.getId().filter("mediation-withdraw-reason"::equals).isPresent()).findFirst()
                .ifPresent(again -> {
                    again.setValue(typedReason);
                    again.setInvalid(true);
                    again.setErrorMessage(message);
                });
        Paragraph notice = alert(message);
        notice.setId("mediation-track-changed");
        notice.addClassName("mediation-changed");
        result.addComponentAtIndex(1, notice);
    }

    /** One line of a timeline: when, what, by whom, why. */
    static String stepText(com.vaadin.flow.component.Component view, CaseTracking.Step step, java.time.ZoneId zone) {
        String who = view.getTranslation(step.byApplicant() ? "mediation.track.byApplicant" : "mediation.track.byAgency");
        String what = step.changesState() ? view.getTranslation(step.to().messageKey())
                : view.getTranslation("mediation.track.kind." + step.kind());
        // a scheduling or a move of the session names the time it set (older steps kept only the place)
        String why = step.sessionAt() != null && step.reason() != null
                ? view.getTranslation("mediation.track.sessionStep", ViewSupport.format(step.sessionAt(), zone), step.reason())
                : step.reason();
        return ViewSupport.format(step.at(), zone) + " " + what + LabelSpacing.inBrackets(who)
                + (why == null ? "" : view.getTranslation("mediation.colon") + why);
    }

    private String format(Instant instant) {
        return DATE_TIME.format(instant.atZone(service.settings().zone()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("mediation.track.pageTitle");
    }
}
