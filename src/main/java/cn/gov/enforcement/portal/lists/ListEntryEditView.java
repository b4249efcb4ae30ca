package cn.gov.enforcement.portal.lists;

import cn.gov.enforcement.portal.platform.Selects;
import cn.gov.enforcement.portal.platform.DatePickers;
import cn.gov.enforcement.portal.lists.ListEntryForms.ExemptionInput;
import cn.gov.enforcement.portal.lists.ListEntryForms.RiskPointInput;
import cn.gov.enforcement.portal.platform.ValidationFailure;
import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Create or edit a risk point ({@code /staff/lists/edit/risk-points/<id>}) or an exemption item
 * ({@code /staff/lists/edit/exemptions/<id>}); without an id a new entry is created for
 * {@code ?agency=}. Every field is validated by {@link ListsBackOffice}; on a problem each field shows
 * its message and keeps what was typed. Saving creates a new draft version; the form remembers the version
 * it was opened on, and when someone saved a newer one in the meantime the save is refused with who and
 * when, keeping what was typed. A save whose citations do not all resolve to an imported article is held back once
 * ({@link CitationWarning}, named on the citation fields); saved again with the same citation texts, it goes on.
 */
@Route("staff/lists/edit/:kind/:id?")
@RolesAllowed({"EDITOR", "ADMIN"})
public class ListEntryEditView extends Div implements BeforeEnterObserver, HasDynamicTitle,
        cn.gov.enforcement.portal.platform.LanguageSwitchAware {

    /** The form's input across the language switch, which reloads the page (session attribute, used once). */
    static final String AFTER_LANGUAGE_SWITCH = ListEntryEditView.class.getName() + ".afterLanguageSwitch";

    /** What the form held, for the same entry (or a new one of the same list) after the reload. */
    record Kept(String kind, String id, int baseVersion, String baseContentHash,
            java.util.HashMap<String, java.io.Serializable> values)
            implements java.io.Serializable {}

    private final transient ListsBackOffice backOffice;
    private final transient ListsCatalog catalog;
    private final Map<String, Component> fields = new LinkedHashMap<>();
    private final UnorderedList errors = new UnorderedList();
    private ListKind kind;
    private String existingId;
    /** The version the form was opened on; a save on top of a newer one is refused (kept input). */
    private int baseVersion;
    /** The public list's content the form was opened on; tells a file reloaded meanwhile for an entry of version 0. */
    private String baseContentHash;
    private String title = "";
    /**
     * The citation fields' texts when the last save was held back for citations the regulation library does not
     * resolve (null: none was): a save with the same texts confirms them; any change of them checks again.
     */
    private Map<String, String> warnedCitations;

    public ListEntryEditView(ListsBackOffice backOffice, ListsCatalog catalog) {
        this.backOffice = backOffice;
        this.catalog = catalog;
        addClassName("list-entry-edit-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String kindParam = event.getRouteParameters().get("kind").orElse("");
        existingId = event.getRouteParameters().get("id").orElse(null);
        kind = ListKind.editable(kindParam).orElse(null);
        if (kind == null) {
            event.rerouteToError(new ListEntryNotFoundException(kindParam), "");
            return;
        }
        Object entry = null;
        String agency;
        baseVersion = 0;
        baseContentHash = null;
        if (existingId != null) {
            ListsBackOffice.EntryView view;
            try {
                view = backOffice.entry(existingId);
            } catch (ListEntryNotFoundException e) {
                event.rerouteToError(e, "");
                return;
            }
            if (view.kind() != kind) {
                event.rerouteToError(new ListEntryNotFoundException(existingId), "");
                return;
            }
            entry = view.entry();
            agency = view.agency();
            baseVersion = view.version();
            baseContentHash = view.contentHash();
        } else {
            List<String> allowed = backOffice.agencies();
            String requested = ListsUi.first(event.getLocation().getQueryParameters().getParameters(), "agency");
            agency = requested != null && allowed.contains(requested) ? requested : allowed.isEmpty() ? null : allowed.get(0);
        }
        build(entry, agency, backOffice.agencies());
        restoreAfterLanguageSwitch();
    }

    /**
     * The language switch reloads the page: what was typed (not yet saved) is kept in the session and put back
     * into the reloaded form, with the version the form was opened on, so a colleague's save in between is still
     * refused as a conflict.
     */
    @Override
    public void keepForLanguageSwitch() {
        if (kind == null || fields.isEmpty()) {
            return;
        }
        java.util.HashMap<String, java.io.Serializable> values = new java.util.HashMap<>();
        fields.forEach((name, field) -> {
            Object v = field instanceof AbstractField<?, ?> f ? f.getValue() : null;
            if (v instanceof java.util.Set<?> set) {
                values.put(name, new LinkedHashSet<>(set));
            } else if (v instanceof java.io.Serializable kept) {
                values.put(name, kept);
            } else if (field instanceof ConditionRows rows) {
                values.put(name, new ArrayList<>(rows.getValue()));
            }
        });
        cn.gov.enforcement.portal.platform.LanguageSwitchAware.keep(AFTER_LANGUAGE_SWITCH,
                new Kept(kind.folder(), existingId, baseVersion, baseContentHash, values));
    }

    private void restoreAfterLanguageSwitch() {
        cn.gov.enforcement.portal.platform.LanguageSwitchAware.takeKept(AFTER_LANGUAGE_SWITCH, Kept.class)
                .filter(kept -> kept.kind().equals(kind.folder()) && java.util.Objects.equals(kept.id(), existingId))
                .ifPresent(kept -> {
                    baseVersion = kept.baseVersion();
                    baseContentHash = kept.baseContentHash();
                    kept.values().forEach(this::set);
                    if (kept.values().get("conditions") instanceof List<?> rows && fields.get("conditions") != null) {
                        conditions().setValue(rows.stream().map(ListEntryForms.ConditionInput.class::cast).toList());
                    }
                    sampleRule(value("agency"));
                });
    }

    private void build(Object entry, String agency, List<String> agencies) {
        removeAll();
        fields.clear();
        boolean risk = kind == ListKind.RISK_POINTS;
        title = getTranslation(existingId == null ? (risk ? "lists.admin.newRisk" : "lists.admin.newExemption")
                : "lists.admin.editTitle", existingId);
        Anchor back = new Anchor("staff/lists" + (agency == null ? "" : "?agency=" + agency),
                getTranslation("lists.admin.back"));
        back.setId("entry-back");
        add(back, new H1(title), new Paragraph(getTranslation("lists.admin.plainText")));
        errors.setId("entry-errors");
        // the focus moves here when a save is refused; a screen reader then reads the problems
        errors.getElement().setAttribute("tabindex", "-1");
        errors.getElement().setAttribute("role", "alert");
        errors.addClassName("lists-error");
        add(errors);

        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        TextField id = text("id");
        id.setMaxLength(80);
        if (existingId != null) {
            id.setHelperText(getTranslation("lists.admin.help.id"));
            id.setReadOnly(true);
        } else {
            idHelp(id, agency);
        }
        Select<String> agencySelect = Selects.create();
        agencySelect.setItems(agencies);
        agencySelect.setItemLabelGenerator(catalog::agencyName);
        register("agency", agencySelect);
        if (agency != null) {
            agencySelect.setValue(agency);
        }
        agencySelect.setReadOnly(existingId != null || agencies.size() <= 1);
        if (existingId == null) {
            agencySelect.addValueChangeListener(e -> {
                sampleRule(e.getValue());
                idHelp(id, e.getValue());
            });
        }
        form.add(id, agencySelect);
        if (risk) {
            form.add(text("sector"), text("appliesTo"), text("title"));
            Select<String> level = select("level", ListsFormat.LEVELS);
            level.setItemLabelGenerator(l -> getTranslation(ListsUi.levelKey(l)));
            form.add(level);
            form.add(area("risk", null), area("levelReason", null), area("basisObligation", "lists.admin.help.citations"),
                    area("basisPenalty", "lists.admin.help.citations"), area("consequence", null),
                    area("prevention", "lists.admin.help.lines"));
            CheckboxGroup<String> guidance = new CheckboxGroup<>();
            guidance.setItems(ListsFormat.GUIDANCE);
            guidance.setItemLabelGenerator(g -> getTranslation(ListsUi.guidanceKey(g)));
            register("guidance", guidance);
            form.add(guidance, 2);
        } else {
            Select<String> kindSelect = select("kind", ListsFormat.KINDS);
            kindSelect.setItemLabelGenerator(k -> getTranslation(ListsUi.kindKey(k)));
            List<String> subkinds = new ArrayList<>();
            subkinds.add("");
            subkinds.addAll(ListsFormat.SUBKINDS);
            Select<String> subkind = select("subkind", subkinds);
            subkind.setItemLabelGenerator(s -> s.isEmpty() ? getTranslation("lists.admin.none")
                    : getTranslation(ListsUi.subkindKey(s)));
            subkind.setValue("");
            form.add(kindSelect, subkind, text("sector"), text("scope"));
            form.add(area("violation", null), area("basisViolation", "lists.admin.help.citations"),
                    area("basisPenalty", "lists.admin.help.citations"),
                    area("basisExemption", "lists.admin.help.citations"),
                    area("measure", "lists.admin.help.lines"));
            // a row per condition; Chinese pages name the types and parameters in Chinese, others by their codes
            ConditionRows conditions = new ConditionRows(ListEntryForms.Spelling.of(getLocale()));
            fields.put("conditions", conditions);
            form.add(conditions, 2);
        }
        DatePicker from = DatePickers.localize(new DatePicker(), this);
        DatePicker to = DatePickers.localize(new DatePicker(), this);
        register("effectiveFrom", from);
        register("effectiveTo", to);
        Checkbox sample = new Checkbox(getTranslation("lists.admin.field.sample"));
        sample.setId("entry-sample");
        fields.put("sample", sample);
        form.add(from, to, sample);
        add(form);
        fill(entry);
        sampleRule(agency);

        Button save = new Button(getTranslation("lists.admin.save"), e -> save());
        save.setId("entry-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(save);
    }

    private TextField text(String name) {
        TextField field = new TextField();
        register(name, field);
        return field;
    }

    private TextArea area(String name, String helpKey) {
        TextArea field = new TextArea();
        field.setWidthFull();
        if (helpKey != null) {
            field.setHelperText(getTranslation(helpKey));
        }
        register(name, field);
        return field;
    }

    private Select<String> select(String name, List<String> items) {
        Select<String> field = Selects.create();
        field.setItems(items);
        register(name, field);
        return field;
    }

    private void register(String name, Component field) {
        field.setId("entry-" + name);
        field.getElement().setProperty("label", getTranslation("lists.admin.field." + name));
        fields.put(name, field);
    }

    @SuppressWarnings("unchecked")
    private <T> T value(String name) {
        return (T) ((AbstractField<?, ?>) fields.get(name)).getValue();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void set(String name, Object value) {
        if (value != null && fields.get(name) instanceof AbstractField field) {
            field.setValue(value);
        }
    }

    private void fill(Object entry) {
        if (entry instanceof RiskPoint r) {
            RiskPointInput in = RiskPointInput.of(r);
            set("id", in.id());
            set("sector", in.sector());
            set("appliesTo", in.appliesTo());
            set("title", in.title());
            set("level", in.level());
            set("risk", in.risk());
            set("levelReason", in.levelReason());
            set("basisObligation", in.basisObligation());
            set("basisPenalty", in.basisPenalty());
            set("consequence", in.consequence());
            set("prevention", in.prevention());
            set("guidance", in.guidance());
            dates(in.effectiveFrom(), in.effectiveTo(), in.sample());
        } else if (entry instanceof ExemptionItem x) {
            ExemptionInput in = ExemptionInput.of(x);
            set("id", in.id());
            set("kind", in.kind());
            set("subkind", in.subkind() == null ? "" : in.subkind());
            set("sector", in.sector());
            set("scope", in.scope());
            set("violation", in.violation());
            set("basisViolation", in.basisViolation());
            set("basisPenalty", in.basisPenalty());
            set("basisExemption", in.basisExemption());
            conditions().setValue(in.conditions());
            set("measure", in.measure());
            dates(in.effectiveFrom(), in.effectiveTo(), in.sample());
        } else {
            if (kind == ListKind.EXEMPTIONS) {
                conditions().setValue(List.of());
            }
            // a new entry is sample content only when its agency is one (a real agency's entries are real)
            ((Checkbox) fields.get("sample")).setValue(catalog.sampleAgency(value("agency")));
        }
    }

    /** A new entry's id starts with the agency's prefix (the service refuses any other): the help names it. */
    private void idHelp(TextField id, String agency) {
        id.setHelperText(agency == null ? getTranslation("lists.admin.help.id")
                : getTranslation("lists.admin.help.idPrefix", backOffice.idPrefix(agency)));
    }

    private ConditionRows conditions() {
        return (ConditionRows) fields.get("conditions");
    }

    /**
     * An entry of a sample agency is always sample content (the service marks it so whatever is sent): the box is
     * ticked and read-only, and its helper says why. A real agency's editor may tick it.
     */
    private void sampleRule(String agency) {
        Checkbox box = (Checkbox) fields.get("sample");
        boolean sampleAgency = catalog.sampleAgency(agency);
        if (sampleAgency) {
            box.setValue(true);
        }
        box.setReadOnly(sampleAgency);
        box.setHelperText(sampleAgency ? getTranslation("lists.admin.help.sampleAgency") : null);
    }

    private void dates(java.time.LocalDate from, java.time.LocalDate to, boolean sample) {
        set("effectiveFrom", from);
        set("effectiveTo", to);
        ((Checkbox) fields.get("sample")).setValue(sample);
    }

    private void save() {
        // a date the picker could not read is empty: refuse it instead of saving "no end date"
        List<ValidationFailure.FieldProblem> unreadable = new ArrayList<>();
        for (String name : List.of("effectiveFrom", "effectiveTo")) {
            if (fields.get(name) instanceof DatePicker picker && DatePickers.hasBadInput(picker)) {
                unreadable.add(new ValidationFailure.FieldProblem(name, "platform.date.badInput"));
            }
        }
        fields.values().forEach(f -> {
            if (f instanceof HasValidation v) {
                v.setInvalid(false);
                v.setErrorMessage(null);
            }
        });
        if (fields.get("conditions") != null) {
            conditions().clearProblems();
        }
        errors.removeAll();
        if (!unreadable.isEmpty()) {
            showProblems(unreadable);
            return;
        }
        Map<String, String> citationTexts = citationTexts();
        boolean citationsConfirmed = citationTexts.equals(warnedCitations);
        try {
            String agency = value("agency");
            boolean sample = ((Checkbox) fields.get("sample")).getValue();
            int version;
            String id;
            if (kind == ListKind.RISK_POINTS) {
                RiskPointInput in = new RiskPointInput(value("id"), agency, value("sector"), value("appliesTo"),
                        value("title"), value("risk"), value("level"), value("levelReason"), value("basisObligation"),
                        value("basisPenalty"), value("consequence"), value("prevention"),
                        new LinkedHashSet<>(this.<java.util.Set<String>>value("guidance")), value("effectiveFrom"),
                        value("effectiveTo"), sample);
                version = backOffice.saveRiskPoint(existingId, baseVersion, baseContentHash, in, citationsConfirmed);
                id = in.id().strip();
            } else {
                ExemptionInput in = new ExemptionInput(value("id"), agency, value("kind"), value("subkind"),
                        value("sector"), value("violation"), value("scope"), value("basisViolation"),
                        value("basisPenalty"), value("basisExemption"), conditions().getValue(), value("measure"),
                        value("effectiveFrom"), value("effectiveTo"), sample);
                version = backOffice.saveExemption(existingId, baseVersion, baseContentHash, in, citationsConfirmed);
                id = in.id().strip();
            }
            Notification.show(getTranslation("lists.admin.saved", id, version));
            UI.getCurrent().navigate("staff/lists", QueryParameters.of("agency", agency));
        } catch (CitationWarning warning) {
            warnedCitations = citationTexts;
            ListsUi.citationWarnings(this, warning, "lists.admin.warning.confirmSave").forEach(this::showProblem);
            errors.getElement().setAttribute("data-kind", "citation-warning");
            focusProblems();
        } catch (ValidationFailure failure) {
            showProblems(failure.problems());
        }
    }

    /** What the citation fields hold now, by field. */
    private Map<String, String> citationTexts() {
        Map<String, String> texts = new LinkedHashMap<>();
        fields.forEach((name, field) -> {
            if (name.startsWith("basis") && field instanceof TextArea area) {
                texts.put(name, area.getValue());
            }
        });
        return texts;
    }

    /** Marks each refused field and lists every problem above the form, where the focus moves (Save may be far below). */
    private void showProblems(List<ValidationFailure.FieldProblem> problems) {
        errors.getElement().setAttribute("data-kind", "refused");
        for (ValidationFailure.FieldProblem problem : problems) {
            String message = getTranslation(problem.messageKey(), problem.args());
            if (fields.get(problem.field()) instanceof ConditionRows rows) {
                rows.showProblem(problem.messageKey(), problem.args(), message);
                listProblem(problem.field(), message);
            } else {
                showProblem(problem.field(), message);
            }
        }
        focusProblems();
    }

    /** Marks the field with the message (after any it has already) and lists it above the form. */
    private void showProblem(String name, String message) {
        if (fields.get(name) instanceof HasValidation v) {
            v.setInvalid(true);
            v.setErrorMessage(v.getErrorMessage() == null || v.getErrorMessage().isEmpty() ? message
                    : v.getErrorMessage() + " " + message);
        }
        listProblem(name, message);
    }

    private void listProblem(String name, String message) {
        String label = fields.containsKey(name)
                ? getTranslation("lists.admin.field." + name) + getTranslation("lists.colon") : "";
        ListItem item = new ListItem(label + message);
        item.getElement().setAttribute("data-field", name);
        errors.add(item);
    }

    private void focusProblems() {
        errors.getElement().executeJs("this.scrollIntoView({block: 'center'}); this.focus();");
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
