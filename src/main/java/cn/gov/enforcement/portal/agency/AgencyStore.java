package cn.gov.enforcement.portal.agency;

import cn.gov.enforcement.portal.agency.data.AgencyEntity;
import cn.gov.enforcement.portal.agency.data.AgencyRepository;
import cn.gov.enforcement.portal.agency.data.OfficerValue;
import cn.gov.enforcement.portal.agency.data.PowerValue;
import cn.gov.enforcement.portal.knowledge.ContentProblem;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the valid agency files into the database in one transaction and publishes
 * {@link AgencyDirectoryChanged} (delivered to listeners after commit). Unchanged files (same
 * SHA-256) cause no write; an index out of step with the database still triggers a rebuild.
 */
@Component
class AgencyStore {

    private static final Logger log = LoggerFactory.getLogger(AgencyStore.class);

    private final AgencyRepository repository;
    private final ApplicationEventPublisher events;
    private final AgencyIndex index;
    private final Clock clock;
    private final AgencyVersionStore versions;

    AgencyStore(AgencyRepository repository, ApplicationEventPublisher events, AgencyIndex index, Clock clock,
            AgencyVersionStore versions) {
        this.versions = versions;
        this.repository = repository;
        this.events = events;
        this.index = index;
        this.clock = clock;
    }

    /** The ids of the agencies maintained in the back office (see {@link AgencyBackOffice}). */
    @Transactional(readOnly = true)
    public Set<String> backOfficeAgencies() {
        return versions.ownedIds();
    }

    /**
     * The valid records of agencies that are not maintained in the back office; each record of an agency that is (it
     * has a version in {@code agency_version}) is left out, and listed in {@code conflicts} when its file differs from
     * every back-office version of the agency (a file equal to one of them, an export put back, say, is no conflict).
     * The database owns such an agency: its file is never applied.
     */
    @Transactional(readOnly = true)
    public List<AgencyRecord> withoutBackOfficeAgencies(List<AgencyRecord> records, List<ContentProblem> conflicts) {
        Set<String> owned = versions.ownedIds();
        List<AgencyRecord> applied = new ArrayList<>();
        for (AgencyRecord record : records) {
            if (!owned.contains(record.id())) {
                applied.add(record);
            } else {
                reportIfChanged(record, conflicts);
            }
        }
        return applied;
    }

    /** Lists the record of a back-office agency in {@code conflicts} unless its file equals one of its versions. */
    private void reportIfChanged(AgencyRecord record, List<ContentProblem> conflicts) {
        if (!versions.payloads(record.id()).contains(AgencyYaml.body(record))) {
            ContentProblem conflict = new ContentProblem(record.sourceFile(), 0, "id", "agency.problem.backOfficeOwned",
                    record.id());
            log.warn("Not applied: {}", conflict.describe());
            conflicts.add(conflict);
        }
    }

    /**
     * The certificate numbers of the agencies that {@link #sync} keeps as they are because their file is present but
     * not among {@code validFiles} (it has problems), or because they are maintained in the back office, each with the
     * agency's id and file. The database holds a certificate number once: a valid file that names one of these cannot
     * be stored until the other file is mended (or the back office gives the number up).
     */
    @Transactional(readOnly = true)
    public Map<String, AgencyEntity> keptCertificates(Set<String> validFiles, Set<String> presentFiles) {
        Map<String, AgencyEntity> kept = new java.util.HashMap<>();
        Set<String> owned = versions.ownedIds();
        for (AgencyEntity entity : repository.findAll()) {
            if (owned.contains(entity.getId())
                    || presentFiles.contains(entity.getSourceFile()) && !validFiles.contains(entity.getSourceFile())) {
                entity.getOfficers().forEach(o -> kept.put(o.getCertificate(), entity));
            }
        }
        return kept;
    }

    /**
     * @param records the valid records
     * @param presentFiles labels of every file in the folder (valid or not); agencies loaded from
     *     a file that is gone are removed, agencies of a broken file are kept as they were, and so are the agencies
     *     maintained in the back office (see {@link #withoutBackOfficeAgencies})
     * @param conflicts where a record of an agency that the back office took over since
     *     {@link #withoutBackOfficeAgencies} left it in is listed (unless its file equals one of its versions); such a
     *     record is not applied either
     * @return the number of agencies added, changed or removed
     */
    @Transactional
    public int sync(List<AgencyRecord> records, Set<String> presentFiles, List<ContentProblem> conflicts) {
        // every row is locked first (in id order) and only then is it read which agencies the back office maintains:
        // a first save that took an agency over meanwhile held the agency's row, so it has committed by now and its
        // versions are seen here; a save that comes later waits for this transaction and then finds the agency's
        // content changed, a conflict (AgencyBackOffice#save). A file is never applied over a save.
        Map<String, AgencyEntity> existing = repository.lockAllOrderById().stream()
                .collect(Collectors.toMap(AgencyEntity::getId, Function.identity()));
        Set<String> validIds = records.stream().map(AgencyRecord::id).collect(Collectors.toSet());
        Set<String> validFiles = records.stream().map(AgencyRecord::sourceFile).collect(Collectors.toSet());

        Set<String> owned = versions.ownedIds();
        List<String> removed = new ArrayList<>();
        for (AgencyEntity entity : existing.values()) {
            if (owned.contains(entity.getId())) {
                continue; // the database owns it: neither its file's change nor its file's removal applies
            }
            boolean fileGone = !presentFiles.contains(entity.getSourceFile());
            boolean idGoneFromValidFile = validFiles.contains(entity.getSourceFile()) && !validIds.contains(entity.getId());
            if (fileGone || idGoneFromValidFile) {
                removed.add(entity.getId());
            }
        }
        if (!removed.isEmpty()) {
            repository.deleteAllById(removed);
            repository.flush();
        }

        List<String> changed = new ArrayList<>();
        Set<String> claimedFiles = new HashSet<>();
        for (AgencyRecord record : records) {
            if (owned.contains(record.id())) {
                reportIfChanged(record, conflicts); // taken over by the back office while the files were read
                continue;
            }
            claimedFiles.add(record.sourceFile());
            AgencyEntity entity = existing.get(record.id());
            if (entity != null && !removed.contains(record.id()) && record.contentHash().equals(entity.getContentHash())
                    && record.sourceFile().equals(entity.getSourceFile())) {
                continue;
            }
            if (entity == null || removed.contains(record.id())) {
                entity = new AgencyEntity(record.id());
            }
            entity.replace(record.name(), record.nameEn() == null ? "" : record.nameEn(), record.category(), record.region(),
                    record.legalRepresentative(), record.address(), emptyWhenNone(record.addressEn()),
                    record.supervisionPhone(), record.supervisionEmail(), record.mediationEmail(), record.officeHours(),
                    emptyWhenNone(record.officeHoursEn()), record.sample(),
                    record.powers().stream().map(p -> new PowerValue(p.name(), p.kind())).toList(),
                    record.legalBasis(),
                    record.officers().stream().map(o -> new OfficerValue(o.name(), o.certificate(), o.status())).toList(),
                    record.sourceFile(), record.contentHash(), clock.instant());
            repository.save(entity);
            changed.add(record.id());
        }
        repository.flush();

        if (!changed.isEmpty() || !removed.isEmpty()) {
            log.info("Agency directory: {} added or changed, {} removed", changed.size(), removed.size());
            events.publishEvent(new AgencyDirectoryChanged(List.copyOf(changed), List.copyOf(removed)));
        } else if (index.isOutOfStep(repository.count())) {
            log.info("Agency directory unchanged but the search index is missing or out of step; rebuilding it");
            events.publishEvent(new AgencyDirectoryChanged(List.of(), List.of()));
        }
        return changed.size() + removed.size();
    }

    /** An optional English text as stored: empty when the file gives none (as the English name). */
    static String emptyWhenNone(String text) {
        return text == null ? "" : text;
    }

    /** An optional text as read back from storage ({@link #emptyWhenNone}'s reverse): null when stored blank. */
    static String noneWhenBlank(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
