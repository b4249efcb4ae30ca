package cn.gov.enforcement.portal.mediation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;

/**
 * Working-day arithmetic of the mediation deadlines: Monday to Friday are working days, except the public holidays
 * entered in the working-day calendar (法定节假日), and the make-up working days on a weekend (调休上班) are working
 * days too. The dates are those the administrator entered from the State Council's notice of each year
 * ({@link WorkingCalendar}); a year nobody entered counts Monday to Friday only. Immutable.
 */
public final class WorkingDayCalendar {

    /** No holiday and no make-up day: Monday to Friday. */
    public static final WorkingDayCalendar WEEKDAYS = new WorkingDayCalendar(Set.of(), Set.of());

    private final Set<LocalDate> holidays;
    private final Set<LocalDate> makeUpDays;

    /**
     * @param holidays days off, on a weekday or a weekend
     * @param makeUpDays weekend days worked; a day in both sets counts as a holiday (the calendar's service refuses
     *     to store one)
     */
    public WorkingDayCalendar(Collection<LocalDate> holidays, Collection<LocalDate> makeUpDays) {
        this.holidays = Set.copyOf(holidays);
        this.makeUpDays = Set.copyOf(makeUpDays);
    }

    public boolean isWorkingDay(LocalDate date) {
        if (holidays.contains(date)) {
            return false;
        }
        if (makeUpDays.contains(date)) {
            return true;
        }
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }

    /** True when the calendar holds no date: it counts Monday to Friday. */
    public boolean isEmpty() {
        return holidays.isEmpty() && makeUpDays.isEmpty();
    }

    /**
     * The date that lies {@code days} working days after {@code start} (the start day itself does not count, as a
     * deadline within 5 working days of a Friday submission ends on the next Friday without holidays).
     */
    public LocalDate plus(LocalDate start, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative");
        }
        LocalDate date = start;
        int left = days;
        while (left > 0) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                left--;
            }
        }
        return date;
    }

    /**
     * The earliest start day whose deadline {@code days} working days later ({@link #plus}) falls on or after
     * {@code day}. Since a later start never has an earlier deadline (whatever days are holidays), a deadline counted
     * from {@code start} has passed on {@code day} exactly when {@code start} lies before the day returned: this turns
     * the overdue test into a comparison a database query can make.
     */
    public LocalDate earliestStartDueOnOrAfter(LocalDate day, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative");
        }
        LocalDate start = day;
        while (!plus(start.minusDays(1), days).isBefore(day)) {
            start = start.minusDays(1);
        }
        return start;
    }
}
