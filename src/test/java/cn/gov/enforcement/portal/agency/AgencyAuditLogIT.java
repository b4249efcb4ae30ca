package cn.gov.enforcement.portal.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.gov.enforcement.portal.account.Role;
import cn.gov.enforcement.portal.agency.AgencyBackOffice.AuditPage;
import cn.gov.enforcement.portal.agency.AgencyBackOffice.AuditQuery;
import cn.gov.enforcement.portal.agency.AgencyBackOffice.AuditRecord;
import cn.gov.enforcement.portal.agency.AgencyBackOffice.Change;
import cn.gov.enforcement.portal.platform.ValidationFailure;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * The agency audit log across agencies ({@link AgencyBackOffice#auditLog}): the scope is the service's (an editor reads
 * their own agency's records whatever is asked), the days are Beijing time's, the kind of change and the paging.
 */
class AgencyAuditLogIT extends AgencyBackOfficeTestSupport {

    /** March 2001: no other test writes records so long ago. */
    static final LocalDate MARCH_1 = LocalDate.of(2001, 3, 1);
    static final LocalDate MARCH_31 = LocalDate.of(2001, 3, 31);

    @Autowired AgencyBackOffice backOffice;

    /**
     * Four records of the two test agencies in March 2001 (UTC times; Beijing is 8 hours ahead): alpha 1 March and
     * 3 March 00:30 (2 March 16:30 UTC), beta 2 March 23:30 (15:30 UTC) and 4 March.
     */
    static void fourMarchRecords(org.springframework.jdbc.core.JdbcTemplate jdbc) {
        jdbc.update("delete from agency_audit where agency_id in (?, ?) and at < ?", ALPHA, BETA,
                java.sql.Timestamp.from(java.time.Instant.parse("2002-01-01T00:00:00Z")));
        record(jdbc, "2001-03-01T02:00:00Z", "audit-editor-a", ALPHA, 2, "revoked TA-990100-2026-0004");
        record(jdbc, "2001-03-02T15:30:00Z", "audit-admin", BETA, 2, "revoked TB-990100-2026-0001\nchanged office_hours");
        record(jdbc, "2001-03-02T16:30:00Z", "audit-editor-a", ALPHA, 3,
                "addedRevoked TA-990100-2026-0070\nchanged address");
        record(jdbc, "2001-03-04T02:00:00Z", "audit-admin", BETA, 3, "changed address");
    }

    static void record(org.springframework.jdbc.core.JdbcTemplate jdbc, String at, String actor, String agency,
            int version, String detail) {
        jdbc.update("insert into agency_audit (at, actor, agency_id, action, version_no, detail) values (?, ?, ?, ?, ?, ?)",
                java.sql.Timestamp.from(java.time.Instant.parse(at)), actor, agency, "SAVE", version, detail);
    }

    private AuditPage march(String agency, LocalDate from, LocalDate to, String verb) {
        return backOffice.auditLog(new AuditQuery(agency, from, to, verb, 0));
    }

    private static List<String> agencies(AuditPage page) {
        return page.records().stream().map(AuditRecord::agencyId).toList();
    }

    @Test
    void an_administrator_reads_every_agencys_records_newest_first_and_narrows_them_to_one_agency_days_and_a_kind() {
        fourMarchRecords(jdbc);
        admin();
        AuditPage all = march(null, MARCH_1, MARCH_31, null);
        assertThat(agencies(all)).containsExactly(BETA, ALPHA, BETA, ALPHA);
        assertThat(all.total()).isEqualTo(4);
        assertThat(all.records().get(1).changes()).containsExactly(new Change("addedRevoked", "TA-990100-2026-0070"),
                new Change("changed", "address"));
        assertThat(agencies(march(BETA, MARCH_1, MARCH_31, null))).containsExactly(BETA, BETA);
        // the days are Beijing's: 2 March 23:30 is the 2nd, 16:30 UTC that day already the 3rd
        AuditPage second = march(null, LocalDate.of(2001, 3, 2), LocalDate.of(2001, 3, 2), null);
        assertThat(second.records()).extracting(AuditRecord::actor).containsExactly("audit-admin");
        assertThat(march(null, LocalDate.of(2001, 3, 3), MARCH_31, null).records()).extracting(AuditRecord::version)
                .containsExactly(3, 3);
        assertThat(march(BETA, LocalDate.of(2001, 3, 3), null, null).records()).extracting(AuditRecord::actor)
                .as("from the 3rd on, no last day").containsExactly("audit-admin");
        assertThat(march(BETA, null, LocalDate.of(2001, 3, 2), null).records()).extracting(AuditRecord::version)
                .as("up to the 2nd, no first day").containsExactly(2);
        // a kind of change: a revoked certificate, not an officer added with one; the fields' changes
        assertThat(march(null, MARCH_1, MARCH_31, "revoked").records()).extracting(AuditRecord::at)
                .extracting(Object::toString).containsExactly("2001-03-02T15:30:00Z", "2001-03-01T02:00:00Z");
        assertThat(agencies(march(null, MARCH_1, MARCH_31, "addedRevoked"))).containsExactly(ALPHA);
        assertThat(agencies(march(null, MARCH_1, MARCH_31, "changed"))).containsExactly(BETA, ALPHA, BETA);
        assertThat(backOffice.auditAgencies()).extracting(AgencySummary::id).contains(ALPHA, BETA, "sample-traffic-police");
        assertThat(backOffice.auditsEveryAgency()).isTrue();
        assertThatThrownBy(() -> march("no-such-agency", MARCH_1, MARCH_31, null))
                .isInstanceOf(AgencyNotFoundException.class);
    }

    @Test
    void an_editor_reads_their_own_agencys_records_only_whatever_agency_is_asked_for_and_officers_none() {
        fourMarchRecords(jdbc);
        editorOfAlpha();
        assertThat(agencies(march(null, MARCH_1, MARCH_31, null))).containsExactly(ALPHA, ALPHA);
        assertThat(agencies(march(ALPHA, MARCH_1, MARCH_31, null))).containsExactly(ALPHA, ALPHA);
        for (String other : new String[] {BETA, "sample-traffic-police", "no-such-agency", "../" + BETA, "x".repeat(200)}) {
            assertThatThrownBy(() -> march(other, MARCH_1, MARCH_31, null)).as(other)
                    .isInstanceOf(AgencyNotFoundException.class);
        }
        assertThat(march(null, MARCH_1, MARCH_31, "revoked").records()).extracting(AuditRecord::agencyId)
                .containsExactly(ALPHA);
        assertThat(backOffice.auditAgencies()).extracting(AgencySummary::id).containsExactly(ALPHA);
        assertThat(backOffice.auditsEveryAgency()).isFalse();

        signIn("agency-audit-officer-alpha", Role.OFFICER, ALPHA);
        assertThatThrownBy(() -> march(null, MARCH_1, MARCH_31, null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> march(ALPHA, MARCH_1, MARCH_31, null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(backOffice::auditAgencies).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_period_whose_first_day_is_after_its_last_and_an_unknown_kind_are_refused() {
        admin();
        ValidationFailure reversed = catchThrowableOfType(ValidationFailure.class,
                () -> march(null, LocalDate.of(2001, 3, 10), LocalDate.of(2001, 3, 9), null));
        assertThat(reversed.problems()).extracting(ValidationFailure.FieldProblem::field,
                ValidationFailure.FieldProblem::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("from", AgencyBackOffice.AUDIT_PERIOD_REVERSED));
        assertThat(march(null, MARCH_1, MARCH_1, null).records()).as("one day is a period").isNotNull();
        assertThatThrownBy(() -> march(null, MARCH_1, MARCH_31, "revoked%")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_records_come_a_page_at_a_time_and_a_page_after_the_last_gives_the_last() {
        jdbc.update("delete from agency_audit where agency_id = ? and at >= ? and at < ?", ALPHA,
                java.sql.Timestamp.from(java.time.Instant.parse("2001-05-01T00:00:00Z")),
                java.sql.Timestamp.from(java.time.Instant.parse("2001-06-01T00:00:00Z")));
        int many = AgencyBackOffice.AUDIT_PAGE_SIZE + 5;
        for (int i = 0; i < many; i++) {
            record(jdbc, String.format("2001-05-10T%02d:%02d:00Z", i / 60, i % 60), "audit-pager", ALPHA, i + 1,
                    "changed office_hours");
        }
        editorOfAlpha();
        LocalDate may1 = LocalDate.of(2001, 5, 1);
        LocalDate may31 = LocalDate.of(2001, 5, 31);
        AuditPage first = backOffice.auditLog(new AuditQuery(null, may1, may31, null, 0));
        assertThat(first.total()).isEqualTo(many);
        assertThat(first.pages()).isEqualTo(2);
        assertThat(first.records()).hasSize(AgencyBackOffice.AUDIT_PAGE_SIZE);
        assertThat(first.records().get(0).version()).as("newest first").isEqualTo(many);
        AuditPage second = backOffice.auditLog(new AuditQuery(null, may1, may31, null, 1));
        assertThat(second.records()).extracting(AuditRecord::version).containsExactly(5, 4, 3, 2, 1);
        AuditPage beyond = backOffice.auditLog(new AuditQuery(null, may1, may31, null, 9));
        assertThat(beyond.page()).isEqualTo(1);
        assertThat(beyond.records()).hasSize(5);
    }
}
