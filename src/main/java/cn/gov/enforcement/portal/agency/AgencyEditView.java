package cn.gov.enforcement.portal.agency;

import cn.gov.enforcement.portal.platform.LabelSpacing;
import cn.gov.enforcement.portal.platform.Selects;
import cn.gov.enforcement.portal.agency.AgencyBackOffice.AgencyInput;
import cn.gov.enforcement.portal.agency.AgencyBackOffice.EditableAgency;
import cn.gov.enforcement.portal.agency.AgencyBackOffice.OfficerInput;
import cn.gov.enforcement.portal.agency.AgencyBackOffice.PowerInput;
import cn.gov.enforcement.portal.platform.ValidationFailure;
import com.vaadin.flow.component.Component;
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
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The form of an agency's public details ({@code /staff/agency/edit/<id>}; an editor's own agency without an id):
 * contacts, office hours, powers, legal basis and the officer roster, with the version history and the audit log
 * below. Every field is checked by {@link AgencyBackOffice} with the rules of the agency files; each refused field
 * shows its message, a list above the form names them all, and what was typed stays. A save is public at once.
 */
@Route("staff/agency/edit/:id?")
@RolesAllowed({"EDITOR", "ADMIN"})
public class AgencyEditView extends Div implements BeforeEnterObserver, HasDynamicTitle,
        cn.gov.enforcement.portal.platform.LanguageSwitchAware {

    /** Where what was typed waits in the session while the page reloads in another language. */
    private static final String AFTER_LANGUAGE_SWITCH = AgencyEditView.class.getName() + ".kept";

    /** What was typed, not yet saved, on the form of one agency opened on one version. */
    private record Kept(String agencyId, int baseVersion, String baseContentHash, AgencyInput input)
            implements java.io.Serializable {
    }

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    /** The fields of the files the form edits, in the order of the form. */
    static final List<String> TEXT_FIELDS = List.of("name_en", "legal_representative", "address", "address_en",
            "supervision_phone", "supervision_email", "mediation_email", "office_hours", "office_hours_en");

    /** A problem's field as the files name it: {@code officers[1].certificate}, {@code legal_basis[0]}, {@code address}. */
    private static final Pattern FIELD = Pattern.compile("^([a-z_]+)(?:\\[(\\d+)\\])?(?:\\.([a-z_]+))?$");

    private final transient AgencyBackOffice backOffice;
    private final Map<String, Component> fields = new LinkedHashMap<>();
    private final List<PowerRow> powerRows = new ArrayList<>();
    private final List<OfficerRow> officerRows = new ArrayList<>();
    private final Div powers = new Div();
    private final Div officers = new Div();
    private final UnorderedList errors = new UnorderedList();
    private String agencyId;
    private Button addPowerButton;
    private Button addOfficerButton;
    /** The version the form was opened on; a save on top of a newer one is refused (input kept). */
    private int baseVersion;
    /** The content the form was opened on: a file reloaded meanwhile leaves the version at 0 but changes it. */
    private String baseContentHash;
    private String title = "";

    public AgencyEditView(AgencyBackOffice backOffice) {
        this.backOffice = backOffice;
        addClassName("agency-edit-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<String> id = event.getRouteParameters().get("id").or(backOffice::ownAgency);
        if (id.isEmpty()) {
            event.forwardTo("staff/agency"); // an administrator picks the agency there
            return;
        }
        try {
            EditableAgency stored = backOffice.edit(id.get());
            // after a language switch the form shows what was typed, on the version it was opened on (a save over a
            // colleague's newer one is still refused)
            show(cn.gov.enforcement.portal.platform.LanguageSwitchAware.takeKept(AFTER_LANGUAGE_SWITCH, Kept.class)
                    .filter(kept -> kept.agencyId().equals(stored.id()))
                    .map(kept -> new EditableAgency(stored.id(), stored.name(), stored.category(), stored.region(),
                            stored.sample(), kept.baseVersion(), kept.input(), kept.baseContentHash()))
                    .orElse(stored));
        } catch (AgencyNotFoundException e) {
            event.rerouteToError(new AgencyNotFoundException(id.get()), "");
        }
    }

    private void show(EditableAgency agency) {
        removeAll();
        fields.clear();
        powerRows.clear();
        officerRows.clear();
        powers.removeAll();
        officers.removeAll();
        errors.removeAll();
        agencyId = agency.id();
        baseVersion = agency.version();
        baseContentHash = agency.contentHash();
        title = getTranslation("agency.edit.title");
        add(new Anchor("staff/agency/" + agency.id(), getTranslation("agency.edit.back")), new H1(title));

        Paragraph publicNotice = new Paragraph(getTranslation("agency.edit.publicNotice"));
        publicNotice.setId("agency-edit-public");
        publicNotice.addClassName("agency-edit-notice");
        add(publicNotice);

        errors.setId("agency-edit-errors");
        errors.getElement().setAttribute("tabindex", "-1");
        errors.getElement().setAttribute("role", "alert");
        errors.addClassName("agency-edit-errors");
        add(errors);

        // what the file fixes: shown, not editable
        add(readOnly("id", agency.id()), readOnly("name", agency.name()),
                readOnly("category", getTranslation(agency.category().labelKey())), readOnly("region", agency.region()));
        Checkbox sample = new Checkbox(getTranslation("agency.edit.field.sample"), agency.sample());
        sample.setId("agency-edit-sample");
        sample.setReadOnly(true);
        add(sample, new Paragraph(getTranslation("agency.edit.fixedFields")));

        AgencyInput in = agency.input();
        List<String> values = java.util.Arrays.asList(in.nameEn(), in.legalRepresentative(), in.address(),
                in.addressEn(), in.supervisionPhone(), in.supervisionEmail(), in.mediationEmail(), in.officeHours(),
                in.officeHoursEn());
        for (int i = 0; i < TEXT_FIELDS.size(); i++) {
            String name = TEXT_FIELDS.get(i);
            TextField field = new TextField(getTranslation("agency.edit.field." + name));
            field.setId("agency-edit-" + name);
            field.setValue(values.get(i) == null ? "" : values.get(i));
            field.setWidthFull();
            fields.put(name, field);
            add(field);
        }

        add(new H2(getTranslation("agency.edit.field.powers")));
        powers.setId("agency-edit-powers");
        in.powers().forEach(this::addPower);
        Button addPower = new Button(getTranslation("agency.edit.addPower"), e -> {
            addPower(new PowerInput("", null));
            powerRows.get(powerRows.size() - 1).name.focus(); // the keyboard goes on in the new row
        });
        addPower.setId("agency-edit-add-power");
        addPowerButton = addPower;
        add(powers, addPower);

        TextArea legalBasis = new TextArea(getTranslation("agency.edit.field.legal_basis"));
        legalBasis.setId("agency-edit-legal_basis");
        legalBasis.setHelperText(getTranslation("agency.edit.legalBasisHelp"));
        legalBasis.setValue(in.legalBasis());
        legalBasis.setWidthFull();
        fields.put("legal_basis", legalBasis);
        add(legalBasis);

        add(new H2(getTranslation("agency.edit.field.officers")), new Paragraph(getTranslation("agency.edit.officersHelp")));
        officers.setId("agency-edit-officers");
        in.officers().forEach(this::addOfficer);
        Button addOfficer = new Button(getTranslation("agency.edit.addOfficer"), e -> {
            addOfficer(new OfficerInput("", "", OfficerStatus.VALID.code()));
            officerRows.get(officerRows.size() - 1).name.focus();
        });
        addOfficer.setId("agency-edit-add-officer");
        addOfficerButton = addOfficer;
        add(officers, addOfficer);

        Button save = new Button(getTranslation("agency.edit.save"), e -> save());
        save.setId("agency-edit-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        byte[] yaml = backOffice.export(agency.id()).getBytes(StandardCharsets.UTF_8);
        Anchor export = new Anchor(new StreamResource(agency.id() + ".yaml", () -> new ByteArrayInputStream(yaml)),
                getTranslation("agency.edit.export"));
        export.setId("agency-edit-export");
        export.getElement().setAttribute("download", true);
        add(new HorizontalLayout(save, export), new Paragraph(getTranslation("agency.edit.publishedAtOnce")));

        add(history(agency.id()), audit(agency.id()));
    }

    private TextField readOnly(String name, String value) {
        TextField field = new TextField(getTranslation("agency.edit.field." + name));
        field.setId("agency-edit-" + name);
        field.setValue(value == null ? "" : value);
        field.setReadOnly(true);
        if ("id".equals(name)) {
            field.setMinWidth("18em"); // the whole id is readable (sample-market-regulation was cut)
        }
        return field;
    }

    private Section history(String id) {
        Section section = new Section(new H2(getTranslation("agency.edit.history")));
        section.setId("agency-edit-history");
        List<AgencyBackOffice.VersionSummary> all = backOffice.versions(id);
        if (all.isEmpty()) {
            section.add(new Paragraph(getTranslation("agency.edit.historyNone")));
        }
        UnorderedList list = new UnorderedList();
        List<AgencyBackOffice.VersionSummary> newestFirst = new ArrayList<>(all);
        java.util.Collections.reverse(newestFirst);
        for (AgencyBackOffice.VersionSummary v : newestFirst) {
            ListItem item = new ListItem(getTranslation(v.fromFile() ? "agency.edit.versionFromFile" : "agency.edit.version",
                    v.version(), v.createdBy(), TIME.format(v.createdAt())));
            item.getElement().setAttribute("data-version", String.valueOf(v.version()));
            list.add(item);
        }
        section.add(list);
        return section;
    }

    private Section audit(String id) {
        Section section = new Section(new H2(getTranslation("agency.edit.audit")));
        section.setId("agency-edit-audit");
        List<AgencyBackOffice.AuditRecord> records = backOffice.audit(id);
        if (records.isEmpty()) {
            section.add(new Paragraph(getTranslation("agency.edit.auditNone")));
        }
        UnorderedList list = new UnorderedList();
        for (AgencyBackOffice.AuditRecord r : records) {
            ListItem item = new ListItem(getTranslation("agency.edit.auditLine", TIME.format(r.at()), r.actor(),
                    r.version() == null ? "" : r.version(), AgencyAuditTexts.changes(this, r.changes())));
            list.add(item);
        }
        section.add(list);
        // every agency's records (an administrator's) or the editor's own, filtered by day and kind of change
        Anchor all = new Anchor("staff/agency/audit?agency=" + java.net.URLEncoder.encode(id,
                StandardCharsets.UTF_8), getTranslation("agency.edit.auditAll"));
        all.setId("agency-edit-audit-all");
        section.add(all);
        return section;
    }

    private void addPower(PowerInput value) {
        PowerRow row = new PowerRow();
        row.name.setLabel(getTranslation("agency.edit.powerName"));
        row.name.setValue(value.name() == null ? "" : value.name());
        row.name.setWidth("40em");
        row.kind.setLabel(getTranslation("agency.edit.powerKind"));
        row.kind.setItems(Arrays.stream(PowerKind.values()).map(PowerKind::code).toList());
        row.kind.setItemLabelGenerator(code -> getTranslation("agency.power." + code));
        if (value.kind() != null && !value.kind().isEmpty()) {
            row.kind.setValue(value.kind());
        }
        Button remove = new Button(getTranslation("agency.edit.removePower"), e -> {
            int at = powerRows.indexOf(row);
            powerRows.remove(row);
            powers.remove(row.layout);
            renumber();
            // the focus was on the removed button: it goes to the row that took its place, else to "add"
            if (at < powerRows.size()) {
                powerRows.get(at).name.focus();
            } else if (addPowerButton != null) {
                addPowerButton.focus();
            }
        });
        row.remove = remove;
        row.layout.add(row.name, row.kind, remove);
        row.layout.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        row.layout.addClassName("agency-edit-power");
        powerRows.add(row);
        powers.add(row.layout);
        renumber();
    }

    private void addOfficer(OfficerInput value) {
        OfficerRow row = new OfficerRow();
        row.name.setLabel(getTranslation("agency.edit.officerName"));
        row.name.setValue(value.name() == null ? "" : value.name());
        row.certificate.setLabel(getTranslation("agency.edit.officerCertificate"));
        row.certificate.setValue(value.certificate() == null ? "" : value.certificate());
        row.status.setLabel(getTranslation("agency.edit.officerStatus"));
        row.status.setItems(Arrays.stream(OfficerStatus.values()).map(OfficerStatus::code).toList());
        row.status.setItemLabelGenerator(code -> getTranslation("agency.status." + code));
        row.status.setValue(value.status() == null ? OfficerStatus.VALID.code() : value.status());
        Button revoke = new Button(getTranslation("agency.edit.revoke"), e -> row.status.setValue(OfficerStatus.REVOKED.code()));
        Button remove = new Button(getTranslation("agency.edit.removeOfficer"), e -> {
            int at = officerRows.indexOf(row);
            officerRows.remove(row);
            officers.remove(row.layout);
            renumber();
            if (at < officerRows.size()) {
                officerRows.get(at).name.focus();
            } else if (addOfficerButton != null) {
                addOfficerButton.focus();
            }
        });
        // nothing to revoke on a revoked certificate; the button comes back if the status is set to valid again
        revoke.setEnabled(!OfficerStatus.REVOKED.code().equals(row.status.getValue()));
        row.status.addValueChangeListener(e -> revoke.setEnabled(!OfficerStatus.REVOKED.code().equals(e.getValue())));
        row.revoke = revoke;
        row.remove = remove;
        row.layout.add(row.name, row.certificate, row.status, revoke, remove);
        row.layout.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        row.layout.addClassName("agency-edit-officer");
        officerRows.add(row);
        officers.add(row.layout);
        renumber();
    }

    /** Ids follow the rows' places, as the problems name them ({@code officers[2].certificate}). */
    private void renumber() {
        for (int i = 0; i < powerRows.size(); i++) {
            PowerRow row = powerRows.get(i);
            row.name.setId("agency-edit-powers-" + i + "-name");
            row.kind.setId("agency-edit-powers-" + i + "-kind");
            // a screen reader lists many buttons of the same name: each says which row it acts on
            row.name.setAriaLabel(getTranslation("agency.edit.power.row", i + 1, getTranslation("agency.edit.powerName")));
            row.kind.setAriaLabel(getTranslation("agency.edit.power.row", i + 1, getTranslation("agency.edit.powerKind")));
            row.remove.setAriaLabel(getTranslation("agency.edit.removePower.row", i + 1));
        }
        for (int i = 0; i < officerRows.size(); i++) {
            OfficerRow row = officerRows.get(i);
            row.name.setId("agency-edit-officers-" + i + "-name");
            row.certificate.setId("agency-edit-officers-" + i + "-certificate");
            row.status.setId("agency-edit-officers-" + i + "-status");
            row.revoke.setId("agency-edit-officers-" + i + "-revoke");
            row.remove.setId("agency-edit-officers-" + i + "-remove");
            row.name.setAriaLabel(getTranslation("agency.edit.officer.row", i + 1, getTranslation("agency.edit.officerName")));
            row.certificate.setAriaLabel(getTranslation("agency.edit.officer.row", i + 1,
                    getTranslation("agency.edit.officerCertificate")));
            row.status.setAriaLabel(getTranslation("agency.edit.officer.row", i + 1, getTranslation("agency.edit.officerStatus")));
            row.revoke.setAriaLabel(getTranslation("agency.edit.revoke.row", i + 1));
            row.remove.setAriaLabel(getTranslation("agency.edit.removeOfficer.row", i + 1));
        }
    }

    private String text(String field) {
        return ((TextField) fields.get(field)).getValue();
    }

    @Override
    public void keepForLanguageSwitch() {
        if (agencyId != null) {
            cn.gov.enforcement.portal.platform.LanguageSwitchAware.keep(AFTER_LANGUAGE_SWITCH,
                    new Kept(agencyId, baseVersion, baseContentHash, input()));
        }
    }

    /** What the form holds now. */
    private AgencyInput input() {
        return new AgencyInput(text("name_en"), text("legal_representative"), text("address"), text("address_en"),
                text("supervision_phone"), text("supervision_email"), text("mediation_email"), text("office_hours"),
                text("office_hours_en"),
                powerRows.stream().map(r -> new PowerInput(r.name.getValue(), r.kind.getValue())).toList(),
                ((TextArea) fields.get("legal_basis")).getValue(),
                officerRows.stream().map(r -> new OfficerInput(r.name.getValue(), r.certificate.getValue(),
                        r.status.getValue())).toList());
    }

    private void save() {
        clearProblems();
        AgencyInput input = input();
        try {
            AgencyBackOffice.Saved saved = backOffice.save(agencyId, baseVersion, baseContentHash, input);
            Notification.show(getTranslation(saved.stored() ? "agency.edit.saved" : "agency.edit.unchanged",
                    saved.version()));
            show(backOffice.edit(agencyId));
        } catch (ValidationFailure failure) {
            showProblems(failure.problems());
        }
    }

    private void clearProblems() {
        errors.removeAll();
        List<Component> all = new ArrayList<>(fields.values());
        powerRows.forEach(r -> all.addAll(List.of(r.name, r.kind)));
        officerRows.forEach(r -> all.addAll(List.of(r.name, r.certificate, r.status)));
        all.forEach(f -> {
            if (f instanceof HasValidation v) {
                v.setInvalid(false);
                v.setErrorMessage(null);
            }
        });
    }

    /** Marks each refused field and lists every problem above the form, where the focus moves (Save is far below). */
    private void showProblems(List<ValidationFailure.FieldProblem> problems) {
        for (ValidationFailure.FieldProblem problem : problems) {
            String message = message(problem);
            Optional<Component> field = component(problem.field());
            field.ifPresent(f -> {
                if (f instanceof HasValidation v) {
                    v.setInvalid(true);
                    v.setErrorMessage(v.getErrorMessage() == null || v.getErrorMessage().isEmpty() ? message
                            : v.getErrorMessage() + " " + message);
                }
            });
            // a sentence of the form names its field already; any other message is preceded by the field's name
            String label = FORM_SENTENCES.containsKey(problem.messageKey()) && !fieldName(problem.field()).isEmpty() ? ""
                    : label(problem.field());
            ListItem item = new ListItem(label.isEmpty() ? message : LabelSpacing.label(label) + message);
            item.getElement().setAttribute("data-field", problem.field());
            errors.add(item);
        }
        errors.getElement().executeJs("this.scrollIntoView({block: 'center'}); this.focus();");
    }

    /**
     * The form's own sentences for the files' messages (the files' are fragments after a field's key and a line
     * number, must be a phone number such as …, got "abc", which {@code /admin/content} keeps): each names the field as
     * the form shows it, then says what is wrong with what was typed, in the reader's language.
     */
    static final Map<String, String> FORM_SENTENCES = Map.ofEntries(
            Map.entry("knowledge.problem.required", "agency.edit.problem.required"),
            Map.entry("knowledge.problem.empty", "agency.edit.problem.empty"),
            Map.entry("knowledge.problem.emptyText", "agency.edit.problem.emptyText"),
            Map.entry("knowledge.problem.tooLong", "agency.edit.problem.tooLong"),
            Map.entry("knowledge.problem.notEmail", "agency.edit.problem.notEmail"),
            Map.entry("knowledge.problem.notPhone", "agency.edit.problem.notPhone"),
            Map.entry("knowledge.problem.notOneOf", "agency.edit.problem.notOneOf"),
            Map.entry("knowledge.problem.tooFew", "agency.edit.problem.tooFew"),
            Map.entry("knowledge.problem.tooMany", "agency.edit.problem.tooMany"),
            Map.entry("agency.problem.certificateFormat", "agency.edit.problem.certificateFormat"),
            Map.entry("agency.problem.legalBasis", "agency.edit.problem.legalBasis"),
            Map.entry("agency.problem.certificateTwice", "agency.edit.problem.certificateTwice"),
            Map.entry(AgencyBackOffice.CERTIFICATE_TAKEN, "agency.edit.problem.certificateTaken"),
            Map.entry(cn.gov.enforcement.portal.platform.TextChecks.SINGLE_LINE, "agency.edit.problem.singleLine"));

    /** The files' problems whose one argument is a place in a list counted from 0 (legal_basis[1], officers[0]). */
    private static final java.util.Set<String> COUNTED_FROM_ZERO = java.util.Set.of("agency.problem.legalBasis",
            "agency.problem.certificateTwice");

    /**
     * A problem's message for the form's reader: a whole sentence naming the field (监督电话“abc”不是有效的电话号码…,
     * Officer 2's certificate number "x" is not a plausible certificate number…); the files' places in a list, counted
     * from 0, are said as the form shows them (第 2 行, 第 1 位执法人员). A message without a sentence of the form's (a
     * conflict) is shown as it is.
     */
    private String message(ValidationFailure.FieldProblem problem) {
        Object[] args = problem.args();
        if (COUNTED_FROM_ZERO.contains(problem.messageKey()) && args.length == 1 && args[0] instanceof Number index) {
            args = new Object[] {index.intValue() + 1};
        }
        String sentence = FORM_SENTENCES.get(problem.messageKey());
        String name = fieldName(problem.field());
        if (sentence == null || name.isEmpty()) {
            return getTranslation(problem.messageKey(), args);
        }
        Object[] withName = new Object[args.length + 1];
        withName[0] = name;
        System.arraycopy(args, 0, withName, 1, args.length);
        return getTranslation(sentence, withName);
    }

    /** A field's name inside a sentence: 监督电话, 第 2 位执法人员的执法证号, Officer 2's certificate number; empty if none. */
    private String fieldName(String field) {
        Matcher m = FIELD.matcher(field == null ? "" : field);
        if (!m.matches() || AgencyBackOffice.CONFLICT_FIELD.equals(field)) {
            return "";
        }
        String key = m.group(1);
        if (m.group(2) != null && m.group(3) != null) {
            return getTranslation("agency.edit.rowPart",
                    getTranslation("agency.edit.row." + key, Integer.parseInt(m.group(2)) + 1),
                    getTranslation("agency.edit.part." + key + "." + m.group(3)));
        }
        return getTranslation("agency.edit.field." + key);
    }

    /** The form field a problem names, if the form has it. */
    private Optional<Component> component(String field) {
        Matcher m = FIELD.matcher(field == null ? "" : field);
        if (!m.matches()) {
            return Optional.empty();
        }
        String key = m.group(1);
        int index = m.group(2) == null ? -1 : Integer.parseInt(m.group(2));
        String part = m.group(3);
        if ("powers".equals(key) && index >= 0 && index < powerRows.size() && part != null) {
            PowerRow row = powerRows.get(index);
            return Optional.of("kind".equals(part) ? row.kind : row.name);
        }
        if ("officers".equals(key) && index >= 0 && index < officerRows.size() && part != null) {
            OfficerRow row = officerRows.get(index);
            return Optional.of("certificate".equals(part) ? row.certificate : "status".equals(part) ? row.status : row.name);
        }
        return Optional.ofNullable(fields.get(key));
    }

    /** The name of a problem's field for the list above the form: 第 2 位执法人员 · 执法证号. */
    private String label(String field) {
        Matcher m = FIELD.matcher(field == null ? "" : field);
        if (!m.matches() || AgencyBackOffice.CONFLICT_FIELD.equals(field)) {
            return "";
        }
        String key = m.group(1);
        String name = getTranslation("agency.edit.field." + key);
        if (m.group(2) != null && m.group(3) != null) {
            String row = getTranslation("agency.edit.row." + key, Integer.parseInt(m.group(2)) + 1);
            String part = getTranslation("agency.edit.part." + key + "." + m.group(3));
            return row + getTranslation("agency.edit.rowSeparator") + part;
        }
        return name;
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private static final class PowerRow {
        final TextField name = new TextField();
        final Select<String> kind = Selects.create();
        Button remove;
        final HorizontalLayout layout = new HorizontalLayout();
    }

    private static final class OfficerRow {
        final TextField name = new TextField();
        final TextField certificate = new TextField();
        final Select<String> status = Selects.create();
        Button revoke;
        Button remove;
        final HorizontalLayout layout = new HorizontalLayout();
    }
}
