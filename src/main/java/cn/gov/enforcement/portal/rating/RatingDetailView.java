package cn.gov.enforcement.portal.rating;

import cn.gov.enforcement.portal.account.AccountService;
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
import java.time.Instant;
import java.util.Optional;

/**
 * One rating of the officer's agency ({@code /staff/rating/<reference>}) with the person's contact
 * details, and for a bad rating awaiting follow-up the form to record it. A rating of another agency
 * and an unknown reference both show "not found".
 */
@Route("staff/rating")
@RolesAllowed({"OFFICER", "ADMIN"})
public class RatingDetailView extends Div implements HasUrlParameter<String>, HasDynamicTitle {

    private final transient RatingService service;
    private final transient AccountService accounts;
    private String reference;

    public RatingDetailView(RatingService service, AccountService accounts) {
        this.service = service;
        this.accounts = accounts;
        addClassName("rating-detail-view");
        setId("rating-detail");
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        reference = parameter;
        render(null, null, null);
    }

    private void render(FollowUpResult keptResult, String keptNote, ValidationFailure failure) {
        removeAll();
        add(new Anchor("staff/ratings", getTranslation("rating.detail.back")));
        Optional<RatingRecord> found = service.find(reference);
        if (found.isEmpty()) {
            getElement().setAttribute("data-outcome", "not-found");
            add(new H1(getTranslation("rating.detail.notFound.title")), new Paragraph(getTranslation("rating.detail.notFound")));
            return;
        }
        RatingRecord r = found.get();
        getElement().setAttribute("data-outcome", "found");
        getElement().setAttribute("data-status", r.status().name());
        add(new H1(getTranslation("rating.detail.title", r.reference())));
        Div facts = new Div();
        facts.setId("rating-facts");
        fact(facts, "rating.field.agency", service.agencyName(r.agencyId(), getLocale()));
        fact(facts, "rating.field.date", r.contactDate().toString());
        fact(facts, "rating.field.matter", getTranslation(r.matter().messageKey()));
        fact(facts, "rating.detail.score", getTranslation(r.score().messageKey()));
        fact(facts, "rating.field.comment", r.comment());
        fact(facts, "rating.field.certificate", r.certificate());
        fact(facts, "rating.detail.submitted", format(r.submittedAt()));
        fact(facts, "rating.detail.status", getTranslation(r.status().messageKey()));
        if (r.followUpDue() != null) {
            fact(facts, "rating.detail.due", r.followUpDue().toString()
                    + (r.overdue() ? " " + getTranslation("rating.queue.overdue") : ""));
        }
        add(facts);

        Div contact = new Div(new H2(getTranslation("rating.contact.title")));
        contact.setId("rating-detail-contact");
        if (r.contactName() == null && r.contactPhone() == null && r.contactEmail() == null) {
            contact.add(new Paragraph(getTranslation("rating.detail.anonymous")));
        } else {
            fact(contact, "rating.detail.wantsReply", getTranslation(r.wantsReply() ? "rating.yes" : "rating.no"));
            fact(contact, "rating.field.contactName", r.contactName());
            fact(contact, "rating.field.contactPhone", r.contactPhone());
            fact(contact, "rating.field.contactEmail", r.contactEmail());
        }
        add(contact);

        if (failure != null && r.status() != RatingStatus.AWAITING_FOLLOW_UP) {
            // refused because a colleague recorded the follow-up meanwhile: say so above what they recorded
            Paragraph refused = new Paragraph(failure.problems().stream().map(p -> getTranslation(p.messageKey(), p.args()))
                    .collect(java.util.stream.Collectors.joining(" ")));
            refused.setId("rating-follow-up-error");
            refused.getElement().setAttribute("role", "alert");
            add(refused);
        }
        if (r.status() == RatingStatus.FOLLOWED_UP) {
            Div done = new Div(new H2(getTranslation("rating.detail.followUp.title")));
            done.setId("rating-follow-up");
            fact(done, "rating.detail.result", getTranslation(r.result().messageKey()));
            fact(done, "rating.detail.note", r.note());
            // the person's name, as the mediation timelines show it; the user name only when the account is gone
            fact(done, "rating.detail.followedUpBy", accounts.staffName(r.followedUpBy()).orElse(r.followedUpBy())
                    + " · " + format(r.followedUpAt()));
            add(done);
        } else if (r.status() == RatingStatus.AWAITING_FOLLOW_UP) {
            add(followUpForm(keptResult, keptNote, failure));
        }
    }

    private Div followUpForm(FollowUpResult keptResult, String keptNote, ValidationFailure failure) {
        Div box = new Div(new H2(getTranslation("rating.detail.followUp.title")),
                new Paragraph(getTranslation("rating.detail.followUp.lead")));
        box.setId("rating-follow-up-form");
        Select<FollowUpResult> result = new Select<>();
        result.setId("rating-result");
        result.setLabel(getTranslation("rating.detail.result"));
        result.setItems(FollowUpResult.values());
        result.setItemLabelGenerator(x -> x == null ? getTranslation("rating.field.choose") : getTranslation(x.messageKey()));
        result.setEmptySelectionAllowed(true);
        result.setEmptySelectionCaption(getTranslation("rating.field.choose"));
        result.setValue(keptResult);
        TextArea note = new TextArea(getTranslation("rating.detail.note"));
        note.setId("rating-note");
        note.setHelperText(getTranslation("rating.detail.note.help"));
        note.setMaxLength(RatingService.MAX_NOTE);
        note.setWidthFull();
        note.setValue(keptNote == null ? "" : keptNote);
        Paragraph formError = new Paragraph();
        formError.setId("rating-follow-up-error");
        formError.getElement().setAttribute("role", "alert");
        if (failure != null) {
            for (FieldProblem p : failure.problems()) {
                String message = getTranslation(p.messageKey(), p.args());
                switch (p.field()) {
                    case "result" -> {
                        result.setInvalid(true);
                        result.setErrorMessage(message);
                    }
                    case "note" -> {
                        note.setInvalid(true);
                        note.setErrorMessage(message);
                    }
                    default -> formError.setText(message);
                }
            }
        }
        Button save = new Button(getTranslation("rating.detail.save"), e -> {
            try {
                service.followUp(reference, result.getValue(), note.getValue());
                render(null, null, null);
            } catch (ValidationFailure refused) {
                render(result.getValue(), note.getValue(), refused);
            }
        });
        save.setId("rating-follow-up-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        box.add(result, note, formError, save);
        return box;
    }

    private void fact(Div box, String labelKey, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        Paragraph p = new Paragraph();
        Span label = new Span(getTranslation(labelKey) + getTranslation("rating.colon"));
        label.addClassName("rating-fact-label");
        p.add(label, new Span(value));
        box.add(p);
    }

    private static String format(Instant instant) {
        return instant == null ? "" : RatingQueueView.DATE_TIME.format(instant.atZone(RatingService.ZONE));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("rating.detail.pageTitle");
    }
}
