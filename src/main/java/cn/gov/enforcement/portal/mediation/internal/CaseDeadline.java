package cn.gov.enforcement.portal.mediation.internal;

import cn.gov.enforcement.portal.mediation.CaseStatus;
import cn.gov.enforcement.portal.mediation.MediationSettings;
import cn.gov.enforcement.portal.mediation.WorkingDayCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** The columns of a case its running deadline depends on, read without the rest of the case. */
public record CaseDeadline(CaseStatus status, Instant submittedAt, Instant acceptedAt, boolean extended) {

    /** As {@link MediationCase#currentDue(MediationSettings, WorkingDayCalendar)}. */
    public Optional<LocalDate> currentDue(MediationSettings settings, WorkingDayCalendar calendar) {
        return MediationCase.currentDue(status, submittedAt, acceptedAt, extended, settings, calendar);
    }
}
