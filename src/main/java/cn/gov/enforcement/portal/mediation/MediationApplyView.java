package cn.gov.enforcement.portal.mediation;

import cn.gov.enforcement.portal.platform.TextChecks;
import cn.gov.enforcement.portal.platform.LabelSpacing;
import cn.gov.enforcement.portal.platform.Selects;
import static cn.gov.enforcement.portal.mediation.MediationApplication.Fields.*;

import cn.gov.enforcement.portal.mediation.MediationApplication.ApplicantKind;
import cn.gov.enforcement.portal.mediation.MediationApplication.IdType;
import cn.gov.enforcement.portal.platform.ClientAddress;
import cn.gov.enforcement.portal.platform.InputHints;
import cn.gov.enforcement.portal.platform.LanguagePreference;
import cn.gov.enforcement.portal.platform.Translations;
import cn.gov.enforcement.portal.platform.ValidationFailure;
import cn.gov.enforcement.portal.platform.ValidationFailure.FieldProblem;
import cn.gov.enforcement.portal.platform.ReaderScript;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The application wizard: category, applicant, other party, facts and request, preferences,
 * privacy notice and consent, review, submit. Every step is validated by
 * {@link MediationService#check} on the server; what the user typed stays in the fields.
 *
 * <p>Once the first step is complete, the form is kept as a server-side draft: it is started
 * automatically, updated on every step and on every changed field, and its resume code is shown
 * from then on, so a session timeout loses nothing typed.
 */
@Route("mediation/apply")
@AnonymousAllowed
public class MediationApplyView extends Div implements HasDynamicTitle, BeforeEnterObserver,
        cn.gov.enforcement.portal.platform.LanguageSwitchAware {

    /** Session attribute: the draft and the step to show again after the reader switched the language. */
    static final String AFTER_LANGUAGE_SWITCH = MediationApplyView.class.getName() + ".afterLanguageSwitch";

    record Resumption(String draftCode, int step, boolean reviewed) implements java.io.Serializable {}

    /** The start of the names of the temporary files evidence uploads are streamed to. */
    static final String EVIDENCE_TEMP_PREFIX = "portal-evidence-";

    static final int STEPS = 7;
    private static final List<Set<String>> STEP_FIELDS = List.of(
            Set.of(CATEGORY),
            Set.of(APPLICANT_KIND, APPLICANT_NAME, ID_TYPE, ID_NUMBER, PHONE, EMAIL, ADDRESS),
            Set.of(OTHER_PARTY_NAME, OTHER_PARTY_CONTACT),
            Set.of(FACTS, REQUEST),
            Set.of(PREFERRED_TIMES),
            Set.of(CONSENT),
            Set.of(SUBMISSION_TOKEN));

    private final transient MediationService service;
    private String submissionToken = UUID.randomUUID().toString();
    private String draftCode;
    private String letterCode;
    private final TextField resumeInput = new TextField();
    private final Span draftInfo = new Span();
    private final Div draftCodeBox = new Div();
    private boolean filling;
    private final Span formError = new Span();
    private final Div evidenceList = new Div();
    private final Span evidenceError = new Span();
    /** The evidence files refused on this visit of the evidence step, by name, with the reason. */
    private final java.util.Map<String, String> evidenceRefusals = new java.util.LinkedHashMap<>();
    /** The evidence files being uploaded, each in a temporary file until it is stored or refused. */
    private final cn.gov.enforcement.portal.platform.TempFileUploads evidenceFiles =
            new cn.gov.enforcement.portal.platform.TempFileUploads(this, EVIDENCE_TEMP_PREFIX);

    private final RadioButtonGroup<DisputeCategory> category = new RadioButtonGroup<>();
    private final RadioButtonGroup<ApplicantKind> applicantKind = new RadioButtonGroup<>();
    private final TextField applicantName = new TextField();
    private final Select<IdType> idType = Selects.create();
    private final TextField idNumber = new TextField();
    private final TextField phone = new TextField();
    private final TextField email = new TextField();
    private final TextField address = new TextField();
    private final TextField otherPartyName = new TextField();
    private final TextField otherPartyContact = new TextField();
    private final TextArea facts = new TextArea();
    private final TextArea request = new TextArea();
    private final TextArea preferredTimes = new TextArea();
    private final RadioButtonGroup<Boolean> online = new RadioButtonGroup<>();
    private final Checkbox consent = new Checkbox();
    private final Span consentError = new Span();
    private final Div review = new Div();
    private final Map<String, HasValidation> validated = new LinkedHashMap<>();

    private final List<Div> steps;
    private final H2 stepTitle = new H2();
    private final Button back = new Button();
    private final Button next = new Button();
    private final Button submit = new Button();
    private final Div wizard = new Div();
    private final Div result = new Div();
    private final com.vaadin.flow.component.details.Details resumeBox = new com.vaadin.flow.component.details.Details();
    /** Back to the review from a step opened with its edit button, past the steps in between. */
    private final Button toReview = new Button();
    /** True once the review was shown: from then on every step offers the way back to it. */
    private boolean reviewed;
    private int current;

    public MediationApplyView(MediationService service) {
        this.service = service;
        addClassName("mediation-apply-view");
        add(new H1(getTranslation("mediation.apply.title")), new Paragraph(getTranslation("mediation.apply.lead")));

        category.setId("mediation-category");
        category.setLabel(getTranslation("mediation.field.category"));
        category.setItems(DisputeCategory.values());
        category.setItemLabelGenerator(c -> getTranslation(c.messageKey()) + " — "
                + getTranslation("mediation.info.handledBy", service.agencyName(service.agencyFor(c), getLocale())));
        category.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);

        applicantKind.setId("mediation-applicant-kind");
        applicantKind.setLabel(getTranslation("mediation.field.applicantKind"));
        applicantKind.setItems(ApplicantKind.values());
        applicantKind.setItemLabelGenerator(k -> getTranslation("mediation.applicantKind." + k.name()));
        applicantKind.setValue(ApplicantKind.PERSON);
        idType.setId("mediation-id-type");
        idType.setLabel(getTranslation("mediation.field.idType"));
        idType.setWidthFull(); // as wide as the fields beside it: the longest document's name shows in every language
        fitIdTypes(ApplicantKind.PERSON);
        // the documents offered follow the applicant: a person's resident identity card, an organisation's credit code
        applicantKind.addValueChangeListener(e -> fitIdTypes(e.getValue()));
        setUp(applicantName, "mediation-applicant-name", "mediation.field.applicantName", MediationService.MAX_NAME);
        setUp(idNumber, "mediation-id-number", "mediation.field.idNumber", 40);
        setUp(phone, "mediation-phone", "mediation.field.phone", 30);
        setUp(email, "mediation-email", "mediation.field.email", 254);
        email.setHelperText(getTranslation("mediation.field.email.helper"));
        setUp(address, "mediation-address", "mediation.field.address", MediationService.MAX_ADDRESS);
        setUp(otherPartyName, "mediation-other-party-name", "mediation.field.otherPartyName", MediationService.MAX_NAME);
        otherPartyName.setHelperText(getTranslation("mediation.field.otherPartyName.helper"));
        setUp(otherPartyContact, "mediation-other-party-contact", "mediation.field.otherPartyContact", MediationService.MAX_CONTACT);
        setUp(facts, "mediation-facts", "mediation.field.facts", MediationService.MAX_FACTS);
        setUp(request, "mediation-request", "mediation.field.request", MediationService.MAX_REQUEST);
        setUp(preferredTimes, "mediation-preferred-times", "mediation.field.preferredTimes", MediationService.MAX_PREFERRED);
        // phones' keyboards and autofill: the applicant's own details may be filled in, the other party's never
        InputHints.ownName(applicantName);
        applicantKind.addValueChangeListener(e -> applicantName.setAutocomplete(e.getValue() == ApplicantKind.PERSON
                || e.getValue() == null ? com.vaadin.flow.component.textfield.Autocomplete.NAME
                : com.vaadin.flow.component.textfield.Autocomplete.ORGANIZATION));
        InputHints.documentNumber(idNumber);
        InputHints.ownPhone(phone);
        InputHints.ownEmail(email);
        address.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.STREET_ADDRESS);
        InputHints.otherContact(otherPartyName);
        InputHints.otherContact(otherPartyContact);
        online.setId("mediation-online");
        online.setLabel(getTranslation("mediation.field.online"));
        online.setItems(Boolean.FALSE, Boolean.TRUE);
        online.setItemLabelGenerator(b -> getTranslation(b ? "mediation.online.yes" : "mediation.online.no"));
        online.setValue(Boolean.FALSE);
        consent.setId("mediation-consent");
        consent.setLabel(getTranslation("mediation.field.consent"));
        consentError.setId("mediation-consent-error");
        consentError.getElement().setAttribute("role", "alert");
        consentError.addClassName("error");

        validated.put(CATEGORY, category);
        validated.put(APPLICANT_KIND, applicantKind);
        validated.put(APPLICANT_NAME, applicantName);
        validated.put(ID_TYPE, idType);
        validated.put(ID_NUMBER, idNumber);
        validated.put(PHONE, phone);
        validated.put(EMAIL, email);
        validated.put(ADDRESS, address);
        validated.put(OTHER_PARTY_NAME, otherPartyName);
        validated.put(OTHER_PARTY_CONTACT, otherPartyContact);
        validated.put(FACTS, facts);
        validated.put(REQUEST, request);
        validated.put(PREFERRED_TIMES, preferredTimes);

        steps = List.of(
                step(category),
                step(applicantKind, applicantName, idType, idNumber, phone, email, address),
                step(otherPartyName, otherPartyContact),
                step(facts, request, evidenceUpload()),
                step(preferredTimes, online),
                step(privacyNotice(), consent, consentError),
                step(review));

        stepTitle.setId("mediation-step-title");
        stepTitle.getElement().setAttribute("tabindex", "-1");
        back.setText(getTranslation("mediation.apply.back"));
        back.setId("mediation-back");
        back.addClickListener(e -> {
            if (draftCode != null) {
                saveDraftQuietly();
            }
            show(current - 1);
        });
        next.setText(getTranslation("mediation.apply.next"));
        next.setId("mediation-next");
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        next.addClickListener(e -> next());
        submit.setText(getTranslation("mediation.apply.submit"));
        submit.setId("mediation-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setDisableOnClick(true);
        submit.addClickListener(e -> submit());

        Button saveDraft = new Button(getTranslation("mediation.draft.save"), e -> saveDraft());
        saveDraft.setId("mediation-save-draft");
        draftInfo.setId("mediation-draft-info");
        // "saved, kept for 30 days" is said to a screen reader too, not only shown
        draftInfo.getElement().setAttribute("role", "status");
        draftCodeBox.setId("mediation-draft-code");
        draftCodeBox.getElement().setAttribute("role", "status");
        draftCodeBox.setVisible(false);
        formError.setId("mediation-form-error");
        formError.getElement().setAttribute("role", "alert");
        formError.addClassName("error");
        resumeInput.setId("mediation-resume-input");
        resumeInput.setLabel(getTranslation("mediation.draft.resumeLabel"));
        Button resume = new Button(getTranslation("mediation.draft.resume"), e -> resume());
        resume.setId("mediation-resume");
        // Enter in the code's field resumes, as the button does
        resumeInput.addKeyPressListener(com.vaadin.flow.component.Key.ENTER, e -> resume());
        HorizontalLayout resumeRow = new HorizontalLayout(resumeInput, resume);
        resumeRow.setDefaultVerticalComponentAlignment(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        // most applicants come without a code: the resume box stays folded under the form until asked for
        resumeBox.setSummaryText(getTranslation("mediation.draft.resumeOpen"));
        resumeBox.add(resumeRow);
        resumeBox.setOpened(false);
        resumeBox.setId("mediation-resume-box");
        toReview.setText(getTranslation("mediation.apply.toReview"));
        toReview.setId("mediation-to-review");
        toReview.addClickListener(e -> backToReview());

        wizard.setId("mediation-wizard");
        wizard.add(draftCodeBox, stepTitle);
        steps.forEach(wizard::add);
        HorizontalLayout buttons = new HorizontalLayout(back, next, toReview, submit, saveDraft);
        buttons.setId("mediation-buttons");
        // on a phone (in English above all) the buttons do not fit one line: they wrap instead of widening the page
        buttons.setWrap(true);
        wizard.add(buttons, formError, draftInfo, resumeBox);
        result.setId("mediation-result");
        result.getElement().setAttribute("role", "status");
        result.setVisible(false);
        add(wizard, result);
        keepDraftCurrentOnEveryChange();
        show(0, false);
    }

    /** Every changed field updates a started draft, so what was typed on a step survives a timeout before "next". */
    private void keepDraftCurrentOnEveryChange() {
        List<com.vaadin.flow.component.HasValue<?, ?>> fields = List.of(category, applicantKind, applicantName, idType,
                idNumber, phone, email, address, otherPartyName, otherPartyContact, facts, request, preferredTimes, online,
                consent);
        for (com.vaadin.flow.component.HasValue<?, ?> field : fields) {
            field.addValueChangeListener(e -> {
                if (draftCode != null && !filling) {
                    saveDraftQuietly();
                }
            });
        }
    }

    /**
     * Offers the identity documents that fit the applicant and keeps the chosen one when it fits, else chooses the
     * usual one (an organisation's unified social credit code, a person's resident identity card).
     */
    private void fitIdTypes(ApplicantKind kind) {
        ApplicantKind applicant = kind == null ? ApplicantKind.PERSON : kind;
        IdType chosen = idType.getValue();
        idType.setItems(applicant.idTypes());
        idType.setItemLabelGenerator(t -> idTypeLabel(applicant, t));
        idType.setValue(applicant.accepts(chosen) ? chosen : applicant.defaultIdType());
        idType.setInvalid(false);
    }

    private String idTypeLabel(ApplicantKind kind, IdType type) {
        return getTranslation(ViewSupport.idTypeKey(kind.name(), type.name()));
    }

    private void setUp(TextField field, String id, String labelKey, int max) {
        field.setId(id);
        field.setLabel(getTranslation(labelKey));
        field.setMaxLength(TextChecks.browserMaxLength(max)); // the server counts characters and reports lengths
        field.setWidthFull();
    }

    private void setUp(TextArea field, String id, String labelKey, int max) {
        field.setId(id);
        field.setLabel(getTranslation(labelKey));
        field.setMaxLength(TextChecks.browserMaxLength(max));
        field.setWidthFull();
    }

    private static Div step(Component... components) {
        Div step = new Div(components);
        step.addClassName("mediation-step");
        return step;
    }

    private Div privacyNotice() {
        Div notice = new Div();
        notice.setId("mediation-privacy");
        notice.add(new Paragraph(getTranslation("mediation.privacy.purpose")));
        notice.add(new Paragraph(getTranslation("mediation.privacy.kept")));
        Paragraph retention = new Paragraph(getTranslation("mediation.privacy.retention", service.settings().retentionDays(),
                service.settings().draftDays()));
        retention.setId("mediation-privacy-retention");
        notice.add(retention);
        notice.add(new Paragraph(getTranslation("mediation.privacy.rights")));
        Paragraph contact = new Paragraph(LabelSpacing.beforeNext(getTranslation("mediation.privacy.contact")));
        com.vaadin.flow.component.html.Anchor whole = new com.vaadin.flow.component.html.Anchor("privacy",
                getTranslation("shell.footer.privacy"));
        whole.addClassName("privacy-link");
        contact.add(whole);
        notice.add(contact);
        return notice;
    }

    /** Shows a step and moves the keyboard focus to its title, so that a screen reader announces the new step. */
    private void show(int step) {
        show(step, true);
    }

    private void show(int step, boolean focusTitle) {
        int shown = Math.max(0, Math.min(STEPS - 1, step));
        if (shown != current) {
            // the refusals speak of this visit's uploads; the evidence list shows what was stored
            evidenceRefusals.clear();
            evidenceError.setText("");
            // the summary of another step's refused fields does not stay under this one
            formError.setText("");
        }
        current = shown;
        for (int i = 0; i < steps.size(); i++) {
            steps.get(i).setVisible(i == current);
        }
        stepTitle.setText(getTranslation("mediation.apply.stepOf", current + 1, STEPS,
                getTranslation("mediation.apply.step." + current)));
        getElement().setAttribute("data-step", String.valueOf(current));
        back.setVisible(current > 0);
        next.setVisible(current < STEPS - 1);
        submit.setVisible(current == STEPS - 1);
        if (current == STEPS - 1) {
            reviewed = true;
            fillReview();
        }
        toReview.setVisible(reviewed && current < STEPS - 1);
        if (focusTitle) {
            // the button pressed (Next on the last step, Back on the first) may have just been hidden
            stepTitle.getElement().callJsFunction("focus");
        }
    }

    MediationApplication application() {
        return new MediationApplication(category.getValue(), applicantKind.getValue(), applicantName.getValue(),
                idType.getValue(), idNumber.getValue(), phone.getValue(), email.getValue(), address.getValue(),
                otherPartyName.getValue(), otherPartyContact.getValue(), facts.getValue(), request.getValue(),
                preferredTimes.getValue(), Boolean.TRUE.equals(online.getValue()), consent.getValue(), submissionToken);
    }

    private void next() {
        List<FieldProblem> problems = service.check(application());
        boolean clean = showProblems(problems, STEP_FIELDS.get(current));
        // The draft starts by itself once the first step is complete; after that every step (also
        // one with errors: what was typed is kept) updates it.
        if (draftCode != null || clean) {
            saveDraftQuietly();
        }
        if (clean) {
            show(current + 1);
        } else {
            pointAtProblems(problems, STEP_FIELDS.get(current));
        }
    }

    /**
     * Names the step's refused fields under its buttons (an alert a screen reader hears once, where each field's
     * own message would be read one over the other) and moves the focus to the first of them.
     */
    private void pointAtProblems(List<FieldProblem> problems, Set<String> fields) {
        Set<String> refused = problems.stream().map(FieldProblem::field).filter(fields::contains)
                .collect(java.util.stream.Collectors.toSet());
        List<String> labels = new java.util.ArrayList<>();
        Component first = null;
        for (Map.Entry<String, HasValidation> field : validated.entrySet()) {
            if (!refused.contains(field.getKey())) {
                continue;
            }
            first = first == null ? (Component) field.getValue() : first;
            if (field.getValue() instanceof com.vaadin.flow.component.HasLabel labelled && labelled.getLabel() != null) {
                labels.add(labelled.getLabel());
            }
        }
        if (refused.contains(CONSENT)) {
            first = consent;
        }
        if (!labels.isEmpty()) {
            formError.setText(getTranslation("mediation.apply.stepProblems", labels.size(),
                    String.join(getTranslation("mediation.listSeparator"), labels)));
        }
        if (first != null) {
            cn.gov.enforcement.portal.platform.FieldFocus.reveal(first);
        }
    }

    // --- drafts ---------------------------------------------------------------------------------

    /** The explicit "save and continue later": saves now (starting the draft if needed) and confirms it. */
    private void saveDraft() {
        if (saveDraftQuietly()) {
            draftInfo.setText(getTranslation("mediation.draft.saved", service.settings().draftDays()));
        }
    }

    /** Saves the form into the draft (a new one without a code yet) and shows its code; false when it could not be saved. */
    private boolean saveDraftQuietly() {
        try {
            draftCode = service.saveDraft(application(), draftCode, ClientAddress.current());
            formError.setText("");
            showDraftCode();
            return true;
        } catch (ValidationFailure tooLarge) {
            formError.setText(getTranslation(tooLarge.problems().get(0).messageKey(), tooLarge.problems().get(0).args()));
            return false;
        } catch (RateLimitedException limited) {
            // said on the draft's own line: the step summary under the buttons is emptied as the next step opens
            draftInfo.setText(limitMessage(limited));
            return false;
        }
    }

    private void showDraftCode() {
        draftCodeBox.removeAll();
        Span code = new Span(draftCode);
        code.setId("mediation-resume-code");
        code.getStyle().set("font-weight", "bold").set("letter-spacing", "0.1em");
        draftCodeBox.add(new Paragraph(new Span(LabelSpacing.beforeNext(getTranslation("mediation.draft.code"))), code),
                new Paragraph(getTranslation("mediation.draft.codeHelp", service.settings().draftDays())));
        draftCodeBox.setVisible(true);
    }

    /**
     * The language switch reloads the page: what was typed goes into the draft (started now if the first step is
     * complete), and the reloaded view resumes it at the same step.
     */
    @Override
    public void keepForLanguageSwitch() {
        if (draftCode != null || category.getValue() != null) {
            saveDraftQuietly();
        }
        if (draftCode != null) {
            cn.gov.enforcement.portal.platform.LanguageSwitchAware.keep(AFTER_LANGUAGE_SWITCH, new Resumption(draftCode, current, reviewed));
        }
    }

    /** The code typed by the reader: a guess until it is found, counted against the client's code guesses. */
    private void resume() {
        resume(resumeInput.getValue(), ClientAddress.current());
    }

    /**
     * Resumes the draft with this code; false (the code field marked) when there is none. {@code client} is the
     * address a failed look-up counts against, {@code null} for the draft this session itself kept (no guess).
     */
    private boolean resume(String resumeCode, String client) {
        try {
            java.util.Optional<MediationApplication> draft = service.resumeDraft(resumeCode, client);
            if (draft.isEmpty()) {
                resumeInput.setInvalid(true);
                resumeInput.setErrorMessage(getTranslation("mediation.draft.notFound"));
                return false;
            }
            resumeInput.setInvalid(false);
            draftCode = resumeCode.strip();
            filling = true;
            try {
                fill(draft.get());
            } finally {
                filling = false;
            }
            if (draft.get().submissionToken() != null) {
                submissionToken = draft.get().submissionToken();
            }
            saveDraftQuietly(); // shows the code, normalised, and renews the draft's period
            refreshEvidence();
            draftInfo.setText(getTranslation("mediation.draft.resumed"));
            show(0);
            return true;
        } catch (RateLimitedException limited) {
            resumeInput.setInvalid(true);
            resumeInput.setErrorMessage(limitMessage(limited));
            return false;
        }
    }

    /** Puts the values of an application (a draft or a letter's pre-fill) into the fields; missing values stay as they are. */
    private void fill(MediationApplication a) {
        if (a.category() != null) {
            category.setValue(a.category());
        }
        if (a.applicantKind() != null) {
            applicantKind.setValue(a.applicantKind());
        }
        if (a.idType() != null && (applicantKind.getValue() == null || applicantKind.getValue().accepts(a.idType()))) {
            idType.setValue(a.idType());
        }
        set(applicantName, a.applicantName());
        set(idNumber, a.idNumber());
        set(phone, a.phone());
        set(email, a.email());
        set(address, a.address());
        set(otherPartyName, a.otherPartyName());
        set(otherPartyContact, a.otherPartyContact());
        set(facts, a.facts());
        set(request, a.request());
        set(preferredTimes, a.preferredTimes());
        online.setValue(a.preferOnline());
        consent.setValue(a.consent());
    }

    private static void set(com.vaadin.flow.component.HasValue<?, String> field, String value) {
        if (value != null) {
            field.setValue(value);
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        java.util.Optional<Resumption> resumption =
                cn.gov.enforcement.portal.platform.LanguageSwitchAware.takeKept(AFTER_LANGUAGE_SWITCH, Resumption.class);
        if (resumption.isPresent()) {
            Resumption kept = resumption.get();
            // the session created or resumed this draft itself: not a guess, so the code-guess limit of the
            // address (reached, say, by others behind the same gateway) does not drop the application being filled in
            if (resume(kept.draftCode(), null)) {
                // an applicant who came from the review to mend a step keeps the way back to it
                reviewed = kept.reviewed();
                show(kept.step());
                draftInfo.setText(getTranslation("mediation.draft.keptAcrossLanguage"));
            }
            return;
        }
        List<String> codes = event.getLocation().getQueryParameters().getParameters().getOrDefault("letter", List.of());
        if (codes.isEmpty() || letterCode != null) {
            return;
        }
        try {
            java.util.Optional<LetterPrefill> letter = service.prefill(codes.get(0), ClientAddress.current());
            if (letter.isEmpty()) {
                draftInfo.setText(getTranslation("mediation.letter.unknown"));
                return;
            }
            Locale language = letter.get().language();
            if (!language.equals(Translations.supported(event.getUI().getLocale()))
                    && LanguagePreference.noneChosen(event.getLocation())) {
                // the letter was written for this reader in their language; nothing chose another: open it in theirs
                LanguagePreference.openIn(event.getUI(), language, event.getLocation());
                return;
            }
            letterCode = codes.get(0);
            fill(letter.get().application());
            draftInfo.setText(getTranslation("mediation.letter.prefilled"));
        } catch (RateLimitedException limited) {
            draftInfo.setText(getTranslation("mediation.error.rateLimited", limited.retryAfterMinutes()));
        }
    }

    // --- evidence -------------------------------------------------------------------------------

    private Component evidenceUpload() {
        Div box = new Div();
        box.setId("mediation-evidence");
        box.add(new Paragraph(getTranslation("mediation.evidence.help", service.settings().evidenceMaxFiles(),
                acceptedTypes(), service.settings().evidenceMaxBytes() / 1024 / 1024)));
        Upload upload = new Upload();
        // streamed to a temporary file: one larger than allowed is refused from its length, before it is read
        upload.setUploadHandler(evidenceFiles.handler((metadata, file) -> {
            UI ui = UI.getCurrent();
            String client = ClientAddress.current();
            Runnable store = () -> {
                try {
                    service.upload(submissionToken, metadata.fileName(), file, client);
                    // a file sent again under the name of a refused one (corrected) answers that refusal
                    refused(metadata.fileName(), null);
                } catch (ValidationFailure | RateLimitedException failure) {
                    String reason = failure instanceof RateLimitedException limited
                            ? limitMessage(limited)
                            : getTranslation(((ValidationFailure) failure).problems().get(0).messageKey(),
                                    ((ValidationFailure) failure).problems().get(0).args());
                    refused(metadata.fileName(), reason);
                    // The upload component marks every file the server received as done (a green check);
                    // a refused file must not look accepted, so it is taken off the component's list: the
                    // portal's own evidence list below shows what was stored. Files chosen together upload side
                    // by side, so only this one goes (the others may still be on their way).
                    dropFromUploadList(upload, metadata.fileName());
                } catch (java.io.UncheckedIOException unreadable) {
                    // the temporary file could not be read back or the evidence not stored (a full or failing disk,
                    // a folder the portal may not write): the reader may try again, the operator must know
                    org.slf4j.LoggerFactory.getLogger(MediationApplyView.class)
                            .warn("Mediation evidence upload failed on the server: {}", unreadable.toString());
                    refused(metadata.fileName(), getTranslation("mediation.evidence.upload.error.server"));
                    dropFromUploadList(upload, metadata.fileName());
                } finally {
                    // stored or refused, the temporary file has served
                    evidenceFiles.delete(file);
                }
                refreshEvidence();
            };
            if (ui != null) {
                ui.access(store::run);
            } else {
                getUI().ifPresentOrElse(u -> u.access(store::run), () -> evidenceFiles.delete(file));
            }
        }));
        upload.setI18n(uploadTexts());
        upload.addFileRejectedListener(e -> refused(e.getFileName(), e.getErrorMessage()));
        upload.setId("mediation-evidence-upload");
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, service.settings().evidenceMaxBytes() + 1024));
        evidenceError.setId("mediation-evidence-error");
        evidenceError.getElement().setAttribute("role", "alert");
        evidenceError.addClassName("error");
        // one line per refused file
        evidenceError.getStyle().set("white-space", "pre-line");
        evidenceList.setId("mediation-evidence-list");
        box.add(upload, evidenceError, evidenceList);
        return box;
    }

    /** The upload's own texts (button, drop label, statuses, errors) in the page's language. */
    private UploadI18N uploadTexts() {
        return cn.gov.enforcement.portal.platform.UploadTexts.of(this, "mediation.evidence.upload.",
                getTranslation("mediation.error.evidence.size", MediationService.megabytes(service.settings().evidenceMaxBytes())),
                getTranslation("mediation.error.evidence.type", acceptedTypes()));
    }

    /** The accepted evidence file types as the reader sees them, such as JPG, PDF, PNG. */
    private String acceptedTypes() {
        return String.join(", ", new java.util.TreeSet<>(service.settings().evidenceTypes())).toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * Notes why a file was not stored (null: it now was) and shows every refusal of this step, one line each: files
     * chosen together upload side by side, so one stored after another was refused must not hide that refusal.
     */
    private void refused(String fileName, String reason) {
        if (reason == null) {
            evidenceRefusals.remove(fileName);
        } else {
            // the newest refusal last
            evidenceRefusals.remove(fileName);
            evidenceRefusals.put(fileName, reason);
        }
        evidenceError.setText(evidenceRefusals.entrySet().stream()
                .map(e -> e.getKey() + getTranslation("mediation.colon") + e.getValue())
                .collect(java.util.stream.Collectors.joining("\n")));
    }

    /** Takes the files of this name off the upload component's own list in the browser. */
    private static void dropFromUploadList(Upload upload, String fileName) {
        upload.getElement().executeJs("this.files = this.files.filter(f => f.name !== $0)", fileName);
    }

    private void refreshEvidence() {
        evidenceList.removeAll();
        for (EvidenceInfo e : service.uploaded(submissionToken)) {
            Button remove = new Button(getTranslation("mediation.evidence.remove"), click -> {
                service.removeUpload(submissionToken, e.id());
                refreshEvidence();
            });
            remove.getElement().setAttribute("aria-label", getTranslation("mediation.evidence.remove") + " " + e.fileName());
            evidenceList.add(new Div(new Span(e.fileName() + " (" + Math.max(1, e.size() / 1024) + " KB) "), remove));
        }
    }

    /** Marks the problems of the given fields; true when there are none. */
    private boolean showProblems(List<FieldProblem> problems, Set<String> fields) {
        boolean clean = true;
        for (String field : fields) {
            HasValidation component = validated.get(field);
            FieldProblem problem = problems.stream().filter(p -> p.field().equals(field)).findFirst().orElse(null);
            String message = problem == null ? null : getTranslation(problem.messageKey(), problem.args());
            if (component != null) {
                component.setInvalid(problem != null);
                component.setErrorMessage(message);
            } else if (CONSENT.equals(field)) {
                consentError.setText(message == null ? "" : message);
            }
            clean &= problem == null;
        }
        return clean;
    }

    private void fillReview() {
        review.removeAll();
        review.setId("mediation-review");
        MediationApplication a = application();
        review.add(new Paragraph(getTranslation("mediation.apply.reviewLead")));
        if (a.category() != null) {
            Paragraph agency = new Paragraph(getTranslation("mediation.apply.reviewAgency",
                    service.agencyName(service.agencyFor(a.category()), getLocale())));
            agency.setId("mediation-review-agency");
            review.add(agency);
        }
        UnorderedList list = reviewSection(0);
        add(list, "mediation.field.category", a.category() == null ? "" : getTranslation(a.category().messageKey()));
        list = reviewSection(1);
        add(list, "mediation.field.applicantKind", a.applicantKind() == null ? "" : getTranslation("mediation.applicantKind." + a.applicantKind().name()));
        add(list, "mediation.field.applicantName", a.applicantName());
        add(list, "mediation.field.idType", a.idType() == null || a.applicantKind() == null ? ""
                : idTypeLabel(a.applicantKind(), a.idType()));
        add(list, "mediation.field.idNumber", PersonalData.maskId(PersonalData.normalizeResidentId(a.idNumber())));
        add(list, "mediation.field.phone", PersonalData.maskPhone(a.phone()));
        add(list, "mediation.field.email", a.email());
        add(list, "mediation.field.address", a.address());
        list = reviewSection(2);
        add(list, "mediation.field.otherPartyName", a.otherPartyName());
        add(list, "mediation.field.otherPartyContact", a.otherPartyContact());
        list = reviewSection(3);
        add(list, "mediation.field.facts", a.facts());
        add(list, "mediation.field.request", a.request());
        add(list, "mediation.evidence.title", String.join(getTranslation("mediation.listSeparator"),
                service.uploaded(submissionToken).stream().map(EvidenceInfo::fileName).toList()), "mediation.apply.reviewNoEvidence");
        list = reviewSection(4);
        add(list, "mediation.field.preferredTimes", a.preferredTimes());
        add(list, "mediation.field.online", getTranslation(a.preferOnline() ? "mediation.online.yes" : "mediation.online.no"));
    }

    /**
     * Adds the review's section of a step: its title, an edit button that opens that step (every answer stays in its
     * field) and the list its answers go into.
     */
    private UnorderedList reviewSection(int step) {
        String title = getTranslation("mediation.apply.step." + step);
        Button edit = new Button(getTranslation("mediation.apply.edit"), e -> {
            if (draftCode != null) {
                saveDraftQuietly();
            }
            show(step);
        });
        edit.setId("mediation-edit-" + step);
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        edit.getElement().setAttribute("aria-label", getTranslation("mediation.apply.editStep", title));
        HorizontalLayout heading = new HorizontalLayout(new com.vaadin.flow.component.html.H3(title), edit);
        heading.setDefaultVerticalComponentAlignment(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        UnorderedList list = new UnorderedList();
        Div section = new Div(heading, list);
        section.addClassName("mediation-review-section");
        section.getElement().setAttribute("data-step", String.valueOf(step));
        review.add(section);
        return list;
    }

    /**
     * Goes back to the review from a step opened with its edit button: the whole form is checked on the server; the
     * first step with a problem is shown with it marked, else the review.
     */
    private void backToReview() {
        List<FieldProblem> problems = service.check(application());
        int firstStep = STEPS - 1;
        for (int i = 0; i < STEPS - 1; i++) {
            showProblems(problems, STEP_FIELDS.get(i));
            int step = i;
            if (problems.stream().anyMatch(p -> STEP_FIELDS.get(step).contains(p.field()))) {
                firstStep = Math.min(firstStep, i);
            }
        }
        if (draftCode != null) {
            saveDraftQuietly();
        }
        show(firstStep);
        if (firstStep < STEPS - 1) {
            pointAtProblems(problems, STEP_FIELDS.get(firstStep));
        }
    }

    /** One answer of the review: its label and value, 未填写 (not given) for an optional field left empty. */
    private void add(UnorderedList list, String labelKey, String value) {
        add(list, labelKey, value, "mediation.apply.reviewNotGiven");
    }

    private void add(UnorderedList list, String labelKey, String value, String emptyKey) {
        list.add(new ListItem(getTranslation(labelKey) + getTranslation("mediation.colon")
                + (value == null || value.isBlank() ? getTranslation(emptyKey) : value)));
    }

    private void submit() {
        try {
            SubmissionReceipt receipt = service.submit(application(), getLocale(), ClientAddress.current(), letterCode);
            service.discardDraft(draftCode);
            draftCode = null;
            draftCodeBox.setVisible(false);
            wizard.setVisible(false);
            result.removeAll();
            result.setVisible(true);
            H2 done = new H2(getTranslation("mediation.apply.done.title"));
            done.setId("mediation-done-title");
            done.getElement().setAttribute("tabindex", "-1");
            result.add(done);
            // the wizard with its Send button is gone: the focus goes to the result, which a screen reader then reads
            done.getElement().callJsFunction("focus");
            Span number = new Span(receipt.caseNumber());
            number.setId("mediation-case-number");
            result.add(new Paragraph(new Span(LabelSpacing.beforeNext(getTranslation("mediation.apply.done.number"))), number));
            if (receipt.accessCode() != null) {
                Span code = new Span(receipt.accessCode());
                code.setId("mediation-access-code");
                result.add(new Paragraph(new Span(LabelSpacing.beforeNext(getTranslation("mediation.apply.done.code"))), code));
                Paragraph keep = new Paragraph(getTranslation("mediation.apply.done.keep"));
                keep.setId("mediation-done-keep");
                result.add(keep);
            } else {
                result.add(new Paragraph(getTranslation("mediation.apply.done.duplicate")));
            }
            result.add(nextSteps(receipt));
            // the tracking page with the case number filled in, as the mails link to it
            Anchor track = new Anchor("mediation/track?number=" + receipt.caseNumber(), getTranslation("mediation.info.track"));
            track.setId("mediation-done-track");
            result.add(track);
        } catch (ValidationFailure failure) {
            int firstStep = STEPS - 1;
            for (int i = 0; i < STEP_FIELDS.size(); i++) {
                showProblems(failure.problems(), STEP_FIELDS.get(i));
                int step = i;
                if (failure.problems().stream().anyMatch(p -> STEP_FIELDS.get(step).contains(p.field()))) {
                    firstStep = Math.min(firstStep, i);
                }
            }
            show(firstStep);
            submit.setEnabled(true);
        } catch (RateLimitedException limited) {
            formError.setText(limitMessage(limited));
            submit.setEnabled(true);
        }
    }

    /**
     * What the page says when the client has reached a limit: each limit its own message, with what it allows per
     * window, so that an applicant who mistyped nothing is not told of failed attempts. Failed look-ups here are
     * resume codes typed by the applicant (a letter's link, a look-up too, keeps the tracking page's message).
     */
    private String limitMessage(RateLimitedException limited) {
        MediationSettings settings = service.settings();
        long window = Math.max(1, settings.rateWindow().toMinutes());
        long wait = limited.retryAfterMinutes();
        return switch (limited.kind()) {
            case SUBMISSION -> getTranslation("mediation.error.rateLimited.submissions", wait,
                    settings.submissionsPerWindow(), window);
            case UPLOAD -> getTranslation("mediation.error.rateLimited.uploads", wait,
                    MediationRateLimiter.uploadsPerWindow(settings), window);
            case DRAFT -> getTranslation("mediation.error.rateLimited.drafts", wait, MediationRateLimiter.DRAFTS_PER_WINDOW,
                    window);
            case CODE_GUESS, MESSAGE -> getTranslation("mediation.error.rateLimited.resume", wait);
        };
    }

    /**
     * What happens after the submission: the agency that handles the case, the day by which it decides whether to
     * accept it, how the applicant hears of it (by mail when an address was given, else on the tracking page) and the
     * agency's phone.
     */
    private Component nextSteps(SubmissionReceipt receipt) {
        AgencyContact agency = service.agencyContact(receipt.agencyId(), getLocale());
        Div box = new Div(new com.vaadin.flow.component.html.H3(getTranslation("mediation.apply.done.next")));
        box.setId("mediation-done-next");
        UnorderedList list = new UnorderedList();
        list.add(item("mediation-done-agency", getTranslation("mediation.apply.done.agency", agency.name())));
        list.add(item("mediation-done-acceptance", getTranslation("mediation.apply.done.acceptance", agency.name(),
                receipt.acceptanceDue().toString(), service.settings().acceptanceDays())));
        String address = email.getValue() == null ? "" : email.getValue().strip();
        // a resend of an earlier submission mails nothing now, and the case keeps the address given then
        list.add(item("mediation-done-hear", receipt.mailed() && !receipt.duplicate() && !address.isEmpty()
                ? getTranslation("mediation.apply.done.byMail", address)
                : getTranslation(receipt.mailed() ? "mediation.apply.done.byMailEarlier" : "mediation.apply.done.noMail")));
        if (agency.phone() != null) {
            ListItem phone = new ListItem(ReaderScript.markSpliced(agency.officeHours() == null
                    ? getTranslation("mediation.apply.done.phone", agency.phone())
                    : getTranslation("mediation.apply.done.phoneHours", agency.phone(),
                            ReaderScript.spliceAsWritten(agency.officeHours()))));
            phone.setId("mediation-done-phone");
            list.add(phone);
        }
        box.add(list);
        return box;
    }

    private static ListItem item(String id, String text) {
        ListItem item = new ListItem(text);
        item.setId(id);
        return item;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("mediation.apply.pageTitle");
    }
}
