package cn.gov.enforcement.portal.agency;

import cn.gov.enforcement.portal.account.CurrentUser;
import cn.gov.enforcement.portal.agency.data.AgencyEntity;
import cn.gov.enforcement.portal.agency.data.AgencyRepository;
import cn.gov.enforcement.portal.agency.data.OfficerValue;
import cn.gov.enforcement.portal.agency.data.PowerValue;
import cn.gov.enforcement.portal.knowledge.ContentProblem;
import cn.gov.enforcement.portal.knowledge.KnowledgeFile;
import cn.gov.enforcement.portal.platform.ValidationFailure;
import cn.gov.enforcement.portal.platform.ValidationFailure.FieldProblem;
import jakarta.annotation.security.RolesAllowed;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The editors' side of the agency details (执法主体公示): contacts, office hours, powers, legal basis and the officer
 * roster. EDITORs work on their own agency, ADMINs on every agency; officers only read ({@link AgencyStaffService}).
 *
 * <p>A save is checked with the rules and messages of the knowledge-base files: the form's input is written as an
 * agency file ({@link AgencyYaml#draft}) and read by {@link AgencyFileParser}, so that the back office accepts exactly
 * what a file may hold; a certificate number held by another agency is refused without naming it. A valid save is
 * public at once (no review): it is a new version ({@code agency_version}), replaces the agency's row that the public
 * pages, the API and the certificate check read, writes an audit row ({@code agency_audit}: who, when, what changed,
 * e.g. {@code revoked SJ-990100-2019-0056}) and publishes {@link AgencyDirectoryChanged}, on which the search index is
 * rebuilt after the commit.
 *
 * <p>Scope: another agency's id, an unknown id and a malformed id all give the same {@link AgencyNotFoundException}.
 *
 * <p>Ownership: once an agency has a version the database owns it: the knowledge-base loader no longer applies its file,
 * and lists a later change of the file at {@code /admin/content} as a conflict. {@link #export} writes the agency in the
 * file format, to bring the file up to date.
 *
 * <p>Concurrent edits (optimistic): a save names the version its form was opened on; when the agency has a newer one,
 * nothing is written and a {@link ValidationFailure} ({@value #CONFLICT}) names who saved it and when. A save locks the
 * agency's row first, so that a knowledge-base reload at the same moment cannot interleave with it (see
 * {@link AgencyStore#sync}).
 */
@Service
@RolesAllowed({"EDITOR", "ADMIN"})
public class AgencyBackOffice {

    /** The system user recorded for version 1 of an agency that came from its knowledge-base file. */
    public static final String KNOWLEDGE_BASE_USER = "knowledge-base";

    /** Message key of the refusal of a save made on a version that is no longer the newest. */
    public static final String CONFLICT = "agency.edit.error.conflict";
    /** {@link #CONFLICT} when the change was the agency's file reloaded (an agency only in its file); same arguments. */
    public static final String CONFLICT_FILE = "agency.edit.error.conflictFile";

    /**
     * Message key of the refusal of a save that waited longer than the database waits for a row lock (H2: its lock
     * timeout) while a knowledge-base reload wrote the agency: nothing was written.
     */
    public static final String BUSY = "agency.edit.error.busy";

    /** Message key of the refusal of a certificate number another agency holds (which one is not said). */
    public static final String CERTIFICATE_TAKEN = "agency.edit.error.certificateTaken";

    /** The field name of the conflict problem (no field of the form: the whole agency). */
    public static final String CONFLICT_FIELD = "version";

    private static final DateTimeFormatter CONFLICT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private static final int AUDIT_LIMIT = 500;

    /** What a form sends for one power: its name and kind code ({@link PowerKind#code()}). */
    public record PowerInput(String name, String kind) implements java.io.Serializable {}

    /** What a form sends for one officer: name, certificate number as typed, status code ({@link OfficerStatus#code()}). */
    public record OfficerInput(String name, String certificate, String status) implements java.io.Serializable {}

    /** What the form sends: every field an editor may change. {@code legalBasis} holds one entry per line. */
    public record AgencyInput(String nameEn, String legalRepresentative, String address, String addressEn,
            String supervisionPhone, String supervisionEmail, String mediationEmail, String officeHours,
            String officeHoursEn, List<PowerInput> powers,
            String legalBasis, List<OfficerInput> officers) implements java.io.Serializable {

        public AgencyInput {
            powers = powers == null ? List.of() : List.copyOf(powers);
            officers = officers == null ? List.of() : List.copyOf(officers);
        }
    }

    /**
     * An agency as its form shows it: the fields the file fixes (read-only on the form), the version the form is
     * opened on (0: never edited, the file's content) and the editable fields with officers' full names.
     */
    public record EditableAgency(String id, String name, AgencyCategory category, String region, boolean sample,
            int version, AgencyInput input, String contentHash) {}

    public record VersionSummary(int version, boolean fromFile, String createdBy, Instant createdAt) {}

    /** One change of a save: a verb ({@code revoked}, {@code added}, {@code changed} …) and what it applies to. */
    public record Change(String verb, String subject) {}

    public record AuditRecord(Instant at, String actor, String agencyId, String action, Integer version,
            List<Change> changes) {}

    /** The verbs of the changes an audit record holds, in the order a filter offers them ({@link Change#verb()}). */
    public static final List<String> CHANGE_VERBS = List.of("revoked", "reinstated", "added", "addedRevoked", "removed",
            "renamed", "changed");

    /** Audit records to a page of {@link #auditLog}. */
    public static final int AUDIT_PAGE_SIZE = 50;

    /** Message key of the refusal of an audit log period whose first day is after its last. */
    public static final String AUDIT_PERIOD_REVERSED = "agency.auditLog.error.period";

    /** The time zone of the audit log's days (and of the times the back office shows). */
    public static final ZoneId AUDIT_ZONE = ZoneId.of("Asia/Shanghai");

    /**
     * What the agency audit log page asks for.
     *
     * @param agencyId one agency (null: every agency the caller may read, an editor's own)
     * @param from the first day (inclusive, in {@link #AUDIT_ZONE}), null for no limit
     * @param to the last day (inclusive), null for no limit
     * @param verb only records with a change of this verb ({@link #CHANGE_VERBS}), null for any
     * @param page the page from 0; a page after the last gives the last
     */
    public record AuditQuery(String agencyId, LocalDate from, LocalDate to, String verb, int page) {}

    /** A page of the audit log: its records (newest first), how many there are in all and which page this is (from 0). */
    public record AuditPage(List<AuditRecord> records, long total, int page) {

        /** How many pages the records fill (at least one, an empty one when none passes the filter). */
        public int pages() {
            return (int) Math.max(1, (total + AUDIT_PAGE_SIZE - 1) / AUDIT_PAGE_SIZE);
        }
    }

    /** The outcome of a save: the agency's version now, and whether the save stored it (false: nothing changed). */
    public record Saved(int version, boolean stored) {}

    private final AgencyRepository repository;
    private final AgencyVersionStore versions;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate freshRead;

    AgencyBackOffice(AgencyRepository repository, AgencyVersionStore versions, CurrentUser currentUser,
            ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactionManager) {
        this.repository = repository;
        this.versions = versions;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
        this.freshRead = new TransactionTemplate(transactionManager);
        this.freshRead.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.freshRead.setReadOnly(true);
    }

    /** The caller's own agency id (editors), for pages opened without one; empty for administrators. */
    public Optional<String> ownAgency() {
        return currentUser.isAdmin() ? Optional.empty() : currentUser.agencyId();
    }

    /** The agency's details as its form shows them. */
    @Transactional(readOnly = true)
    public EditableAgency edit(String id) {
        AgencyEntity entity = resolve(id);
        AgencyRecord r = record(entity);
        AgencyInput input = new AgencyInput(r.nameEn() == null ? "" : r.nameEn(), r.legalRepresentative(), r.address(),
                AgencyStore.emptyWhenNone(r.addressEn()), r.supervisionPhone(), r.supervisionEmail(),
                r.mediationEmail() == null ? "" : r.mediationEmail(), r.officeHours(),
                AgencyStore.emptyWhenNone(r.officeHoursEn()), r.powers().stream().map(p -> new PowerInput(p.name(), p.kind().code())).toList(),
                String.join("\n", r.legalBasis()),
                r.officers().stream().map(o -> new OfficerInput(o.name(), o.certificate(), o.status().code())).toList());
        return new EditableAgency(r.id(), r.name(), r.category(), r.region(), r.sample(),
                versions.latest(r.id()).map(AgencyVersionStore.Version::versionNo).orElse(0), input, entity.getContentHash());
    }

    /**
     * Checks and saves the agency's details; they are public once the transaction commits.
     *
     * @param baseVersion the version the form was opened on ({@link EditableAgency#version()})
     * @param baseContentHash the content the form was opened on ({@link EditableAgency#contentHash()})
     * @throws ValidationFailure for any invalid field (keys and arguments of the agency files' problems, fields as
     *     the files name them: {@code officers[1].certificate}), and ({@value #CONFLICT}) when the agency has a newer
     *     version than {@code baseVersion}; nothing is stored
     */
    @Transactional
    public Saved save(String id, int baseVersion, String baseContentHash, AgencyInput input) {
        String actor = actor();
        // the row is locked before the version and the content are compared: a knowledge-base reload writing the
        // agency now either committed first (its content hash differs: a conflict) or waits for this save and then
        // finds the agency maintained in the back office (AgencyStore#sync), so a file never lands over a save
        AgencyEntity entity;
        try {
            entity = resolve(id, repository::lockById);
        } catch (org.springframework.dao.PessimisticLockingFailureException e) {
            throw ValidationFailure.of(CONFLICT_FIELD, BUSY);
        }
        AgencyRecord before = record(entity);
        AgencyRecord after = validate(before, input);
        Optional<AgencyVersionStore.Version> latest = versions.latest(id);
        // the version alone does not tell a file reloaded while the form was open (version 0 before and after): the
        // row's content hash does, so such a save would not silently put back what the file changed
        if (latest.map(AgencyVersionStore.Version::versionNo).orElse(0) != baseVersion
                || !Objects.equals(entity.getContentHash(), baseContentHash)) {
            throw conflict(id, entity);
        }
        String payload = AgencyYaml.body(after);
        if (payload.equals(AgencyYaml.body(before))) {
            return new Saved(baseVersion, false);
        }
        Instant now = clock.instant();
        int next = baseVersion + 1;
        try {
            if (latest.isEmpty()) {
                // the file's content becomes version 1: the history starts with what the public saw
                versions.insert(id, next++, AgencyVersionStore.ORIGIN_FILE, AgencyYaml.body(before), KNOWLEDGE_BASE_USER,
                        now);
            }
            versions.insert(id, next, AgencyVersionStore.ORIGIN_EDIT, payload, actor, now);
        } catch (AgencyVersionStore.VersionCollision collision) {
            // another save of the same agency committed first; this transaction is rolled back
            throw freshRead.execute(status -> conflict(id));
        }
        entity.replace(after.name(), after.nameEn() == null ? "" : after.nameEn(), after.category(), after.region(),
                after.legalRepresentative(), after.address(), AgencyStore.emptyWhenNone(after.addressEn()),
                after.supervisionPhone(), after.supervisionEmail(), after.mediationEmail(), after.officeHours(),
                AgencyStore.emptyWhenNone(after.officeHoursEn()), after.sample(),
                after.powers().stream().map(p -> new PowerValue(p.name(), p.kind())).toList(), after.legalBasis(),
                after.officers().stream().map(o -> new OfficerValue(o.name(), o.certificate(), o.status())).toList(),
                entity.getSourceFile(), KnowledgeFile.sha256(payload.getBytes(StandardCharsets.UTF_8)), now);
        try {
            repository.saveAndFlush(entity);
        } catch (DataIntegrityViolationException e) {
            // another agency's save took one of the numbers at the same moment (the database holds a number once)
            throw ValidationFailure.of("officers", CERTIFICATE_TAKEN);
        }
        versions.audit(now, actor, id, "SAVE", next, String.join("\n",
                changes(before, after).stream().map(c -> c.verb() + " " + c.subject()).toList()));
        events.publishEvent(new AgencyDirectoryChanged(List.of(id), List.of()));
        return new Saved(next, true);
    }

    /**
     * The form's input as the agency it describes, checked by {@link AgencyFileParser} as a file would be, and each
     * certificate number against the other agencies.
     */
    private AgencyRecord validate(AgencyRecord fixed, AgencyInput input) {
        String yaml = AgencyYaml.draft(fixed, input.nameEn(), input.legalRepresentative(),
                input.powers().stream().map(p -> new String[] {nonNull(p.name()), nonNull(p.kind())}).toList(),
                AgencyYaml.lines(input.legalBasis()), nonNull(input.address()), input.addressEn(),
                nonNull(input.supervisionPhone()), nonNull(input.supervisionEmail()), input.mediationEmail(),
                nonNull(input.officeHours()), input.officeHoursEn(),
                input.officers().stream().map(o -> new String[] {nonNull(o.name()), nonNull(o.certificate()),
                        nonNull(o.status())}).toList());
        AgencyFileParser.Result result = AgencyFileParser.parse(KnowledgeFile.of(
                "knowledge-base/" + AgencyContentLoader.FOLDER + "/" + fixed.id() + ".yaml", yaml));
        // a file cannot hold what a form can be sent: control, format (a right-to-left override) and separator
        // characters, which would reach the public page and the API as they are; each field on one line
        List<FieldProblem> problems = new ArrayList<>();
        singleLine(problems, "name_en", input.nameEn());
        singleLine(problems, "legal_representative", input.legalRepresentative());
        singleLine(problems, "address", input.address());
        singleLine(problems, "address_en", input.addressEn());
        singleLine(problems, "supervision_phone", input.supervisionPhone());
        singleLine(problems, "supervision_email", input.supervisionEmail());
        singleLine(problems, "mediation_email", input.mediationEmail());
        singleLine(problems, "office_hours", input.officeHours());
        singleLine(problems, "office_hours_en", input.officeHoursEn());
        for (int i = 0; i < input.powers().size(); i++) {
            singleLine(problems, "powers[" + i + "].name", input.powers().get(i).name());
        }
        List<String> basis = AgencyYaml.lines(input.legalBasis());
        for (int i = 0; i < basis.size(); i++) {
            singleLine(problems, "legal_basis[" + i + "]", basis.get(i));
        }
        for (int i = 0; i < input.officers().size(); i++) {
            singleLine(problems, "officers[" + i + "].name", input.officers().get(i).name());
            singleLine(problems, "officers[" + i + "].certificate", input.officers().get(i).certificate());
        }
        java.util.Set<String> refused = new java.util.HashSet<>();
        problems.forEach(p -> refused.add(p.field()));
        for (ContentProblem p : result.problems()) {
            if (!refused.contains(p.field())) { // one message a field: the characters first
                problems.add(new FieldProblem(p.field(), p.key(), p.args().toArray()));
            }
        }
        // every problem at once: a number another agency holds as well, where that officer's number is otherwise fine
        for (int i = 0; i < input.officers().size(); i++) {
            String field = "officers[" + i + "].certificate";
            String typed = input.officers().get(i).certificate();
            if (typed != null && problems.stream().noneMatch(p -> field.equals(p.field()))
                    && Certificates.problemKey(typed) == null
                    && repository.findByCertificate(Certificates.normalize(typed))
                            .filter(a -> !a.getId().equals(fixed.id())).isPresent()) {
                problems.add(new FieldProblem(field, CERTIFICATE_TAKEN));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationFailure(problems);
        }
        return result.record().orElseThrow();
    }

    private static void singleLine(List<FieldProblem> problems, String field, String value) {
        if (!cn.gov.enforcement.portal.platform.TextChecks.isSingleLine(value)) {
            problems.add(new FieldProblem(field, cn.gov.enforcement.portal.platform.TextChecks.SINGLE_LINE));
        }
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    /** What a save changed, officer by officer (by certificate number) and field by field. */
    static List<Change> changes(AgencyRecord before, AgencyRecord after) {
        List<Change> changes = new ArrayList<>();
        Map<String, AgencyRecord.OfficerRecord> old = new LinkedHashMap<>();
        before.officers().forEach(o -> old.put(o.certificate(), o));
        Map<String, AgencyRecord.OfficerRecord> now = new LinkedHashMap<>();
        after.officers().forEach(o -> now.put(o.certificate(), o));
        for (AgencyRecord.OfficerRecord o : after.officers()) {
            AgencyRecord.OfficerRecord was = old.get(o.certificate());
            if (was == null) {
                changes.add(new Change(o.status() == OfficerStatus.REVOKED ? "addedRevoked" : "added", o.certificate()));
                continue;
            }
            if (was.status() != o.status()) {
                changes.add(new Change(o.status() == OfficerStatus.REVOKED ? "revoked" : "reinstated", o.certificate()));
            }
            if (!was.name().equals(o.name())) {
                changes.add(new Change("renamed", o.certificate()));
            }
        }
        for (AgencyRecord.OfficerRecord o : before.officers()) {
            if (!now.containsKey(o.certificate())) {
                changes.add(new Change("removed", o.certificate()));
            }
        }
        if (changes.isEmpty() && !before.officers().equals(after.officers())) {
            changes.add(new Change("changed", "officers")); // the same officers in another order
        }
        field(changes, "name_en", before.nameEn(), after.nameEn());
        field(changes, "legal_representative", before.legalRepresentative(), after.legalRepresentative());
        field(changes, "address", before.address(), after.address());
        field(changes, "address_en", before.addressEn(), after.addressEn());
        field(changes, "supervision_phone", before.supervisionPhone(), after.supervisionPhone());
        field(changes, "supervision_email", before.supervisionEmail(), after.supervisionEmail());
        field(changes, "mediation_email", before.mediationEmail(), after.mediationEmail());
        field(changes, "office_hours", before.officeHours(), after.officeHours());
        field(changes, "office_hours_en", before.officeHoursEn(), after.officeHoursEn());
        field(changes, "powers", before.powers(), after.powers());
        field(changes, "legal_basis", before.legalBasis(), after.legalBasis());
        return changes;
    }

    private static void field(List<Change> changes, String field, Object before, Object after) {
        String x = before == null ? "" : before.toString();
        String y = after == null ? "" : after.toString();
        if (!Objects.equals(x, y)) {
            changes.add(new Change("changed", field));
        }
    }

    /** Every version of the agency's details, oldest first (none while it only came from its file). */
    @Transactional(readOnly = true)
    public List<VersionSummary> versions(String id) {
        resolve(id);
        return versions.versions(id).stream().map(v -> new VersionSummary(v.versionNo(),
                AgencyVersionStore.ORIGIN_FILE.equals(v.origin()), v.createdBy(), v.createdAt())).toList();
    }

    /** The agency's audit log, newest first. */
    @Transactional(readOnly = true)
    public List<AuditRecord> audit(String id) {
        resolve(id);
        return versions.auditLog(id, AUDIT_LIMIT).stream().map(AgencyBackOffice::auditRecord).toList();
    }

    /** A stored audit record with its changes, one a line of {@code detail}: a verb, a space and what it applies to. */
    private static AuditRecord auditRecord(AgencyVersionStore.Audit a) {
        return new AuditRecord(a.at(), a.actor(), a.agencyId(), a.action(), a.versionNo(),
                a.detail() == null ? List.of() : a.detail().lines().filter(l -> !l.isBlank()).map(l -> {
                    int space = l.indexOf(' ');
                    return space < 0 ? new Change(l, "") : new Change(l.substring(0, space), l.substring(space + 1));
                }).toList());
    }

    /**
     * The agency audit log across agencies ({@code /staff/agency/audit}): an administrator's of every agency or of the
     * one asked for, an editor's of their own agency only. An editor asking for another agency's records, or an
     * administrator for an unknown agency, gets {@link AgencyNotFoundException} as on the form; an editor bound to no
     * agency is refused.
     *
     * @throws ValidationFailure ({@value #AUDIT_PERIOD_REVERSED}, field {@code from}) when the first day is after the
     *     last
     * @throws IllegalArgumentException for a verb not in {@link #CHANGE_VERBS}
     */
    @Transactional(readOnly = true)
    public AuditPage auditLog(AuditQuery query) {
        String agencyId;
        if (query.agencyId() != null) {
            agencyId = resolve(query.agencyId()).getId();
        } else if (currentUser.isAdmin()) {
            agencyId = null;
        } else {
            agencyId = currentUser.agencyId().orElseThrow(() -> new AccessDeniedException("No agency"));
        }
        if (query.from() != null && query.to() != null && query.from().isAfter(query.to())) {
            throw ValidationFailure.of("from", AUDIT_PERIOD_REVERSED);
        }
        if (query.verb() != null && !CHANGE_VERBS.contains(query.verb())) {
            throw new IllegalArgumentException("Unknown change: " + query.verb());
        }
        Instant from = query.from() == null ? null : query.from().atStartOfDay(AUDIT_ZONE).toInstant();
        Instant until = query.to() == null ? null : query.to().plusDays(1).atStartOfDay(AUDIT_ZONE).toInstant();
        long total = versions.auditCount(agencyId, from, until, query.verb());
        int page = Math.min(Math.max(0, query.page()), new AuditPage(List.of(), total, 0).pages() - 1);
        return new AuditPage(versions.auditPage(agencyId, from, until, query.verb(), (long) page * AUDIT_PAGE_SIZE,
                AUDIT_PAGE_SIZE).stream().map(AgencyBackOffice::auditRecord).toList(), total, page);
    }

    /**
     * The agencies whose audit log the caller may read, by id: every agency for an administrator, an editor's own
     * (none when the editor is bound to no agency).
     */
    @Transactional(readOnly = true)
    public List<AgencySummary> auditAgencies() {
        if (currentUser.isAdmin()) {
            return repository.findAllByOrderByIdAsc().stream().map(AgencyDirectory::summary).toList();
        }
        return currentUser.agencyId().flatMap(repository::findById).map(AgencyDirectory::summary).stream().toList();
    }

    /** Whether the caller reads every agency's audit log (an administrator), not only their own agency's. */
    public boolean auditsEveryAgency() {
        return currentUser.isAdmin();
    }

    /**
     * The agency's current details in the exact {@code knowledge-base/agencies/} format, to replace
     * {@code knowledge-base/agencies/<id>.yaml}; it reads back through {@link AgencyFileParser} as the same agency.
     */
    @Transactional(readOnly = true)
    public String export(String id) {
        return AgencyYaml.file(record(resolve(id)), LocalDate.now(clock).toString());
    }

    /** The refusal of a save made on an outdated form, naming who saved the newest version and when. */
    private ValidationFailure conflict(String id) {
        return conflict(id, null);
    }

    /** Who changed the agency last and when: a back-office save, or the knowledge base (a file reloaded) if none. */
    private ValidationFailure conflict(String id, AgencyEntity entity) {
        Optional<AgencyVersionStore.Version> latest = versions.latest(id);
        String who = latest.map(AgencyVersionStore.Version::createdBy).orElse(KNOWLEDGE_BASE_USER);
        Instant fileTime = entity == null || entity.getUpdatedAt() == null ? clock.instant() : entity.getUpdatedAt();
        Instant when = latest.map(AgencyVersionStore.Version::createdAt).orElse(fileTime);
        return ValidationFailure.of(CONFLICT_FIELD, latest.isPresent() ? CONFLICT : CONFLICT_FILE, who,
                CONFLICT_TIME.format(when));
    }

    /** The agency the caller may work on; another agency's, an unknown or a malformed id is "not found". */
    private AgencyEntity resolve(String id) {
        return resolve(id, repository::findById);
    }

    /** {@link #resolve(String)}, the row read by {@code find} (e.g. locking it). */
    private AgencyEntity resolve(String id, java.util.function.Function<String, Optional<AgencyEntity>> find) {
        if (id == null || id.length() > 80 || !currentUser.canAccessAgency(id)) {
            throw new AgencyNotFoundException(id);
        }
        return find.apply(id).orElseThrow(() -> new AgencyNotFoundException(id));
    }

    private String actor() {
        return currentUser.username().orElseThrow(() -> new AccessDeniedException("Not signed in"));
    }

    /** The stored agency as a record of the file format, officers with full names, powers in their stored order. */
    static AgencyRecord record(AgencyEntity a) {
        return new AgencyRecord(a.getId(), a.isSample(), a.getName(),
                AgencyStore.noneWhenBlank(a.getNameEn()), a.getCategory(), a.getRegion(),
                a.getLegalRepresentative(), a.getPowers().stream().map(p -> new Power(p.getName(), p.getKind())).toList(),
                List.copyOf(a.getLegalBasis()), a.getAddress(), AgencyStore.noneWhenBlank(a.getAddressEn()),
                a.getSupervisionPhone(), a.getSupervisionEmail(), AgencyStore.noneWhenBlank(a.getMediationEmail()),
                a.getOfficeHours(), AgencyStore.noneWhenBlank(a.getOfficeHoursEn()), a.getOfficers().stream()
                        .map(o -> new AgencyRecord.OfficerRecord(o.getName(), o.getCertificate(), o.getStatus())).toList(),
                a.getSourceFile(), a.getContentHash());
    }
}
