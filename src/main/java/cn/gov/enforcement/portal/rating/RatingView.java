package cn.gov.enforcement.portal.rating;

import cn.gov.enforcement.portal.platform.LabelSpacing;
import cn.gov.enforcement.portal.platform.TextChecks;
import cn.gov.enforcement.portal.platform.Selects;
import cn.gov.enforcement.portal.agency.AgencySummary;
import cn.gov.enforcement.portal.platform.ClientAddress;
import cn.gov.enforcement.portal.platform.InputHints;
import cn.gov.enforcement.portal.platform.ValidationFailure;
import cn.gov.enforcement.portal.platform.ValidationFailure.FieldProblem;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeader;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The public rating page ({@code /rating}): what 好差评 is, the form, and how the agencies have been
 * rated in the last 365 days. The server checks every field and marks each refused one with its
 * own message; what was typed stays, also when the reader switches the language (which reloads the page).
 */
@Route("rating")
@Menu(order = 55, title = "menu.rating")
@AnonymousAllowed
public class RatingView extends Div implements HasDynamicTitle, com.vaadin.flow.router.BeforeEnterObserver,
        cn.gov.enforcement.portal.platform.LanguageSwitchAware {

    /** Session attribute: the form (or the receipt) to show again once, after the reader switched the language. */
    static final String AFTER_LANGUAGE_SWITCH = RatingView.class.getName() + ".afterLanguageSwitch";

    /**
     * Every field of the form as it was, with the form's submission token (a resend after the reload is still the
     * same rating), and the receipt when the rating had been sent (its reference is shown only there).
     */
    record Kept(String agency, java.time.LocalDate contactDate, Matter matter, Score score, String comment,
            String certificate, boolean wantsReply, String contactName, String contactPhone, String contactEmail,
            String submissionToken, RatingReceipt receipt, List<FieldProblem> refusal) implements java.io.Serializable {}

    private final transient RatingService service;
    private final Select<String> agency = Selects.create();
    private final DatePicker contactDate = new DatePicker();
    private final Select<Matter> matter = Selects.create();
    private final RadioButtonGroup<Score> score = new RadioButtonGroup<>();
    private final TextArea comment = new TextArea();
    private final TextField certificate = new TextField();
    private final Checkbox wantsReply = new Checkbox();
    private final TextField contactName = new TextField();
    private final TextField contactPhone = new TextField();
    private final EmailField contactEmail = new EmailField();
    private final Paragraph formError = new Paragraph();
    private final Div form = new Div();
    private final Div result = new Div();
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();
    private final Button submit = new Button();
    /**
     * Made once for this rendering of the form and sent with it: the server stores one rating per filled form, even
     * when the form arrives twice (a double click); a refused form keeps it for the corrected resend.
     */
    private String submissionToken = java.util.UUID.randomUUID().toString();
    /** The receipt on show once the rating was stored; null while the form is. */
    private RatingReceipt shownReceipt;
    /** The problems of the last refused send, shown again after a language switch; none after a stored one. */
    private List<FieldProblem> refusal = List.of();
    /** The public figures, counted again after a rating is sent (the rating counts at once). */
    private Div figures;

    public RatingView(RatingService service) {
        this.service = service;
        addClassName("rating-view");
        add(new H1(getTranslation("rating.title")), new Paragraph(getTranslation("rating.lead", RatingService.FOLLOW_UP_DAYS)));

        List<AgencySummary> all = service.agencies(getLocale());
        agency.setId("rating-agency");
        agency.setLabel(getTranslation("rating.field.agency"));
        agency.setItems(all.stream().map(AgencySummary::id).toList());
        java.util.function.Function<AgencySummary, String> agencyLabel =
                a -> a.displayName(getLocale()) + (a.sample()
                        ? LabelSpacing.afterPrevious(getTranslation("rating.sampleAgency"))
                        : "");
        agency.setItemLabelGenerator(id -> id == null ? getTranslation("rating.field.choose") : all.stream()
                .filter(a -> a.id().equals(id)).findFirst().map(agencyLabel).orElse(id));
        // as wide as the longest name in the page's language, at most the form's width: the form's 24rem for its fields
        // cut the English names (Sample City Administration for Market Reg…), as on the staff pages
        cn.gov.enforcement.portal.platform.FieldWidths.fitLongest(agency, all.stream().map(agencyLabel).toList());
        agency.setMaxWidth("100%");
        agency.setEmptySelectionAllowed(true);
        agency.setEmptySelectionCaption(getTranslation("rating.field.choose"));
        agency.setRequiredIndicatorVisible(true);

        cn.gov.enforcement.portal.platform.DatePickers.localize(contactDate, this);

        contactDate.setId("rating-date");
        contactDate.setLabel(getTranslation("rating.field.date"));
        contactDate.setLocale(getLocale());
        contactDate.setMax(service.today());
        contactDate.setRequiredIndicatorVisible(true);
        // the picker's own check on leaving it says what the server says after sending
        cn.gov.enforcement.portal.platform.DatePickers.checkMessages(contactDate, getTranslation("rating.error.date"),
                getTranslation("rating.error.dateFuture"));

        matter.setId("rating-matter");
        matter.setLabel(getTranslation("rating.field.matter"));
        matter.setItems(Matter.values());
        matter.setItemLabelGenerator(m -> m == null ? getTranslation("rating.field.choose") : getTranslation(m.messageKey()));
        matter.setEmptySelectionAllowed(true);
        matter.setEmptySelectionCaption(getTranslation("rating.field.choose"));
        matter.setRequiredIndicatorVisible(true);

        score.setId("rating-score");
        score.setLabel(getTranslation("rating.field.score"));
        score.setItems(Score.values());
        score.setItemLabelGenerator(s -> getTranslation(s.messageKey()));
        score.setRequiredIndicatorVisible(true);
        score.addValueChangeListener(e -> comment.setHelperText(getTranslation(
                e.getValue() != null && e.getValue().bad() ? "rating.field.comment.neededHelp" : "rating.field.comment.help")));

        comment.setId("rating-comment");
        comment.setLabel(getTranslation("rating.field.comment"));
        comment.setHelperText(getTranslation("rating.field.comment.help"));
        comment.setMaxLength(TextChecks.browserMaxLength(RatingService.MAX_COMMENT)); // the server counts characters
        comment.setWidthFull();

        certificate.setId("rating-certificate");
        certificate.setLabel(getTranslation("rating.field.certificate"));
        certificate.setHelperText(getTranslation("rating.field.certificate.help"));
        certificate.setMaxLength(40);

        wantsReply.setId("rating-wants-reply");
        wantsReply.setLabel(getTranslation("rating.field.wantsReply"));
        contactName.setId("rating-contact-name");
        contactName.setLabel(getTranslation("rating.field.contactName"));
        contactName.setMaxLength(TextChecks.browserMaxLength(RatingService.MAX_NAME));
        contactPhone.setId("rating-contact-phone");
        contactPhone.setLabel(getTranslation("rating.field.contactPhone"));
        contactPhone.setMaxLength(30);
        contactEmail.setId("rating-contact-email");
        contactEmail.setLabel(getTranslation("rating.field.contactEmail"));
        contactEmail.setMaxLength(254);
        // phones' keyboards and autofill: the person's own contact details may be filled in, the officer's number not
        InputHints.otherContact(certificate);
        InputHints.ownName(contactName);
        InputHints.ownPhone(contactPhone);
        InputHints.ownEmail(contactEmail);
        Paragraph privacy = new Paragraph(LabelSpacing.beforeNext(getTranslation("rating.privacy")));
        com.vaadin.flow.component.html.Anchor notice = new com.vaadin.flow.component.html.Anchor("privacy",
                getTranslation("shell.footer.privacy"));
        notice.addClassName("privacy-link");
        privacy.add(notice);
        privacy.addClassName("rating-privacy");

        fields.put("agency", agency);
        fields.put("contactDate", contactDate);
        fields.put("matter", matter);
        fields.put("score", score);
        fields.put("comment", comment);
        fields.put("certificate", certificate);
        fields.put("contactName", contactName);
        fields.put("contactPhone", contactPhone);
        fields.put("contactEmail", contactEmail);

        submit.setText(getTranslation("rating.submit"));
        submit.addClickListener(e -> submit());
        // disabled in the browser as it is clicked, so that a double click sends the form once; enabled again when
        // the server refuses the form, for the corrected resend
        submit.setDisableOnClick(true);
        submit.setId("rating-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        formError.setId("rating-form-error");
        formError.addClassName("rating-form-error");
        formError.getElement().setAttribute("role", "alert");

        Div contact = new Div(new H2(getTranslation("rating.contact.title")), new Paragraph(getTranslation("rating.contact.lead")),
                wantsReply, contactName, contactPhone, contactEmail, privacy);
        contact.addClassName("rating-contact");
        form.setId("rating-form");
        form.addClassName("rating-form");
        form.add(agency, contactDate, matter, score, comment, certificate, contact, formError, submit);
        result.setId("rating-result");
        result.setVisible(false);
        figures = figures();
        add(form, result, figures);
    }

    private void submit() {
        fields.values().forEach(f -> f.setInvalid(false));
        formError.setText("");
        RatingInput input = new RatingInput(agency.getValue(), certificate.getValue(), contactDate.getValue(),
                matter.getValue(), score.getValue(), comment.getValue(), wantsReply.getValue(), contactName.getValue(),
                contactPhone.getValue(), contactEmail.getValue(), submissionToken);
        boolean stored = false;
        try {
            RatingReceipt receipt = service.submit(input, getLocale(), ClientAddress.current());
            showReceipt(receipt);
            Div counted = figures();
            replace(figures, counted);
            figures = counted;
            stored = true;
            refusal = List.of();
        } catch (ValidationFailure failure) {
            refusal = List.copyOf(failure.problems());
            showRefusal(true);
        } finally {
            // refused (or failed): the person corrects and sends again; stored: the form is gone with its button
            submit.setEnabled(!stored);
        }
    }

    /**
     * Marks the fields of the last refusal with their messages in the page's language and writes the note under the
     * form; the focus goes to the first refused field when asked (after a send, not after a language switch).
     */
    private void showRefusal(boolean focus) {
        List<String> general = new java.util.ArrayList<>();
        for (FieldProblem p : refusal) {
            HasValidation field = fields.get(p.field());
            String message = getTranslation(p.messageKey(), p.args());
            if (field == null) {
                general.add(message);
            } else {
                field.setInvalid(true);
                field.setErrorMessage(message);
            }
        }
        // not "required": the date was typed, but cannot be read
        cn.gov.enforcement.portal.platform.DatePickers.markUnreadable(this, contactDate);
        pointAtRefused(general, focus);
    }

    /**
     * After a refused submit: the note under the form names every refused field in the order of the form (each field
     * keeps its own message), after any message that belongs to no field, and the focus goes to the first refused
     * field, which the window scrolls to; the reader no longer stays on the button with the errors off screen.
     */
    private void pointAtRefused(List<String> general, boolean focus) {
        List<String> labels = new java.util.ArrayList<>();
        com.vaadin.flow.component.Component first = null;
        for (HasValidation field : fields.values()) {
            if (field.isInvalid()) {
                first = first == null ? (com.vaadin.flow.component.Component) field : first;
                labels.add(((com.vaadin.flow.component.HasLabel) field).getLabel());
            }
        }
        if (!labels.isEmpty()) {
            general.add(getTranslation("rating.error.fixFields", labels.size(),
                    String.join(getTranslation("rating.listSeparator"), labels)));
        }
        formError.setText(String.join(" ", general));
        if (first != null && focus) {
            cn.gov.enforcement.portal.platform.FieldFocus.reveal(first);
        }
    }

    /** An empty form with a token of its own, in place of the receipt: a new rating, not the one just stored. */
    private void startOver() {
        submissionToken = java.util.UUID.randomUUID().toString();
        agency.clear();
        contactDate.clear();
        matter.clear();
        score.clear();
        comment.clear();
        certificate.clear();
        wantsReply.clear();
        contactName.clear();
        contactPhone.clear();
        contactEmail.clear();
        fields.values().forEach(f -> f.setInvalid(false));
        formError.setText("");
        result.removeAll();
        result.setVisible(false);
        shownReceipt = null;
        form.setVisible(true);
        submit.setEnabled(true);
        refusal = List.of();
    }

    private void showReceipt(RatingReceipt receipt) {
        shownReceipt = receipt;
        form.setVisible(false);
        result.removeAll();
        H2 done = new H2(getTranslation("rating.done.title"));
        done.setId("rating-done-title");
        done.getElement().setAttribute("tabindex", "-1");
        result.add(done);
        Span reference = new Span(receipt.reference());
        reference.setId("rating-reference");
        result.add(new Paragraph(new Span(LabelSpacing.beforeNext(getTranslation("rating.done.reference"))), reference));
        if (receipt.followUpDue() != null) {
            Paragraph followUp = new Paragraph(getTranslation("rating.done.followUp", receipt.followUpDue().toString()));
            followUp.setId("rating-follow-up-note");
            result.add(followUp);
        } else {
            result.add(new Paragraph(getTranslation("rating.done.thanks")));
        }
        Paragraph reply = new Paragraph(getTranslation(switch (receipt.reply()) {
            case MAIL -> "rating.done.reply.mail";
            case PHONE -> "rating.done.reply.phone";
            case NONE -> "rating.done.reply.none";
        }));
        reply.setId("rating-reply-note");
        reply.getElement().setAttribute("data-reply", receipt.reply().name());
        result.add(reply);
        service.agencies(getLocale()).stream().filter(a -> a.id().equals(agency.getValue())).findFirst()
                .filter(a -> a.supervisionPhone() != null && !a.supervisionPhone().isBlank())
                .ifPresent(a -> {
                    Paragraph supervision = new Paragraph(getTranslation("rating.done.supervision",
                            a.displayName(getLocale()), a.supervisionPhone().strip()));
                    supervision.setId("rating-supervision-note");
                    result.add(supervision);
                });
        Paragraph certificateCheck = new Paragraph(LabelSpacing.beforeNext(getTranslation("rating.done.certificate")));
        Anchor check = new Anchor("certificate-check", getTranslation("rating.done.certificateLink"));
        check.setId("rating-certificate-check-link");
        certificateCheck.add(check);
        result.add(certificateCheck);
        result.add(new Anchor("rating", getTranslation("rating.done.again")));
        result.setVisible(true);
        // the form with its Send button is hidden: the focus goes to the result, which a screen reader then reads
        done.getElement().callJsFunction("focus");
    }

    private Div figures() {
        Div box = new Div();
        box.setId("rating-figures");
        H2 title = new H2(getTranslation("rating.figures.title", RatingService.FIGURES_DAYS));
        title.setId("rating-figures-title");
        box.add(title);
        List<AgencyFigures> figures = service.figures();
        if (figures.isEmpty()) {
            box.add(new Paragraph(getTranslation("rating.figures.none", RatingService.FIGURES_DAYS)));
            return box;
        }
        box.add(new Paragraph(getTranslation("rating.figures.lead", RatingService.FOLLOW_UP_DAYS)));
        NativeTable table = new NativeTable();
        table.addClassName("rating-figures-table");
        NativeTableRow head = new NativeTableRow();
        for (String key : List.of("rating.figures.agency", "rating.figures.total", "rating.figures.good",
                "rating.figures.bad", "rating.figures.followedUp")) {
            head.add(new NativeTableHeaderCell(getTranslation(key)));
        }
        table.add(new NativeTableHeader(head));
        NativeTableBody body = new NativeTableBody();
        Map<String, AgencySummary> known = service.agencies(getLocale()).stream()
                .collect(java.util.stream.Collectors.toMap(AgencySummary::id, a -> a));
        for (AgencyFigures f : figures) {
            AgencySummary summary = known.get(f.agencyId());
            String name = summary == null ? f.agencyId() : summary.displayName(getLocale())
                    + (summary.sample()
                            ? LabelSpacing.afterPrevious(getTranslation("rating.sampleAgency"))
                            : "");
            NativeTableRow row = new NativeTableRow();
            row.getElement().setAttribute("data-agency", f.agencyId());
            row.add(new NativeTableCell(name),
                    new NativeTableCell(Long.toString(f.total())),
                    new NativeTableCell(getTranslation("rating.figures.percent", f.goodPercent())),
                    new NativeTableCell(Long.toString(f.bad())),
                    new NativeTableCell(f.bad() == 0 ? "—" : getTranslation("rating.figures.percent", f.followedUpPercent())));
            body.add(row);
        }
        table.add(body);
        // wider than a phone in English: the table scrolls in its own box instead of widening the page; the box is
        // focusable so that a keyboard can scroll it, and named by the heading for a screen reader
        Div scroll = new Div(table);
        scroll.setId("rating-figures-scroll");
        scroll.addClassName("rating-figures-scroll");
        scroll.getElement().setAttribute("tabindex", "0");
        scroll.getElement().setAttribute("role", "region");
        scroll.getElement().setAttribute("aria-labelledby", "rating-figures-title");
        box.add(scroll);
        return box;
    }


    /**
     * {@code ?agency=<id>&matter=<MATTER>} pre-selects the agency and the matter (the page of a written guidance links
     * here so); unknown values are ignored and the reader can change both.
     */
    @Override
    public void beforeEnter(com.vaadin.flow.router.BeforeEnterEvent event) {
        if (result.isVisible()) {
            // 再评价一次 from the receipt: the router keeps this view, so the form starts over here
            startOver();
        }
        var parameters = event.getLocation().getQueryParameters();
        cn.gov.enforcement.portal.platform.ViewParameters.chooseOffered(agency, parameters, "agency");
        parameters.getSingleParameter("matter")
                .flatMap(m -> java.util.Arrays.stream(Matter.values()).filter(x -> x.name().equals(m)).findFirst())
                .ifPresent(matter::setValue);
        // after the address's pre-selection: what the reader chose or cleared before the switch wins over it
        restoreAfterLanguageSwitch();
    }

    /**
     * The language switch reloads the page: every field (a cleared one too), the form's token and, once the rating
     * was sent, its receipt are kept for the reloaded page. A date the picker could not read has no value to keep.
     */
    @Override
    public void keepForLanguageSwitch() {
        cn.gov.enforcement.portal.platform.LanguageSwitchAware.keep(AFTER_LANGUAGE_SWITCH, new Kept(agency.getValue(),
                contactDate.getValue(), matter.getValue(), score.getValue(), comment.getValue(), certificate.getValue(),
                wantsReply.getValue(), contactName.getValue(), contactPhone.getValue(), contactEmail.getValue(),
                submissionToken, shownReceipt, refusal));
    }

    private void restoreAfterLanguageSwitch() {
        cn.gov.enforcement.portal.platform.LanguageSwitchAware.takeKept(AFTER_LANGUAGE_SWITCH, Kept.class).ifPresent(kept -> {
            // an agency left the directory meanwhile is no choice any more
            agency.setValue(kept.agency() != null && agency.getListDataView().getItems().anyMatch(kept.agency()::equals)
                    ? kept.agency() : null);
            if (agency.getValue() != null) {
                agency.setInvalid(false); // the address's unknown agency was replaced by the reader's choice
            }
            contactDate.setValue(kept.contactDate());
            matter.setValue(kept.matter());
            score.setValue(kept.score());
            comment.setValue(kept.comment());
            certificate.setValue(kept.certificate());
            wantsReply.setValue(kept.wantsReply());
            contactName.setValue(kept.contactName());
            contactPhone.setValue(kept.contactPhone());
            contactEmail.setValue(kept.contactEmail());
            submissionToken = kept.submissionToken();
            if (kept.receipt() != null) {
                showReceipt(kept.receipt());
                submit.setEnabled(false);
            } else if (!kept.refusal().isEmpty()) {
                // the marks of the last refused send, in the new language (a later send checks again)
                refusal = kept.refusal();
                showRefusal(false);
            }
        });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("rating.pageTitle");
    }
}
