package cn.gov.enforcement.portal.rating;

import cn.gov.enforcement.portal.platform.TextChecks;
import cn.gov.enforcement.portal.platform.Selects;
import cn.gov.enforcement.portal.account.AccountService;
import cn.gov.enforcement.portal.platform.ReaderScript;
import cn.gov.enforcement.portal.platform.ValidationFailure;
import cn.gov.enforcement.portal.platform.ValidationFailure.FieldProblem;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One rating of the officer's agency ({@code /staff/rating/<reference>}) with the person's contact
 * details, which the person may have the agency correct or erase (asked first; each step listed with who and when),
 * and for a bad rating awaiting follow-up the form to record it. A rating of another agency and an unknown
 * reference both show "not found".
 */
@Route("staff/rating")
@RolesAllowed({"OFFICER", "ADMIN"})
public class RatingDetailView extends Div implements HasUrlParameter<String>, HasDynamicTitle {

    private final transient RatingService service;
    private final transient AccountService accounts;
    private String reference;
    /** The contact details with their correction and erasure, rendered again on their own. */
    private Div contact = new Div();

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
        fact(facts, "rating.field.comment", r.comment(), true);
        fact(facts, "rating.field.certificate", r.certificate());
        fact(facts, "rating.detail.submitted", format(r.submittedAt()));
        fact(facts, "rating.detail.status", getTranslation(r.status().messageKey()));
        if (r.followUpDue() != null) {
            fact(facts, "rating.detail.due", r.followUpDue().toString()
                    + (r.overdue() ? " " + getTranslation("rating.queue.overdue") : ""));
        }
        add(facts);

        contact = new Div();
        contact.setId("rating-detail-contact");
        renderContact(r, null, null, null);
        add(contact);

        if (failure != null && r.status() != RatingStatus.AWAITING_FOLLOW_UP) {
            // refused because a colleague recorded the follow-up meanwhile: say so above what they recorded
            Paragraph refused = new Paragraph(messages(failure));
            refused.setId("rating-follow-up-error");
            refused.getElement().setAttribute("role", "alert");
            add(refused);
        }
        if (r.status() == RatingStatus.FOLLOWED_UP) {
            Div done = new Div(new H2(getTranslation("rating.detail.followUp.title")));
            done.setId("rating-follow-up");
            fact(done, "rating.detail.result", getTranslation(r.result().messageKey()));
            fact(done, "rating.detail.note", r.note(), true);
            // the person's name, as the mediation timelines show it; the user name only when the account is gone
            fact(done, "rating.detail.followedUpBy", accounts.staffName(r.followedUpBy()).orElse(r.followedUpBy())
                    + " · " + format(r.followedUpAt()));
            add(done);
        } else if (r.status() == RatingStatus.AWAITING_FOLLOW_UP) {
            add(followUpForm(keptResult, keptNote, failure));
        }
    }

    /**
     * The person's contact details with the steps to correct or erase them at their request (privacy notice), and
     * who took such a step and when. Rendered on its own, so that a follow-up being typed stays.
     *
     * @param done the message key of the step just taken, said to the reader; null for none
     * @param kept what was typed in the correction form, kept on refusal; null when the form is closed
     * @param failure why the step was refused; null for none
     */
    private void renderContact(RatingRecord r, String done, ContactInput kept, ValidationFailure failure) {
        contact.removeAll();
        contact.add(new H2(getTranslation("rating.contact.title")));
        List<ContactChange> changes = service.contactChanges(reference);
        boolean none = r.contactName() == null && r.contactPhone() == null && r.contactEmail() == null;
        if (none) {
            boolean erased = !changes.isEmpty() && changes.get(changes.size() - 1).kind() != ContactChange.Kind.CORRECTED;
            contact.add(new Paragraph(getTranslation(erased ? "rating.detail.erased" : "rating.detail.anonymous")));
        } else {
            fact(contact, "rating.detail.wantsReply", getTranslation(r.wantsReply() ? "rating.yes" : "rating.no"));
            fact(contact, "rating.field.contactName", r.contactName());
            fact(contact, "rating.field.contactPhone", r.contactPhone());
            fact(contact, "rating.field.contactEmail", r.contactEmail());
        }
        if (done != null) {
            Paragraph said = new Paragraph(getTranslation(done, r.reference()));
            said.setId("rating-contact-done");
            said.getElement().setAttribute("role", "status");
            contact.add(said);
        }
        Paragraph error = new Paragraph();
        error.setId("rating-contact-error");
        error.getElement().setAttribute("role", "alert");
        if (kept != null) {
            contact.add(contactForm(r, kept, failure, error));
        } else {
            if (failure != null) {
                error.setText(messages(failure));
            }
            contact.add(error);
            if (!none) {
                Button correct = new Button(getTranslation("rating.contact.correct"), e -> renderContact(r, null,
                        new ContactInput(r.contactName(), r.contactPhone(), r.contactEmail()), null));
                correct.setId("rating-contact-correct");
                Button erase = new Button(getTranslation("rating.contact.erase"), e -> confirmErase(r));
                erase.setId("rating-contact-erase");
                erase.addThemeVariants(ButtonVariant.LUMO_ERROR);
                Div actions = new Div(correct, erase);
                actions.addClassName("rating-contact-actions");
                contact.add(actions);
            }
        }
        if (!changes.isEmpty()) {
            contact.add(new H3(getTranslation("rating.contact.history")));
            UnorderedList list = new UnorderedList();
            list.setId("rating-contact-history");
            for (ContactChange c : changes) {
                String fields = c.fields().stream().map(f -> getTranslation(CONTACT_LABELS.get(f)))
                        .collect(Collectors.joining(getTranslation("rating.listSeparator")));
                list.add(new ListItem(getTranslation(c.kind().messageKey(), format(c.at()),
                        accounts.staffName(c.by()).orElse(c.by()), fields)));
            }
            contact.add(list);
        }
    }

    /** What the correction form holds. */
    private record ContactInput(String name, String phone, String email) {}

    /** The labels of the contact fields, by the service's field names. */
    private static final Map<String, String> CONTACT_LABELS = Map.of(RatingService.CONTACT_NAME,
            "rating.field.contactName", RatingService.CONTACT_PHONE, "rating.field.contactPhone",
            RatingService.CONTACT_EMAIL, "rating.field.contactEmail");

    private Div contactForm(RatingRecord r, ContactInput kept, ValidationFailure failure, Paragraph error) {
        TextField name = new TextField(getTranslation("rating.field.contactName"));
        name.setId("rating-contact-edit-name");
        name.setMaxLength(TextChecks.browserMaxLength(RatingService.MAX_NAME)); // the server counts characters
        TextField phone = new TextField(getTranslation("rating.field.contactPhone"));
        phone.setId("rating-contact-edit-phone");
        phone.setMaxLength(30);
        EmailField email = new EmailField(getTranslation("rating.field.contactEmail"));
        email.setId("rating-contact-edit-email");
        email.setMaxLength(254);
        // the person's details, not the officer's own: no autofill from the officer's browser
        for (var field : List.of(name.getElement(), phone.getElement(), email.getElement())) {
            field.setAttribute("autocomplete", "off");
        }
        name.setValue(kept.name() == null ? "" : kept.name());
        phone.setValue(kept.phone() == null ? "" : kept.phone());
        email.setValue(kept.email() == null ? "" : kept.email());
        Map<String, HasValidation> fields = Map.of(RatingService.CONTACT_NAME, name, RatingService.CONTACT_PHONE,
                phone, RatingService.CONTACT_EMAIL, email);
        if (failure != null) {
            List<String> general = new ArrayList<>();
            for (FieldProblem p : failure.problems()) {
                HasValidation field = fields.get(p.field());
                if (field == null) {
                    general.add(getTranslation(p.messageKey(), p.args()));
                } else {
                    field.setInvalid(true);
                    field.setErrorMessage(getTranslation(p.messageKey(), p.args()));
                }
            }
            error.setText(String.join(" ", general));
        }
        Button save = new Button(getTranslation("rating.contact.save"), e -> {
            ContactInput typed = new ContactInput(name.getValue(), phone.getValue(), email.getValue());
            try {
                RatingRecord corrected = service.correctContact(reference, typed.name(), typed.phone(), typed.email());
                renderContact(corrected, "rating.contact.correctedDone", null, null);
            } catch (ValidationFailure refused) {
                renderContact(r, null, typed, refused);
            }
        });
        save.setId("rating-contact-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("rating.contact.cancel"), e -> renderContact(r, null, null, null));
        cancel.setId("rating-contact-cancel");
        Div form = new Div(new Paragraph(getTranslation("rating.contact.correct.lead")), name, phone, email, error,
                new Div(save, cancel));
        form.setId("rating-contact-form");
        return form;
    }

    /** Asks first, naming the rating and what stays; only the dialog's confirm button erases. */
    private void confirmErase(RatingRecord r) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("rating-contact-erase-confirm");
        dialog.setHeader(getTranslation("rating.contact.eraseConfirm.title"));
        dialog.setText(getTranslation("rating.contact.eraseConfirm.text", r.reference()));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("rating.contact.cancel"));
        dialog.setConfirmText(getTranslation("rating.contact.eraseConfirm.confirm"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> {
            try {
                renderContact(service.eraseContact(reference), "rating.contact.erasedDone", null, null);
            } catch (ValidationFailure refused) {
                renderContact(service.find(reference).orElse(r), null, null, refused);
            }
        });
        dialog.open();
    }

    private String messages(ValidationFailure failure) {
        return failure.problems().stream().map(p -> getTranslation(p.messageKey(), p.args()))
                .collect(Collectors.joining(" "));
    }

    private Div followUpForm(FollowUpResult keptResult, String keptNote, ValidationFailure failure) {
        Div box = new Div(new H2(getTranslation("rating.detail.followUp.title")),
                new Paragraph(getTranslation("rating.detail.followUp.lead")));
        box.setId("rating-follow-up-form");
        Select<FollowUpResult> result = Selects.create();
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
        note.setMaxLength(TextChecks.browserMaxLength(RatingService.MAX_NOTE));
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
        fact(box, labelKey, value, false);
    }

    /**
     * A fact with its label; {@code written} for words someone wrote (the comment, the follow-up note), marked as
     * Chinese where they hold Chinese on a page of another language.
     */
    private void fact(Div box, String labelKey, String value, boolean written) {
        if (value == null || value.isBlank()) {
            return;
        }
        Paragraph p = new Paragraph();
        Span label = new Span(getTranslation(labelKey) + getTranslation("rating.colon"));
        label.addClassName("rating-fact-label");
        Span shown = new Span(value);
        p.add(label, written ? ReaderScript.markWritten(shown) : shown);
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
