package cn.gov.enforcement.portal.regulation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every day shortly after midnight in China ({@code portal.regulation.status-cron}, default 00:05, zone
 * {@code portal.regulation.zone}, default Asia/Shanghai; "-" switches it off), decides the statuses of the
 * regulation versions again for that day ({@link ImportService#refreshStatuses}): a version that comes into force
 * today becomes the current one, and searches ("current" by default) find it, without waiting for the next import.
 */
@Component
class RegulationStatusSchedule {

    private static final Logger log = LoggerFactory.getLogger(RegulationStatusSchedule.class);

    private final ImportService imports;

    RegulationStatusSchedule(ImportService imports) {
        this.imports = imports;
    }

    @Scheduled(cron = "${portal.regulation.status-cron:0 5 0 * * *}", zone = "${portal.regulation.zone:Asia/Shanghai}")
    void refresh() {
        try {
            imports.refreshStatuses(imports.today());
        } catch (RuntimeException e) {
            // the next day tries again; the statuses stay as they were
            log.error("Cannot decide the statuses of the regulation versions again", e);
        }
    }
}
