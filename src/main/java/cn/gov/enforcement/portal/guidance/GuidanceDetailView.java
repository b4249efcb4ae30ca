package cn.gov.enforcement.portal.guidance;

import cn.gov.enforcement.portal.platform.TextChecks;
import cn.gov.enforcement.portal.platform.Selects;
import cn.gov.enforcement.portal.agency.AgencySummary;
import cn.gov.enforcement.portal.platform.ValidationFailure;
import cn.gov.enforcement.portal.platform.ValidationFailure.FieldProblem;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * One guidance of the user's agency ({@code /staff/guidance/document/<number>}): the document as the party
 * received it, the party's reply, and the return visit (the form to record it while it is not recorded). The
 * agency's officers may give the party a new access code (the old one stops working) and print the document with
 * it. Another agency's number and an unknown one both show "not found".
 */
@Route("staff/guidance/document")
@RolesAllowed({"OFFICER", "ADMIN"})
public class GuidanceDetailView extends Div implements HasUrlParameter<String>, HasDynamicTitle {

    private final transient GuidanceService service;
    private final transient cn.gov.enforcement.portal.account.AccountService accounts;
    private String number;
    /** A refused voiding and the reason typed, shown with the voiding form at the next render only. */
    private ValidationFailure voidFailure;
    private String keptVoidReason;

    public GuidanceDetailView(GuidanceService service, cn.gov.enforcement.portal.account.AccountService accounts) {
        this.service = service;
        this.accounts = accounts;
        addClassName("guidance-detail-view");
        setId("guidance-detail");
    }

    /** A colleague by the name of their account, as the mediation and rating pages say it; else the user name. */
    private String person(String username) {
        return accounts.staffName(username).orElse(username);
    }

    static String path(String number) {
        return "staff/guidance/document/" + URLEncoder.encode(number, StandardCharsets.UTF_8);
    }

    /** The document in the party's language, with the access code when one is given. */
    static GuidanceDocument document(GuidanceService service, GuidanceRecord g, String accessCode) {
        Locale lang = Locale.forLanguageTag(g.partyLanguage());
        Optional<AgencySummary> agency = service.agency(g.agencyId());
        return new GuidanceDocument(g, agency.map(a -> a.displayName(lang)).orElse(g.agencyId()),
                agency.map(AgencySummary::sample).orElse(false), accessCode,
                service.link(GuidanceService.partyPath(), lang), lang);
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        number = parameter;
        render(null, null, null, null);
    }

    private void render(VisitOutcome keptOutcome, String keptNote, ValidationFailure failure, String newCode) {
        removeAll();
        Anchor back = new Anchor("staff/guidance", getTranslation("guidance.back"));
        back.addClassName("no-print");
        add(back);
        Optional<GuidanceRecord> found = service.find(number);
        if (found.isEmpty()) {
            getElement().setAttribute("data-outcome", "not-found");
            add(new H1(getTranslation("guidance.notFound.title")), new Paragraph(getTranslation("guidance.notFound")));
            return;
        }
        GuidanceRecord g = found.get();
        getElement().setAttribute("data-outcome", "found");
        Div tools = new Div();
        tools.addClassName("no-print");
        tools.setId("guidance-tools");
        Paragraph facts = new Paragraph(getTranslation("guidance.detail.facts", person(g.officer()),
                format(g.issuedAt()), g.partyEmail() == null ? getTranslation("guidance.detail.noEmail") : g.partyEmail()));
        facts.setId("guidance-facts");
        tools.add(new H1(getTranslation("guidance.detail.title", g.number())), facts);
        Button print = new Button(getTranslation("guidance.print"),
                e -> e.getSource().getUI().ifPresent(ui -> ui.getPage().executeJs("window.print()")));
        print.setId("guidance-print");
        tools.add(print);
        if (service.mayIssue() && !g.voided()) {
            Button code = new Button(getTranslation("guidance.detail.newCode"), e -> {
                String fresh;
                try {
                    fresh = service.newAccessCode(number);
                } catch (ValidationFailure
                        | org.springframework.dao.OptimisticLockingFailureException changedMeanwhile) {
                    // voided (or changed) by a colleague since this page was shown: show it as it is now
                    fresh = null;
                }
                render(null, null, null, fresh);
            });
            code.setId("guidance-new-code");
            tools.add(new Span(" "), code);
        }
        if (newCode != null) {
            Paragraph told = new Paragraph(getTranslation("guidance.detail.newCodeDone", newCode));
            told.setId("guidance-new-code-done");
            tools.add(told);
        }
        add(tools, document(service, g, newCode));

        Div reply = new Div(new H2(getTranslation("guidance.detail.reply")));
        reply.setId("guidance-reply");
        reply.addClassName("no-print");
        if (g.reply() == null) {
            reply.add(new Paragraph(getTranslation("guidance.detail.noReply")));
        } else {
            reply.add(new Paragraph(getTranslation(g.reply().messageKey()) + " · " + format(g.repliedAt())));
            if (g.replyNote() != null) {
                // the party's own words: marked as Chinese where they hold Chinese on a page of another language
                Paragraph note = cn.gov.enforcement.portal.platform.ReaderScript.markWritten(new Paragraph(g.replyNote()));
                note.setId("guidance-reply-note");
                reply.add(note);
            }
        }
        add(reply);

        Div visit = new Div(new H2(getTranslation("guidance.detail.visit")));
        visit.setId("guidance-visit");
        visit.addClassName("no-print");
        if (g.voided()) {
            Paragraph voided = new Paragraph(getTranslation("guidance.detail.voided", person(g.voidedBy()), format(g.voidedAt()),
                    g.voidReason()));
            voided.setId("guidance-voided");
            visit.add(voided);
        } else if (g.visitOutcome() != null) {
            visit.add(new Paragraph(getTranslation(g.visitOutcome().messageKey())),
                    cn.gov.enforcement.portal.platform.ReaderScript.markWritten(new Paragraph(g.visitNote())),
                    new Paragraph(person(g.visitedBy()) + " · " + format(g.visitedAt())));
        } else {
            if (g.visitDue() != null) {
                Paragraph due = new Paragraph(getTranslation("guidance.list.visitDue", g.visitDue().toString())
                        + (g.visitOverdue() ? " " + getTranslation("guidance.list.overdue") : ""));
                if (g.visitOverdue()) {
                    due.addClassName("overdue");
                }
                visit.add(due);
            }
            if (service.mayIssue()) {
                visit.add(visitForm(keptOutcome, keptNote, failure));
            } else {
                visit.add(new Paragraph(getTranslation("guidance.detail.noVisit")));
            }
        }
        if (failure != null && (g.visitOutcome() != null || g.voided())) {
            Paragraph refused = new Paragraph(failure.problems().stream()
                    .map(p -> getTranslation(p.messageKey(), p.args())).collect(java.util.stream.Collectors.joining(" ")));
            refused.setId("guidance-visit-error");
            refused.getElement().setAttribute("role", "alert");
            visit.add(refused);
        }
        add(visit);
        if (service.mayIssue() && !g.voided() && g.visitOutcome() == null) {
            add(voidForm(voidFailure, keptVoidReason));
        } else if (voidFailure != null) {
            // refused because a colleague voided it or recorded the visit meanwhile
            Paragraph refused = new Paragraph(voidFailure.problems().stream()
                    .map(p -> getTranslation(p.messageKey(), p.args())).collect(java.util.stream.Collectors.joining(" ")));
            refused.setId("guidance-void-error");
            refused.getElement().setAttribute("role", "alert");
            add(refused);
        }
        voidFailure = null;
        keptVoidReason = null;
    }

    /** Voiding a guidance issued in error, with the reason; it stays on file. */
    private Div voidForm(ValidationFailure failure, String kept) {
        Div box = new Div(new H2(getTranslation("guidance.detail.void")),
                new Paragraph(getTranslation("guidance.detail.void.lead")));
        box.setId("guidance-void-form");
        box.addClassName("no-print");
        TextArea reason = new TextArea(getTranslation("guidance.field.voidReason"));
        reason.setId("guidance-void-reason");
        reason.setMaxLength(TextChecks.browserMaxLength(GuidanceService.MAX_BASIS));
        reason.setWidthFull();
        reason.setValue(kept == null ? "" : kept);
        Paragraph formError = new Paragraph();
        formError.setId("guidance-void-error");
        formError.getElement().setAttribute("role", "alert");
        if (failure != null) {
            for (FieldProblem p : failure.problems()) {
                if (p.field().equals("voidReason")) {
                    reason.setInvalid(true);
                    reason.setErrorMessage(getTranslation(p.messageKey(), p.args()));
                } else {
                    formError.setText(getTranslation(p.messageKey(), p.args()));
                }
            }
        }
        Button voidIt = new Button(getTranslation("guidance.detail.void.save"), e -> {
            try {
                service.voidGuidance(number, reason.getValue());
            } catch (ValidationFailure refused) {
                voidFailure = refused;
                keptVoidReason = reason.getValue();
            }
            render(null, null, null, null);
        });
        voidIt.setId("guidance-void-save");
        voidIt.addThemeVariants(ButtonVariant.LUMO_ERROR);
        box.add(reason, formError, voidIt);
        return box;
    }

    private Div visitForm(VisitOutcome keptOutcome, String keptNote, ValidationFailure failure) {
        Div box = new Div(new Paragraph(getTranslation("guidance.detail.visit.lead")));
        box.setId("guidance-visit-form");
        Select<VisitOutcome> outcome = Selects.create();
        outcome.setId("guidance-visit-outcome");
        outcome.setLabel(getTranslation("guidance.field.visitOutcome"));
        outcome.setItems(VisitOutcome.values());
        outcome.setItemLabelGenerator(x -> x == null ? getTranslation("guidance.field.choose")
                : getTranslation(x.messageKey()));
        outcome.setEmptySelectionAllowed(true);
        outcome.setEmptySelectionCaption(getTranslation("guidance.field.choose"));
        outcome.setValue(keptOutcome);
        // wide enough for its label, which a select cannot wrap (at 12em the English one was cut: Outcome of the follow-…)
        outcome.setWidth("min(100%, 24rem)");
        TextArea note = new TextArea(getTranslation("guidance.field.visitNote"));
        note.setId("guidance-visit-note");
        note.setHelperText(getTranslation("guidance.field.visitNote.help", GuidanceService.MIN_TEXT));
        note.setMaxLength(TextChecks.browserMaxLength(GuidanceService.MAX_TEXT));
        note.setWidthFull();
        note.setValue(keptNote == null ? "" : keptNote);
        Paragraph formError = new Paragraph();
        formError.setId("guidance-visit-error");
        formError.getElement().setAttribute("role", "alert");
        if (failure != null) {
            for (FieldProblem p : failure.problems()) {
                String message = getTranslation(p.messageKey(), p.args());
                switch (p.field()) {
                    case "outcome" -> {
                        outcome.setInvalid(true);
                        outcome.setErrorMessage(message);
                    }
                    case "visitNote" -> {
                        note.setInvalid(true);
                        note.setErrorMessage(message);
                    }
                    default -> formError.setText(message);
                }
            }
        }
        Button save = new Button(getTranslation("guidance.detail.visit.save"), e -> {
            try {
                service.recordVisit(number, outcome.getValue(), note.getValue());
                render(null, null, null, null);
            } catch (ValidationFailure refused) {
                render(outcome.getValue(), note.getValue(), refused, null);
            }
        });
        save.setId("guidance-visit-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        box.add(outcome, note, formError, save);
        return box;
    }

    private static String format(Instant instant) {
        return instant == null ? "" : GuidancePartyView.DATE_TIME.format(instant.atZone(GuidanceService.ZONE));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("guidance.detail.pageTitle");
    }
}
