package cn.gov.enforcement.portal.lists;

import cn.gov.enforcement.portal.account.CurrentUser;
import cn.gov.enforcement.portal.agency.AgencyDirectory;
import cn.gov.enforcement.portal.agency.AgencySummary;
import cn.gov.enforcement.portal.lists.ListEntryForms.ExemptionInput;
import cn.gov.enforcement.portal.lists.ListEntryForms.RiskPointInput;
import cn.gov.enforcement.portal.lists.ListVersionStore.Version;
import cn.gov.enforcement.portal.lists.data.ListEntryEntity;
import cn.gov.enforcement.portal.lists.data.ListEntryRepository;
import cn.gov.enforcement.portal.platform.ValidationFailure;
import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The editors' side of the risk-point and exemption lists. EDITORs work on their own agency's entries,
 * ADMINs on every agency's. Every save is a new version (status DRAFT); the workflow is
 * draft → in review (submit) → published (publish) → withdrawn (withdraw), and in review → draft
 * (return). An editor may not publish what they submitted themselves: another editor of the agency or
 * an administrator does. Publishing makes the version public (subject to its effective dates);
 * withdrawing takes it off the public lists. Every save and step is written to the audit log.
 *
 * <p>Scope: an entry of another agency, an unknown id and a malformed id all give the same
 * {@link ListEntryNotFoundException}, so that changing an id in a URL reveals nothing.
 *
 * <p>Ownership: once an entry has a version, the database owns it; a later change of the same entry in a
 * {@code knowledge-base/} file is reported as a conflict at {@code /admin/content} and not applied.
 * {@link #export} writes an agency's published entries in the file format so that edits flow back to
 * the files.
 *
 * <p>Concurrent edits (optimistic): a save names the version its form was opened on, a workflow step the
 * version and status its page showed. When the entry has changed since (or another save stores the same
 * version number at the same moment), nothing is written and a {@link ValidationFailure} with the key
 * {@value #CONFLICT} (steps: {@value #CONFLICT_STEP}) names who changed it last and when, so that the form
 * can keep what was typed. A save and a withdrawal lock the entry's row first, so that a knowledge-base reload at the
 * same moment cannot interleave with them (see {@link ListStore#sync}).
 */
@Service
@RolesAllowed({"EDITOR", "ADMIN"})
public class ListsBackOffice {

    /** The system user recorded for version 1 of an entry that came from a file. */
    public static final String KNOWLEDGE_BASE_USER = "knowledge-base";

    /** Message key of the refusal of a save made on a version that is no longer the newest. */
    public static final String CONFLICT = "lists.admin.error.conflict";
    /** {@link #CONFLICT} when the change was the entry's file reloaded (an entry only in a file); same arguments. */
    public static final String CONFLICT_FILE = "lists.admin.error.conflictFile";

    /**
     * Message key of the refusal of a save or withdrawal that waited longer than the database waits for a row lock (H2:
     * its lock timeout) while a knowledge-base reload wrote the list: nothing was written.
     */
    public static final String BUSY = "lists.admin.error.busy";

    /** Message key of the refusal of a workflow step offered by a page that no longer shows the entry's state. */
    public static final String CONFLICT_STEP = "lists.admin.error.conflictStep";

    /** The field name of the conflict problem (no field of the form: the whole entry). */
    public static final String CONFLICT_FIELD = "version";

    private static final DateTimeFormatter CONFLICT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private static final int AUDIT_LIMIT = 500;

    private final ListEntryRepository repository;
    private final ListVersionStore versions;
    private final ListStore store;
    private final CurrentUser currentUser;
    private final AgencyDirectory agencies;
    private final ListsCatalog catalog;
    private final Clock clock;
    private final TransactionTemplate freshRead;

    ListsBackOffice(ListEntryRepository repository, ListVersionStore versions, ListStore store, CurrentUser currentUser,
            AgencyDirectory agencies, ListsCatalog catalog, Clock clock, PlatformTransactionManager transactionManager) {
        this.repository = repository;
        this.versions = versions;
        this.store = store;
        this.currentUser = currentUser;
        this.agencies = agencies;
        this.catalog = catalog;
        this.clock = clock;
        this.freshRead = new TransactionTemplate(transactionManager);
        this.freshRead.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.freshRead.setReadOnly(true);
    }

    /**
     * One line of the editors' list. {@code title} and the effective dates are the newest version's;
     * {@code publicVersion} the version on the public list (null when none is). {@code ownSubmission}: the version is
     * in review and the caller, an editor, submitted it, so {@link #publish} refuses them (someone else publishes it).
     */
    public record EntrySummary(String id, ListKind kind, String agency, String title, EntryStatus status,
            int version, boolean fromFile, PublicVersion publicVersion, LocalDate effectiveFrom, LocalDate effectiveTo,
            boolean ownSubmission) {

        /** True when the public sees a version now: one is on the public list and in force today. */
        public boolean publicNow() {
            return publicVersion != null && publicVersion.inForce();
        }
    }

    /**
     * The version of an entry on the public list: its title and effective dates, and whether it is in force today
     * (the public sees it only then; before its start date and after its end date the public pages and the API do
     * not show it).
     */
    public record PublicVersion(String title, LocalDate effectiveFrom, LocalDate effectiveTo, boolean inForce) {

        /** True when it is not shown yet: it starts after today. */
        public boolean upcoming(LocalDate today) {
            return !inForce && effectiveFrom != null && effectiveFrom.isAfter(today);
        }
    }

    /**
     * The working copy of an entry (its newest version, or the file content when it has none yet). {@code publicNow}:
     * a version is on the public list and in force today. {@code contentHash}: the public list's content as the form
     * opened it (null when the entry is on no public list), which tells a file reloaded while the form was open for
     * an entry that has no version yet (version 0 before and after).
     */
    public record EntryView(String id, ListKind kind, String agency, EntryStatus status, int version,
            boolean publicNow, Object entry, String contentHash) {

        public Optional<RiskPoint> riskPoint() {
            return entry instanceof RiskPoint r ? Optional.of(r) : Optional.empty();
        }

        public Optional<ExemptionItem> exemption() {
            return entry instanceof ExemptionItem e ? Optional.of(e) : Optional.empty();
        }
    }

    public record VersionSummary(int version, EntryStatus status, boolean fromFile, String createdBy,
            Instant createdAt) {}

    /** One field that differs between two versions; {@code field} is the record component name. */
    public record FieldChange(String field, String before, String after) {}

    public record AuditRecord(Instant at, String actor, String agency, String entryId, String action,
            Integer version, String detail) {}

    /** The agencies the caller may work on: their own, or every agency for an administrator. */
    @Transactional(readOnly = true)
    public List<String> agencies() {
        if (currentUser.isAdmin()) {
            return agencies.all().stream().map(AgencySummary::id).sorted().toList();
        }
        return currentUser.agencyId().map(List::of).orElse(List.of());
    }

    /**
     * Every risk point and exemption item of an agency, in any status, sorted by id. Read without the stored
     * payloads: the public rows of the agency (index on list and agency) and the newest version of each entry the
     * back office maintains, with its title and dates (a version stored before V20 is read from its payload).
     */
    @Transactional(readOnly = true)
    public List<EntrySummary> entries(String agency) {
        requireAgency(agency);
        Map<String, EntrySummary> result = new LinkedHashMap<>();
        for (ListKind kind : List.of(ListKind.RISK_POINTS, ListKind.EXEMPTIONS)) {
            for (ListEntryRepository.Line e : repository.findLines(kind.folder(), agency)) {
                result.put(e.getId(), new EntrySummary(e.getId(), kind, agency, e.getTitle(),
                        EntryStatus.PUBLISHED, 0, !ListStore.BACK_OFFICE_SOURCE.equals(e.getSourceFile()),
                        publicVersion(e.getTitle(), e.getEffectiveFrom(), e.getEffectiveTo()),
                        e.getEffectiveFrom(), e.getEffectiveTo(), false));
            }
        }
        for (ListVersionStore.Line v : versions.latestOfAgency(agency)) {
            ListKind kind = kindOf(v.listKind());
            String title = v.title();
            LocalDate from = v.effectiveFrom();
            LocalDate to = v.effectiveTo();
            if (v.payload() != null) {
                ListEntry entry = read(kind, v.payload());
                title = titleOf(entry);
                from = entry.effectiveFrom();
                to = entry.effectiveTo();
            }
            EntrySummary before = result.get(v.entryId());
            result.put(v.entryId(), new EntrySummary(v.entryId(), kind, v.agency(), title, v.status(),
                    v.versionNo(), before != null && before.fromFile(), before == null ? null : before.publicVersion(),
                    from, to,
                    v.status() == EntryStatus.IN_REVIEW && mayNotPublish(v.submittedBy())));
        }
        return result.values().stream().sorted(Comparator.comparing(EntrySummary::id)).toList();
    }

    /** The working copy of one entry of the caller's agencies. */
    @Transactional(readOnly = true)
    public EntryView entry(String id) {
        Resolved r = resolve(id);
        return new EntryView(r.id, r.kind, r.agency, r.status(), r.latest.map(Version::versionNo).orElse(0),
                r.row.filter(e -> ListsCatalog.inForce(e.getEffectiveFrom(), e.getEffectiveTo(), LocalDate.now(clock)))
                        .isPresent(), r.entry(), r.row.map(ListEntryEntity::getContentHash).orElse(null));
    }

    private PublicVersion publicVersion(String title, LocalDate from, LocalDate to) {
        return new PublicVersion(title, from, to, ListsCatalog.inForce(from, to, LocalDate.now(clock)));
    }

    /**
     * Saves a risk point as a new DRAFT version.
     *
     * @param existingId the entry being edited, or null for a new one
     * @param baseVersion the version the form was opened on ({@link EntryView#version()}; 0 for an entry
     *     that has no version yet, ignored for a new one)
     * @param baseContentHash the content the form was opened on ({@link EntryView#contentHash()}); compared only for
     *     an entry with no version yet (version 0), whose file a reload may have changed while the form was open
     * @param citationsConfirmed the editor was told which citations do not resolve and saves them as they are: no
     *     {@link CitationWarning}
     * @return the new version number
     * @throws ValidationFailure for any invalid field, and ({@value #CONFLICT}) when the entry has a newer
     *     version than {@code baseVersion} or (version 0) its file changed; nothing is stored
     * @throws CitationWarning (unless {@code citationsConfirmed}) when a citation does not resolve to an article of
     *     the current version of an imported document; nothing is stored
     */
    @Transactional
    public int saveRiskPoint(String existingId, int baseVersion, String baseContentHash, RiskPointInput input,
            boolean citationsConfirmed) {
        RiskPoint entry = withIdPrefix(existingId, input.id(), input.agency(), () -> ListEntryForms.riskPoint(input));
        return save(existingId, baseVersion, baseContentHash, ListKind.RISK_POINTS, sampleWhereDue(entry),
                citationsConfirmed);
    }

    /**
     * Reads a form; when it has problems, a new entry's id outside the agency's prefix is one of them: said with the
     * other fields' problems instead of after all of them were put right (the check in {@link #save} stays for a form
     * without other problems).
     */
    private <T> T withIdPrefix(String existingId, String id, String agency, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (ValidationFailure failure) {
            if (existingId != null || id == null || id.isBlank() || agency == null || !currentUser.canAccessAgency(agency)
                    || failure.problems().stream().anyMatch(p -> "id".equals(p.field()))) {
                throw failure;
            }
            ValidationFailure.FieldProblem outside = outsidePrefix(id.strip(), agency);
            if (outside == null) {
                throw failure;
            }
            List<ValidationFailure.FieldProblem> problems = new ArrayList<>();
            problems.add(outside);
            problems.addAll(failure.problems());
            throw new ValidationFailure(problems);
        }
    }

    /** {@link #saveRiskPoint(String, int, String, RiskPointInput, boolean)} with the citations confirmed. */
    @Transactional
    public int saveRiskPoint(String existingId, int baseVersion, String baseContentHash, RiskPointInput input) {
        return saveRiskPoint(existingId, baseVersion, baseContentHash, input, true);
    }

    /** Saves an exemption item as a new DRAFT version; see {@link #saveRiskPoint}. */
    @Transactional
    public int saveExemption(String existingId, int baseVersion, String baseContentHash, ExemptionInput input,
            boolean citationsConfirmed) {
        ExemptionItem entry = withIdPrefix(existingId, input.id(), input.agency(), () -> ListEntryForms.exemption(input));
        return save(existingId, baseVersion, baseContentHash, ListKind.EXEMPTIONS, sampleWhereDue(entry),
                citationsConfirmed);
    }

    /** {@link #saveExemption(String, int, String, ExemptionInput, boolean)} with the citations confirmed. */
    @Transactional
    public int saveExemption(String existingId, int baseVersion, String baseContentHash, ExemptionInput input) {
        return saveExemption(existingId, baseVersion, baseContentHash, input, true);
    }

    /**
     * Holds a save or a submission back with a {@link CitationWarning} naming, field by field, the citations that do
     * not resolve to an article of the current version of an imported document, unless the editor confirmed them.
     * The regulation store is read in a transaction of its own (a failed read does not spoil the save's); when it
     * cannot be read, nothing is checked and the save goes on.
     */
    private void checkCitations(ListEntry entry, boolean confirmed) {
        if (confirmed) {
            return;
        }
        Map<String, List<Citation>> fields = CitationWarning.citationsByField(entry);
        List<Citation> all = fields.values().stream().flatMap(List::stream).toList();
        Optional<List<ListsCatalog.UnresolvedCitation>> unresolved = freshRead.execute(
                status -> catalog.unresolvedCitations(all));
        if (unresolved == null || unresolved.isEmpty() || unresolved.get().isEmpty()) {
            return;
        }
        Map<String, List<ListsCatalog.UnresolvedCitation>> byField = new LinkedHashMap<>();
        fields.forEach((field, cited) -> byField.put(field,
                unresolved.get().stream().filter(u -> cited.contains(u.citation())).toList()));
        CitationWarning warning = CitationWarning.of(byField);
        if (warning != null) {
            throw warning;
        }
    }

    /**
     * An entry of a sample agency is sample content, whatever the form said: the public pages badge it 示例, the API
     * and the CSV say so and the sitemap leaves it out. (A version saved before this rule is marked when published.)
     */
    private ListEntry sampleWhereDue(ListEntry entry) {
        return !entry.sample() && catalog.sampleAgency(entry.agency()) ? ListEntryForms.asSample(entry) : entry;
    }

    private int save(String existingId, int baseVersion, String baseContentHash, ListKind kind, ListEntry entry,
            boolean citationsConfirmed) {
        String actor = actor();
        Resolved r = null;
        if (existingId == null) {
            checkAgencyOfNew(entry.agency());
            ValidationFailure.FieldProblem outside = outsidePrefix(entry.id(), entry.agency());
            if (outside != null) {
                // the agency's own ids only: whether another agency's entry has an id is none of the caller's business
                throw new ValidationFailure(List.of(outside));
            }
            if (repository.existsById(entry.id()) || versions.exists(entry.id())) {
                throw ValidationFailure.of("id", "lists.admin.error.idTaken");
            }
        } else {
            // the row is locked before the version is read: a knowledge-base reload writing the entry now either
            // committed first (version 1 below is what it wrote) or waits for this save and then finds the entry
            // maintained in the back office (ListStore#sync), so a file never lands over an entry taken over here
            r = locked(existingId);
            if (!r.id.equals(entry.id())) {
                throw ValidationFailure.of("id", "lists.admin.error.idChanged");
            }
            if (r.kind != kind) {
                throw new ListEntryNotFoundException(existingId);
            }
            if (!r.agency.equals(entry.agency())) {
                throw ValidationFailure.of("agency", "lists.admin.error.agencyChanged");
            }
            if (r.latest.map(Version::versionNo).orElse(0) != baseVersion) {
                throw conflict(r.id, CONFLICT);
            }
            // the version alone does not tell a file reloaded while the form was open (version 0 before and after):
            // the row's content hash does, so such a save would not silently put back what the file changed
            if (r.latest.isEmpty() && !java.util.Objects.equals(
                    r.row.map(ListEntryEntity::getContentHash).orElse(null), baseContentHash)) {
                throw conflict(r.id, CONFLICT);
            }
        }
        // after the refusals (a stale form is refused before its citations are questioned), before anything is written
        checkCitations(entry, citationsConfirmed);
        int no;
        try {
            int base = r == null ? 0 : takeOverFromFile(r);
            no = versions.insert(entry.id(), base + 1, kind.folder(), entry.agency(), EntryStatus.DRAFT,
                    ListVersionStore.ORIGIN_EDIT, ListJson.write(entry), titleOf(entry), entry.effectiveFrom(),
                    entry.effectiveTo(), actor, clock.instant());
        } catch (ListVersionStore.VersionCollision collision) {
            // another save of the same entry committed first; this transaction is rolled back
            if (existingId == null) {
                throw ValidationFailure.of("id", "lists.admin.error.idTaken");
            }
            throw freshRead.execute(status -> conflict(entry.id(), CONFLICT));
        }
        versions.audit(clock.instant(), actor, entry.agency(), entry.id(), existingId == null ? "CREATE" : "SAVE", no,
                titleOf(entry));
        return no;
    }

    /**
     * The prefix every new entry id of an agency starts with, so that the ids of two agencies never collide and a
     * refused id says nothing about another agency's entries: the first part that all of the agency's ids share
     * ({@code mr-} for 示例市市场监督管理局, the convention of {@code knowledge-base/LISTS-FORMAT.md}) when no other
     * agency's id starts with it; else (an agency without entries yet) the agency's id and a dash.
     */
    @Transactional(readOnly = true)
    public String idPrefix(String agency) {
        requireAgency(agency);
        return prefixOf(agency);
    }

    /** The problem of a new entry's id outside its agency's prefix ({@link #idPrefix}); null when inside. */
    private ValidationFailure.FieldProblem outsidePrefix(String id, String agency) {
        String prefix = prefixOf(agency);
        return id.startsWith(prefix) ? null
                : new ValidationFailure.FieldProblem("id", "lists.admin.error.idPrefix", prefix);
    }

    private String prefixOf(String agency) {
        java.util.Set<String> shared = repository.findIdsByAgency(agency).stream()
                .map(id -> id.substring(0, id.indexOf('-') + 1)).collect(java.util.stream.Collectors.toSet());
        if (shared.size() == 1) {
            String prefix = shared.iterator().next();
            if (!prefix.isEmpty() && !repository.existsByIdStartingWithAndAgencyNot(prefix, agency)) {
                return prefix;
            }
        }
        return agency + "-";
    }

    private void checkAgencyOfNew(String agency) {
        if (!currentUser.canAccessAgency(agency)) {
            throw ValidationFailure.of("agency", "lists.admin.error.agency");
        }
        if (agencies.find(agency).isEmpty()) {
            throw ValidationFailure.of("agency", "lists.admin.error.agencyUnknown");
        }
    }

    /**
     * Version 1 of an entry that so far came from a file is a copy of the file content.
     *
     * @return the entry's newest version number afterwards (the one a new version follows)
     */
    private int takeOverFromFile(Resolved r) {
        if (r.latest.isEmpty() && r.row.isPresent()) {
            ListEntryEntity e = r.row.get();
            ListEntry entry = read(r.kind, e.getPayload());
            return versions.insert(r.id, 1, r.kind.folder(), r.agency, EntryStatus.PUBLISHED,
                    ListVersionStore.ORIGIN_FILE, e.getPayload(), titleOf(entry), entry.effectiveFrom(),
                    entry.effectiveTo(), KNOWLEDGE_BASE_USER, clock.instant());
        }
        return r.latest.map(Version::versionNo).orElse(0);
    }

    /*
     * The workflow steps take the version and status the caller's page showed (EntrySummary.version() and
     * status()): when the entry no longer has that version and status, or another transaction changes the
     * status first, the step is refused with CONFLICT_STEP; a step the shown status does not allow gets
     * "lists.admin.error.transition".
     */

    /**
     * DRAFT → IN_REVIEW. Unless {@code citationsConfirmed}, a draft with a citation that does not resolve to an article
     * of the current version of an imported document is not submitted: a {@link CitationWarning} names it (the
     * regulation library may have changed since the draft was saved).
     */
    @Transactional
    public void submit(String id, int seenVersion, EntryStatus seenStatus, boolean citationsConfirmed) {
        Version v = step(id, seenVersion, seenStatus, EntryStatus.DRAFT);
        checkCitations(read(kindOf(v.listKind()), v.payload()), citationsConfirmed);
        setStatus(v, EntryStatus.DRAFT, EntryStatus.IN_REVIEW, actor());
        audit(v, "SUBMIT");
    }

    /** {@link #submit(String, int, EntryStatus, boolean)} with the citations confirmed. */
    @Transactional
    public void submit(String id, int seenVersion, EntryStatus seenStatus) {
        submit(id, seenVersion, seenStatus, true);
    }

    /** IN_REVIEW → DRAFT (the reviewer sends it back, or the author takes it back). */
    @Transactional
    public void returnToDraft(String id, int seenVersion, EntryStatus seenStatus) {
        Version v = step(id, seenVersion, seenStatus, EntryStatus.IN_REVIEW);
        setStatus(v, EntryStatus.IN_REVIEW, EntryStatus.DRAFT, null);
        audit(v, "RETURN");
    }

    /** IN_REVIEW → PUBLISHED, by an administrator or an editor other than the one who submitted it. */
    @Transactional
    public void publish(String id, int seenVersion, EntryStatus seenStatus) {
        Version v = step(id, seenVersion, seenStatus, EntryStatus.IN_REVIEW);
        if (mayNotPublish(v.submittedBy())) {
            throw ValidationFailure.of("status", "lists.admin.error.fourEyes");
        }
        ListKind kind = kindOf(v.listKind());
        ListEntry entry = sampleWhereDue(read(kind, v.payload()));
        // the public list holds one version per entry: a revision that starts later would take the version in
        // force off the public site until then
        if (entry.effectiveFrom() != null && entry.effectiveFrom().isAfter(LocalDate.now(clock))
                && repository.findById(id).filter(e -> ListsCatalog.inForce(e.getEffectiveFrom(), e.getEffectiveTo(),
                        LocalDate.now(clock))).isPresent()) {
            throw ValidationFailure.of("effectiveFrom", "lists.admin.error.futureRevision", entry.effectiveFrom().toString());
        }
        setStatus(v, EntryStatus.IN_REVIEW, EntryStatus.PUBLISHED, v.submittedBy());
        store.putPublished(kind, entry);
        audit(v, "PUBLISH");
    }

    /** PUBLISHED → WITHDRAWN: the entry leaves the public lists (version 0: an entry only in a file). */
    @Transactional
    public void withdraw(String id, int seenVersion, EntryStatus seenStatus) {
        Resolved r = locked(id); // as in a save: a reload does not bring the entry back
        if ((seenStatus == EntryStatus.DRAFT || seenStatus == EntryStatus.IN_REVIEW) && r.row().isPresent()) {
            withdrawUnderRevision(r, seenVersion, seenStatus);
            return;
        }
        checkSeen(r, seenVersion, seenStatus, EntryStatus.PUBLISHED);
        try {
            takeOverFromFile(r);
        } catch (ListVersionStore.VersionCollision collision) {
            throw freshRead.execute(status -> conflict(r.id, CONFLICT_STEP));
        }
        Version v = step(id, r.latest.isEmpty() ? 1 : seenVersion, seenStatus, EntryStatus.PUBLISHED);
        setStatus(v, EntryStatus.PUBLISHED, EntryStatus.WITHDRAWN, v.submittedBy());
        store.removePublished(r.kind, r.id);
        audit(v, "WITHDRAW");
    }

    /**
     * An entry being revised (a newer draft or a version in review) while an older version is public: the public
     * version leaves the lists and is marked withdrawn; the newer version stays as it is, to be published later.
     */
    private void withdrawUnderRevision(Resolved r, int seenVersion, EntryStatus seenStatus) {
        checkSeen(r, seenVersion, seenStatus, seenStatus);
        Version published = versions.versions(r.id()).stream().filter(v -> v.status() == EntryStatus.PUBLISHED)
                .reduce((a, b) -> b).orElse(null);
        if (published != null) {
            setStatus(published, EntryStatus.PUBLISHED, EntryStatus.WITHDRAWN, published.submittedBy());
        }
        store.removePublished(r.kind(), r.id());
        audit(published != null ? published : r.latest().orElseThrow(), "WITHDRAW");
    }

    private Version step(String id, int seenVersion, EntryStatus seenStatus, EntryStatus from) {
        Resolved r = resolve(id);
        checkSeen(r, seenVersion, seenStatus, from);
        return r.latest.orElseThrow(() -> ValidationFailure.of("status", "lists.admin.error.transition"));
    }

    private void checkSeen(Resolved r, int seenVersion, EntryStatus seenStatus, EntryStatus from) {
        if (r.latest.map(Version::versionNo).orElse(0) != seenVersion || r.status() != seenStatus) {
            throw conflict(r.id, CONFLICT_STEP);
        }
        if (seenStatus != from) {
            throw ValidationFailure.of("status", "lists.admin.error.transition");
        }
    }

    /** A status change that another transaction made first is a conflict too. */
    private void setStatus(Version v, EntryStatus from, EntryStatus to, String submittedBy) {
        if (!versions.setStatus(v.id(), from, to, submittedBy)) {
            throw conflict(v.entryId(), CONFLICT_STEP);
        }
    }

    /** The refusal of a change made on an outdated view of the entry, naming who changed it last and when. */
    private ValidationFailure conflict(String entryId, String messageKey) {
        String who;
        Instant when;
        Optional<ListVersionStore.Audit> last = versions.lastAudit(entryId);
        if (last.isPresent()) {
            who = last.get().actor();
            when = last.get().at();
        } else {
            Version latest = versions.latest(entryId).orElse(null);
            who = latest == null ? KNOWLEDGE_BASE_USER : latest.createdBy();
            // an entry only in a file: when the reload wrote it
            when = latest != null ? latest.createdAt() : repository.findById(entryId)
                    .map(ListEntryEntity::getUpdatedAt).filter(java.util.Objects::nonNull).orElseGet(clock::instant);
            if (latest == null && CONFLICT.equals(messageKey)) {
                messageKey = CONFLICT_FILE; // said as the file reloaded, not as a colleague called "knowledge-base"
            }
        }
        return ValidationFailure.of(CONFLICT_FIELD, messageKey, who, CONFLICT_TIME.format(when));
    }

    private void audit(Version v, String action) {
        versions.audit(clock.instant(), actor(), v.agency(), v.entryId(), action, v.versionNo(), null);
    }

    /**
     * One version of an entry as the public page would show it, for the staff preview. {@code version} 0: an entry
     * that so far only came from a file. {@code shownNow}: this is the version on the public list and it is in force
     * today, so the public sees it now.
     */
    public record Preview(String id, ListKind kind, String agency, int version, EntryStatus status, boolean shownNow,
            ListEntry entry) {}

    /**
     * A version of an entry of the caller's agencies (null: the newest, or the file content when it has no version),
     * marked as sample content where publishing would mark it. An unknown version is "not found" like an unknown id.
     */
    @Transactional(readOnly = true)
    public Preview preview(String id, Integer versionNo) {
        Resolved r = resolve(id);
        boolean inForce = r.row.filter(e -> ListsCatalog.inForce(e.getEffectiveFrom(), e.getEffectiveTo(),
                LocalDate.now(clock))).isPresent();
        if (r.latest.isEmpty()) {
            if (versionNo != null && versionNo != 0) {
                throw new ListEntryNotFoundException(id);
            }
            return new Preview(r.id, r.kind, r.agency, 0, EntryStatus.PUBLISHED, inForce,
                    read(r.kind, r.row.orElseThrow().getPayload()));
        }
        List<Version> all = versions.versions(r.id);
        int wanted = versionNo == null ? r.latest.get().versionNo() : versionNo;
        Version v = all.stream().filter(x -> x.versionNo() == wanted).findFirst()
                .orElseThrow(() -> new ListEntryNotFoundException(id));
        // the public list holds the version published last, unless it was withdrawn since
        Optional<Version> onPublicList = all.stream()
                .filter(x -> x.status() == EntryStatus.PUBLISHED || x.status() == EntryStatus.WITHDRAWN)
                .reduce((a, b) -> b).filter(x -> x.status() == EntryStatus.PUBLISHED);
        boolean shownNow = inForce && onPublicList.map(Version::versionNo).filter(n -> n == wanted).isPresent();
        return new Preview(r.id, r.kind, r.agency, v.versionNo(), v.status(), shownNow,
                sampleWhereDue(read(r.kind, v.payload())));
    }

    /** Every version of an entry, oldest first. */
    @Transactional(readOnly = true)
    public List<VersionSummary> versions(String id) {
        Resolved r = resolve(id);
        return versions.versions(r.id).stream().map(v -> new VersionSummary(v.versionNo(), v.status(),
                ListVersionStore.ORIGIN_FILE.equals(v.origin()), v.createdBy(), v.createdAt())).toList();
    }

    /**
     * The fields that differ between two versions of an entry, in the order of the form; conditions one per line with
     * the types and parameters named in {@code spelling} (the page's language, as the form names them).
     */
    @Transactional(readOnly = true)
    public List<FieldChange> diff(String id, int from, int to, ListEntryForms.Spelling spelling) {
        Resolved r = resolve(id);
        List<Version> all = versions.versions(r.id);
        Version a = all.stream().filter(v -> v.versionNo() == from).findFirst()
                .orElseThrow(() -> ValidationFailure.of("from", "lists.admin.error.version"));
        Version b = all.stream().filter(v -> v.versionNo() == to).findFirst()
                .orElseThrow(() -> ValidationFailure.of("to", "lists.admin.error.version"));
        return diff(read(r.kind, a.payload()), read(r.kind, b.payload()), spelling);
    }

    static List<FieldChange> diff(Object before, Object after, ListEntryForms.Spelling spelling) {
        List<FieldChange> changes = new ArrayList<>();
        for (RecordComponent c : before.getClass().getRecordComponents()) {
            String x = text(value(c, before), spelling);
            String y = text(value(c, after), spelling);
            if (!Objects.equals(x, y)) {
                changes.add(new FieldChange(c.getName(), x, y));
            }
        }
        return changes;
    }

    private static Object value(RecordComponent c, Object record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static String text(Object value, ListEntryForms.Spelling spelling) {
        if (value == null) {
            return "";
        }
        if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Citation) {
            return ListEntryForms.citationLines((List<Citation>) list);
        }
        if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Condition) {
            return ListEntryForms.conditionLines((List<Condition>) list, spelling);
        }
        if (value instanceof List<?> list) {
            return String.join("\n", list.stream().map(String::valueOf).toList());
        }
        return value.toString();
    }

    /** The audit log, newest first: of one agency, or (administrators, with null) of every agency. */
    @Transactional(readOnly = true)
    public List<AuditRecord> audit(String agency) {
        if (agency == null && !currentUser.isAdmin()) {
            agency = currentUser.agencyId().orElseThrow(() -> new ListEntryNotFoundException(null));
        }
        if (agency != null) {
            requireAgency(agency);
        }
        return versions.auditLog(agency, AUDIT_LIMIT).stream().map(a -> new AuditRecord(a.at(), a.actor(), a.agency(),
                a.entryId(), a.action(), a.versionNo(), a.detail())).toList();
    }

    /**
     * The entries whose citations do not resolve to an article of the current version of an imported document, and why
     * (see {@link CitationReport}): every risk point and exemption item of the agency that is not withdrawn (its newest
     * version, and the version on the public list when a newer one is a draft or in review) and its discretion
     * benchmarks; {@code agency} null (administrators only) checks every agency. Read from the database, {@value
     * CitationReport#BATCH} entries at a time, their citations resolved together in a transaction of their own. Empty
     * when the regulation library cannot be read.
     *
     * @throws ListEntryNotFoundException for an agency the caller may not work on, and for null unless an administrator
     */
    @Transactional(readOnly = true)
    public Optional<CitationReport> citationReport(String agency) {
        if (agency == null ? !currentUser.isAdmin() : !currentUser.canAccessAgency(agency)) {
            throw new ListEntryNotFoundException(agency);
        }
        java.util.SortedSet<String> ids = new java.util.TreeSet<>(agency == null ? repository.findAllIds()
                : repository.findIdsByAgency(agency));
        ids.addAll(versions.entryIds(agency));
        List<String> all = List.copyOf(ids);
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CitationReport.BATCH) {
            chunks.add(all.subList(i, Math.min(all.size(), i + CitationReport.BATCH)));
        }
        Iterable<List<CitationReport.Subject>> batches = () -> chunks.stream().map(this::reportSubjects).iterator();
        return CitationReport.check(batches, cited -> {
            Optional<List<ListsCatalog.UnresolvedCitation>> resolved = freshRead.execute(
                    status -> catalog.unresolvedCitations(cited));
            return resolved == null ? Optional.empty() : resolved;
        });
    }

    /** The entries with these ids the caller may work on, as the citation report checks them; one query each for rows and versions. */
    private List<CitationReport.Subject> reportSubjects(List<String> ids) {
        Map<String, ListEntryEntity> rows = new java.util.HashMap<>();
        repository.findAllById(ids).forEach(e -> rows.put(e.getId(), e));
        Map<String, Version> latest = new java.util.HashMap<>();
        versions.latestOf(ids).forEach(v -> latest.put(v.entryId(), v));
        List<CitationReport.Subject> subjects = new ArrayList<>();
        for (String id : ids) {
            ListEntryEntity row = rows.get(id);
            Version v = latest.get(id);
            try {
                CitationReport.Subject s;
                if (v != null && v.status() == EntryStatus.WITHDRAWN) {
                    // off the public lists and out of the workflow: nobody reads its citations until it is edited again
                    continue;
                } else if (v != null) {
                    ListKind kind = kindOf(v.listKind());
                    ListEntry working = read(kind, v.payload());
                    // a draft or a version in review over a published one: the public still sees the published one
                    ListEntry published = row != null && v.status() != EntryStatus.PUBLISHED
                            && !row.getPayload().equals(v.payload()) ? read(kind, row.getPayload()) : null;
                    s = new CitationReport.Subject(id, kind, v.agency(), titleOf(working), v.status(), v.versionNo(),
                            null, working, published);
                } else if (row != null) {
                    ListKind kind = ListKind.ofFolder(row.getListKind()).orElseThrow();
                    ListEntry entry = kind == ListKind.DISCRETION ? ListJson.read(row.getPayload(), DiscretionBenchmark.class)
                            : read(kind, row.getPayload());
                    String title = entry instanceof DiscretionBenchmark d ? d.violation() : titleOf(entry);
                    s = new CitationReport.Subject(id, kind, row.getAgency(), title, EntryStatus.PUBLISHED, 0,
                            row.getSourceFile(), entry, null);
                } else {
                    continue;
                }
                if (currentUser.canAccessAgency(s.agency())) {
                    subjects.add(s);
                }
            } catch (RuntimeException e) {
                // a payload that no longer reads is left out of the public lists too (PublishedLists); the others go on
                org.slf4j.LoggerFactory.getLogger(ListsBackOffice.class)
                        .warn("Citation report: cannot read entry {}: {}", id, e.toString());
            }
        }
        return subjects;
    }

    /**
     * The agency's published entries of one list in the exact {@code knowledge-base/} format, to replace
     * {@code knowledge-base/<list>/<agency>.yaml}.
     */
    @Transactional(readOnly = true)
    public String export(String agency, ListKind kind) {
        requireAgency(agency);
        if (kind == ListKind.DISCRETION) {
            throw new IllegalArgumentException("Discretion benchmarks are edited in files only");
        }
        List<ListEntry> entries = repository.findByListKindAndAgencyOrderByIdAsc(kind.folder(), agency).stream()
                .map(e -> read(kind, e.getPayload())).toList();
        return ListsYaml.file(kind, agency, entries, LocalDate.now(clock));
    }

    private void requireAgency(String agency) {
        if (agency == null || !currentUser.canAccessAgency(agency)) {
            throw new ListEntryNotFoundException(agency);
        }
    }

    /** Four eyes: an editor does not publish the version she submitted herself; an administrator may. */
    private boolean mayNotPublish(String submittedBy) {
        return !currentUser.isAdmin() && actor().equals(submittedBy);
    }

    private String actor() {
        return currentUser.username().orElseThrow(() -> new org.springframework.security.access.AccessDeniedException(
                "Not signed in"));
    }

    private static ListKind kindOf(String folder) {
        return ListKind.editable(folder).orElseThrow();
    }

    static ListEntry read(ListKind kind, String payload) {
        return kind == ListKind.RISK_POINTS ? ListJson.read(payload, RiskPoint.class)
                : ListJson.read(payload, ExemptionItem.class);
    }

    static String titleOf(Object entry) {
        return entry instanceof RiskPoint r ? r.title() : ((ExemptionItem) entry).violation();
    }

    private record Resolved(String id, ListKind kind, String agency, Optional<Version> latest,
            Optional<ListEntryEntity> row) {

        EntryStatus status() {
            return latest.map(Version::status).orElse(EntryStatus.PUBLISHED);
        }

        Object entry() {
            String payload = latest.map(Version::payload).orElseGet(() -> row.orElseThrow().getPayload());
            return read(kind, payload);
        }
    }

    /** {@link #resolve(String)} with the entry's row locked; a lock the database gave up waiting for is {@link #BUSY}. */
    private Resolved locked(String id) {
        try {
            return resolve(id, repository::lockById);
        } catch (org.springframework.dao.PessimisticLockingFailureException e) {
            throw ValidationFailure.of(CONFLICT_FIELD, BUSY);
        }
    }

    /** Finds an entry the caller may work on; anything else is "not found". */
    private Resolved resolve(String id) {
        return resolve(id, repository::findById);
    }

    /** {@link #resolve(String)}, the entry's row read by {@code find} (e.g. locking it) before its versions. */
    private Resolved resolve(String id, java.util.function.Function<String, Optional<ListEntryEntity>> find) {
        if (id == null || id.length() > 80 || !ListEntryForms.SLUG.matcher(id).matches()) {
            throw new ListEntryNotFoundException(id);
        }
        Optional<ListEntryEntity> row = find.apply(id)
                .filter(e -> !ListKind.DISCRETION.folder().equals(e.getListKind()));
        Optional<Version> latest = versions.latest(id);
        if (latest.isEmpty() && row.isEmpty()) {
            throw new ListEntryNotFoundException(id);
        }
        String agency = latest.map(Version::agency).orElseGet(() -> row.get().getAgency());
        ListKind kind = kindOf(latest.map(Version::listKind).orElseGet(() -> row.get().getListKind()));
        if (!currentUser.canAccessAgency(agency)) {
            throw new ListEntryNotFoundException(id);
        }
        return new Resolved(id, kind, agency, latest, row);
    }
}
