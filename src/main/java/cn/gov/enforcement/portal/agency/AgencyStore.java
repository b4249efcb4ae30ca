package cn.gov.enforcement.portal.agency;

import cn.gov.enforcement.portal.agency.data.AgencyEntity;
import cn.gov.enforcement.portal.agency.data.AgencyRepository;
import cn.gov.enforcement.portal.agency.data.OfficerValue;
import cn.gov.enforcement.portal.agency.data.PowerValue;
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

    AgencyStore(AgencyRepository repository, ApplicationEventPublisher events, AgencyIndex index, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.index = index;
        this.clock = clock;
    }

    /**
     * The certificate numbers of the agencies that {@link #sync} keeps as they are because their file is present but
     * not among {@code validFiles} (it has problems), each with the agency's id and file. The database holds a
     * certificate number once: a valid file that names one of these cannot be stored until the other file is mended.
     */
    @Transactional(readOnly = true)
    public Map<String, AgencyEntity> keptCertificates(Set<String> validFiles, Set<String> presentFiles) {
        Map<String, AgencyEntity> kept = new java.util.HashMap<>();
        for (AgencyEntity entity : repository.findAll()) {
            if (presentFiles.contains(entity.getSourceFile()) && !validFiles.contains(entity.getSourceFile())) {
                entity.getOfficers().forEach(o -> kept.put(o.getCertificate(), entity));
            }
        }
        return kept;
    }

    /**
     * @param records the valid records
     * @param presentFiles labels of every file in the folder (valid or not); agencies loaded from
     *     a file that is gone are removed, agencies of a broken file are kept as they were
     * @return the number of agencies added, changed or removed
     */
    @Transactional
    public int sync(List<AgencyRecord> records, Set<String> presentFiles) {
        Map<String, AgencyEntity> existing = repository.findAll().stream()
                .collect(Collectors.toMap(AgencyEntity::getId, Function.identity()));
        Set<String> validIds = records.stream().map(AgencyRecord::id).collect(Collectors.toSet());
        Set<String> validFiles = records.stream().map(AgencyRecord::sourceFile).collect(Collectors.toSet());

        List<String> removed = new ArrayList<>();
        for (AgencyEntity entity : existing.values()) {
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
                    record.legalRepresentative(), record.address(), record.supervisionPhone(),
                    record.supervisionEmail(), record.mediationEmail(), record.officeHours(), record.sample(),
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
}
