package cn.gov.enforcement.portal.guidance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A written guidance as staff and its party see it.
 *
 * @param officers the officers who gave it, as the document names them: full name and certificate number on the
 *     staff pages (the document handed to the party), the name partly masked on the party's public page
 * @param visitOverdue true when a planned return visit is not recorded and its day has passed
 */
public record GuidanceRecord(String number, String agencyId, String officer, List<NamedOfficer> officers,
        GuidanceKind kind, String partyName, String partyEmail, String partyLanguage, String subject, String findings,
        String advice, String basis, LocalDate respondBy, LocalDate visitDue, Instant issuedAt, PartyReply reply,
        String replyNote, Instant repliedAt, VisitOutcome visitOutcome, String visitNote, String visitedBy,
        Instant visitedAt, Instant voidedAt, String voidedBy, String voidReason, boolean visitOverdue) {

    /**
     * An officer as a guidance document names them: the name (in full for staff, masked on the party's page; empty
     * when the agency's file no longer lists the certificate) and the certificate number.
     */
    public record NamedOfficer(String name, String certificate) {}

    public boolean visitPending() {
        return visitDue != null && visitOutcome == null && voidedAt == null;
    }

    public boolean voided() {
        return voidedAt != null;
    }
}
