package cn.gov.enforcement.portal.mediation;

import cn.gov.enforcement.portal.mediation.internal.DraftRepository;
import cn.gov.enforcement.portal.mediation.internal.Evidence;
import cn.gov.enforcement.portal.mediation.internal.EvidenceFiles;
import cn.gov.enforcement.portal.mediation.internal.EvidenceRepository;
import cn.gov.enforcement.portal.mediation.internal.LetterRepository;
import cn.gov.enforcement.portal.mediation.internal.MediationCaseRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes what is no longer needed, once a day ({@code portal.mediation.purge-cron}, default 03:30):
 * finished cases (closed, withdrawn, not accepted, declined) whose final step lies more than
 * {@code portal.mediation.retention-days} back, and cases left unclosed at their outcome (agreement reached, mediation
 * failed) whose outcome lies that far back, with their history, messages and evidence files;
 * expired drafts and letters; evidence uploaded for applications that were never submitted, {@code draft-days} after
 * the upload unless the application's draft is still valid (every save renews the draft, and its evidence with it).
 * The audit log keeps only case numbers and stays.
 */
@Component
public class MediationRetention {

    private static final Logger LOG = LoggerFactory.getLogger(MediationRetention.class);

    private final MediationCaseRepository cases;
    private final EvidenceRepository evidence;
    private final EvidenceFiles files;
    private final DraftRepository drafts;
    private final LetterRepository letters;
    private final MediationService service;
    private final MediationSettings settings;
    private final Clock clock;
    private final TransactionTemplate tx;

    MediationRetention(MediationCaseRepository cases, EvidenceRepository evidence, EvidenceFiles files,
            DraftRepository drafts, LetterRepository letters, MediationService service, MediationSettings settings,
            Clock clock, PlatformTransactionManager transactionManager) {
        this.cases = cases;
        this.evidence = evidence;
        this.files = files;
        this.drafts = drafts;
        this.letters = letters;
        this.service = service;
        this.settings = settings;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactionManager);
    }

    /** What one purge deleted. */
    public record Purged(int cases, int files, int drafts, int letters) {}

    @Scheduled(cron = "${portal.mediation.purge-cron:0 30 3 * * *}", zone = "${portal.mediation.zone:Asia/Shanghai}")
    public void scheduledPurge() {
        Purged purged = purge();
        if (purged.cases() + purged.files() + purged.drafts() + purged.letters() > 0) {
            LOG.info("Mediation retention purge: {} cases, {} files, {} drafts, {} letters deleted", purged.cases(),
                    purged.files(), purged.drafts(), purged.letters());
        }
    }

    /** How many cases one transaction of the purge deletes. */
    static final int CHUNK = 200;

    /**
     * Deletes everything past its time as of the clock's now. The expired cases go {@link #CHUNK} at a time, each
     * chunk in its own transaction with one statement per table; the evidence files of a chunk are deleted once it
     * is committed.
     */
    public Purged purge() {
        Instant now = clock.instant();
        Instant cutoff = now.minus(Duration.ofDays(settings.retentionDays()));
        // a case never closed after its outcome counts from the outcome, or its personal data would stay for ever
        Set<Long> expired = new java.util.TreeSet<>(cases.finishedBefore(cutoff));
        expired.addAll(cases.outcomeBefore(CaseStatus.outcomes(), cutoff));
        List<Long> ids = new ArrayList<>(expired);
        int caseCount = 0;
        int fileCount = 0;
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            List<String> chunkFiles = new ArrayList<>();
            Integer deleted = tx.execute(status -> {
                chunkFiles.addAll(evidence.storedNamesOfCases(chunk));
                evidence.deleteByCases(chunk);
                cases.deleteHistoryOf(chunk);
                return cases.deleteByIds(chunk);
            });
            caseCount += deleted == null ? 0 : deleted;
            fileCount += chunkFiles.size();
            // files go after the commit: a rolled-back chunk must not lose them
            chunkFiles.forEach(files::delete);
        }
        List<String> deletedFiles = new ArrayList<>();
        int purgedCases = caseCount;
        int purgedCaseFiles = fileCount;
        Purged purged = tx.execute(status -> {
            Instant uploadCutoff = now.minus(Duration.ofDays(settings.draftDays()));
            List<Evidence> unsubmitted = evidence.findByCaseIdIsNullAndUploadedAtBefore(uploadCutoff);
            // the draft is kept draft-days after its last change: what it was resumed with must still be there
            Set<String> liveDrafts = unsubmitted.isEmpty() ? Set.of() : service.liveDraftTokens(now);
            for (Evidence e : unsubmitted) {
                if (!liveDrafts.contains(e.submissionToken())) {
                    deletedFiles.add(e.storedName());
                    evidence.delete(e);
                }
            }
            cases.flush();
            int draftCount = drafts.deleteExpired(now);
            // a letter goes once its last day is over (MediationLetters.validAt), whatever time of day it stored
            int letterCount = letters.deleteExpired(LocalDate.ofInstant(now, settings.zone()).atStartOfDay(settings.zone()).toInstant());
            return new Purged(purgedCases, purgedCaseFiles + deletedFiles.size(), draftCount, letterCount);
        });
        // files go after the commit: a rolled-back purge must not lose them
        deletedFiles.forEach(files::delete);
        return purged;
    }
}
