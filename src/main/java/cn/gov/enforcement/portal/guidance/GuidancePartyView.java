package cn.gov.enforcement.portal.guidance;

import cn.gov.enforcement.portal.platform.TextChecks;
import cn.gov.enforcement.portal.platform.Selects;
import cn.gov.enforcement.portal.platform.PasswordFields;

import cn.gov.enforcement.portal.platform.ClientAddress;
import cn.gov.enforcement.portal.platform.ValidationFailure;
import cn.gov.enforcement.portal.platform.ValidationFailure.FieldProblem;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Administrative guidance for the public ({@code /guidance}): what guidance is and its eight means, how much
 * guidance each agency gave in the last year, and for the party of a guidance the document itself, opened with its
 * number and access code, with the party's reply and a link to rate the guidance. Failed look-ups are limited per
 * client.
 */
@Route("guidance")
@Menu(order = 52, title = "menu.guidance")
@AnonymousAllowed
public class GuidancePartyView extends Div implements HasDynamicTitle, BeforeEnterObserver,
        cn.gov.enforcement.portal.platform.LanguageSwitchAware {

    /** Session attribute: the guidance to open again once, after the reader switched the language. */
    static final String REOPEN = GuidancePartyView.class.getName() + ".reopen";

    /** The number and access code of the guidance the party had open. */
    record Opened(String number, String code) implements java.io.Serializable {}

    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final transient GuidanceService service;
    private final TextField number = new TextField();
    private final PasswordField code = new PasswordField();
    private final Paragraph lookUpError = new Paragraph();
    private final Div result = new Div();
    private String openNumber;
    private String openCode;

    public GuidancePartyView(GuidanceService service) {
        this.service = service;
        addClassName("guidance-party-view");
        add(new H1(getTranslation("guidance.public.title")), new Paragraph(getTranslation("guidance.public.lead")));

        Section open = new Section(new H2(getTranslation("guidance.public.open")),
                new Paragraph(getTranslation("guidance.public.open.lead")));
        open.addClassName("no-print");
        number.setId("guidance-open-number");
        number.setLabel(getTranslation("guidance.field.number"));
        number.setPlaceholder("ZD-2026-000123");
        number.setMaxLength(20);
        code.setId("guidance-open-code");
        code.setLabel(getTranslation("guidance.field.code"));
        PasswordFields.localizeAccessCode(code);
        code.setMaxLength(30);
        Button lookUp = new Button(getTranslation("guidance.public.open.submit"), e -> lookUp());
        lookUp.setId("guidance-open-submit");
        lookUp.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // Enter in either field opens the guidance, as on the certificate check
        number.addKeyPressListener(com.vaadin.flow.component.Key.ENTER, e -> lookUp());
        code.addKeyPressListener(com.vaadin.flow.component.Key.ENTER, e -> lookUp());
        HorizontalLayout row = new HorizontalLayout(number, code, lookUp);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        lookUpError.setId("guidance-open-error");
        lookUpError.getElement().setAttribute("role", "alert");
        open.add(row, lookUpError);
        result.setId("guidance-open-result");
        // not a live region: it holds the document and the reply form; the outcome is announced by moving the focus
        // to the document (or to the thanks after a reply), errors by the alerts
        add(open, result, kinds(), figures());
        cn.gov.enforcement.portal.platform.LanguageSwitchAware.takeKept(REOPEN, Opened.class).ifPresent(opened -> {
            number.setValue(opened.number());
            code.setValue(opened.code());
            lookUp();
        });
    }

    /** The language switch reloads the page: the guidance the party has open is opened again after it. */
    @Override
    public void keepForLanguageSwitch() {
        if (openNumber != null) {
            cn.gov.enforcement.portal.platform.LanguageSwitchAware.keep(REOPEN, new Opened(openNumber, openCode));
        }
    }

    /** {@code ?number=} fills in the number (the mail and the printed document link here); the code is typed. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("number")
                .filter(n -> n.length() <= 20).ifPresent(number::setValue);
    }

    private void lookUp() {
        lookUpError.setText("");
        number.setInvalid(false);
        code.setInvalid(false);
        result.removeAll();
        openNumber = null;
        openCode = null;
        try {
            Optional<GuidanceRecord> found = service.open(number.getValue(), code.getValue(), ClientAddress.current());
            if (found.isEmpty()) {
                lookUpError.setText(getTranslation("guidance.error.notFound"));
                return;
            }
            openNumber = number.getValue();
            openCode = code.getValue();
            show(found.get(), null, null, null);
            focusFirst(result, "#guidance-document");
        } catch (ValidationFailure refused) {
            if (!markFields(refused)) {
                lookUpError.setText(message(refused));
            }
        }
    }

    /**
     * An empty or malformed number or an empty code, refused by the service before any look-up (and not counted as a
     * failed one): each field says what it lacks and the focus goes to the first of them.
     *
     * @return whether the refusal was about the fields (else it is about the form: too many failed look-ups)
     */
    private boolean markFields(ValidationFailure refused) {
        com.vaadin.flow.component.Component first = null;
        for (FieldProblem problem : refused.problems()) {
            com.vaadin.flow.component.textfield.TextFieldBase<?, String> field = switch (problem.field()) {
                case "number" -> number;
                case "code" -> code;
                default -> null;
            };
            if (field != null) {
                field.setErrorMessage(getTranslation(problem.messageKey(), problem.args()));
                field.setInvalid(true);
                first = first == null ? field : first;
            }
        }
        if (first != null) {
            cn.gov.enforcement.portal.platform.FieldFocus.reveal(first);
        }
        return first != null;
    }

    private void show(GuidanceRecord g, PartyReply keptReply, String keptNote, ValidationFailure failure) {
        result.removeAll();
        result.getElement().setAttribute("data-number", g.number());
        result.add(GuidanceDetailView.document(service, g, null));
        Section answer = new Section(new H2(getTranslation("guidance.public.reply")));
        answer.setId("guidance-party-reply");
        answer.addClassName("no-print");
        if (g.reply() != null) {
            Paragraph current = new Paragraph(getTranslation("guidance.public.replied",
                    getTranslation(g.reply().messageKey()), DATE_TIME.format(g.repliedAt().atZone(GuidanceService.ZONE))));
            current.setId("guidance-party-current");
            answer.add(current);
        }
        if (g.voided()) {
            answer.add(new Paragraph(getTranslation("guidance.public.voided")));
        } else if (g.visitOutcome() != null) {
            answer.add(new Paragraph(getTranslation("guidance.public.closed")));
        } else {
            answer.add(replyForm(g, keptReply, keptNote, failure));
        }
        Anchor rate = new Anchor("rating?agency=" + URLEncoder.encode(g.agencyId(), StandardCharsets.UTF_8)
                + "&matter=GUIDANCE", getTranslation("guidance.public.rate"));
        rate.setId("guidance-party-rate");
        Button print = new Button(getTranslation("guidance.print"),
                e -> e.getSource().getUI().ifPresent(ui -> ui.getPage().executeJs("window.print()")));
        print.setId("guidance-party-print");
        answer.add(new Paragraph(rate), print);
        result.add(answer);
    }

    /** Moves the keyboard focus to the first element under {@code root} matching {@code selector}. */
    private static void focusFirst(Div root, String selector) {
        root.getElement().executeJs("const t=this.querySelector($0);if(t){t.setAttribute('tabindex','-1');t.focus();}",
                selector);
    }

    private Div replyForm(GuidanceRecord g, PartyReply keptReply, String keptNote, ValidationFailure failure) {
        Div box = new Div(new Paragraph(getTranslation("guidance.public.reply.lead")));
        Select<PartyReply> reply = Selects.create();
        reply.setId("guidance-party-answer");
        reply.setLabel(getTranslation("guidance.field.reply"));
        reply.setItems(PartyReply.values());
        reply.setItemLabelGenerator(r -> r == null ? getTranslation("guidance.field.choose")
                : getTranslation(r.messageKey()));
        reply.setEmptySelectionAllowed(true);
        reply.setEmptySelectionCaption(getTranslation("guidance.field.choose"));
        reply.setValue(keptReply);
        TextArea note = new TextArea(getTranslation("guidance.field.replyNote"));
        note.setId("guidance-party-note");
        note.setHelperText(getTranslation("guidance.field.replyNote.help"));
        note.setMaxLength(TextChecks.browserMaxLength(GuidanceService.MAX_REPLY_NOTE));
        note.setWidthFull();
        note.setValue(keptNote == null ? "" : keptNote);
        Paragraph formError = new Paragraph();
        formError.setId("guidance-party-error");
        formError.getElement().setAttribute("role", "alert");
        if (failure != null) {
            for (FieldProblem p : failure.problems()) {
                String message = getTranslation(p.messageKey(), p.args());
                switch (p.field()) {
                    case "reply" -> {
                        reply.setInvalid(true);
                        reply.setErrorMessage(message);
                    }
                    case "replyNote" -> {
                        note.setInvalid(true);
                        note.setErrorMessage(message);
                    }
                    default -> formError.setText(message);
                }
            }
        }
        Button send = new Button(getTranslation("guidance.public.reply.send"), e -> {
            try {
                GuidanceRecord saved = service.reply(openNumber, openCode, reply.getValue(), note.getValue(),
                        ClientAddress.current());
                show(saved, null, null, null);
                Paragraph thanks = new Paragraph(getTranslation("guidance.public.reply.thanks"));
                thanks.setId("guidance-party-thanks");
                thanks.getElement().setAttribute("role", "status");
                thanks.getElement().setAttribute("tabindex", "-1");
                result.addComponentAtIndex(0, thanks);
                // the pressed button is gone with the rebuilt form: the focus goes to the thanks
                thanks.getElement().callJsFunction("focus");
            } catch (ValidationFailure refused) {
                // shown as it is now: the officer may have voided it, recorded the visit or given a new code meanwhile
                GuidanceRecord now = g;
                try {
                    Optional<GuidanceRecord> again = service.open(openNumber, openCode, ClientAddress.current());
                    if (again.isEmpty()) {
                        result.removeAll();
                        lookUpError.setText(getTranslation("guidance.error.notFound"));
                        return;
                    }
                    now = again.get();
                } catch (ValidationFailure tooMany) {
                    // the look-up limit: the guidance as it was shown, with the refusal
                }
                show(now, reply.getValue(), note.getValue(), refused);
            }
        });
        send.setId("guidance-party-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        box.add(reply, note, formError, send);
        return box;
    }

    private Section kinds() {
        Section section = new Section(new H2(getTranslation("guidance.public.kinds")));
        section.addClassName("no-print");
        UnorderedList list = new UnorderedList();
        list.setId("guidance-kinds");
        for (GuidanceKind kind : GuidanceKind.values()) {
            Span name = new Span(getTranslation(kind.messageKey()));
            name.addClassName("guidance-kind-name");
            list.add(new ListItem(name, new Span(getTranslation("guidance.colon") + getTranslation(kind.descriptionKey()))));
        }
        section.add(list);
        return section;
    }

    private Section figures() {
        Section section = new Section(new H2(getTranslation("guidance.public.figures", GuidanceService.FIGURES_DAYS)));
        section.setId("guidance-figures");
        section.addClassName("no-print");
        List<GuidanceService.AgencyFigures> figures = service.figures();
        if (figures.isEmpty()) {
            section.add(new Paragraph(getTranslation("guidance.public.figures.none")));
            return section;
        }
        UnorderedList list = new UnorderedList();
        for (GuidanceService.AgencyFigures f : figures) {
            String name = (f.agency() == null ? f.agencyId() : f.agency().displayName(getLocale()))
                    + (f.agency() != null && f.agency().sample() ? getTranslation("guidance.sampleAgency") : "");
            String kinds = f.byKind().entrySet().stream()
                    .map(k -> getTranslation(k.getKey().messageKey()) + " " + k.getValue())
                    .collect(Collectors.joining(getTranslation("guidance.public.figures.separator")));
            ListItem item = new ListItem(new Span(getTranslation("guidance.public.figures.line", name, f.total(), kinds)));
            item.getElement().setAttribute("data-agency", f.agencyId());
            list.add(item);
        }
        section.add(list);
        return section;
    }

    private String message(ValidationFailure failure) {
        return failure.problems().stream().map(p -> getTranslation(p.messageKey(), p.args()))
                .collect(Collectors.joining(" "));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("guidance.public.title");
    }
}
