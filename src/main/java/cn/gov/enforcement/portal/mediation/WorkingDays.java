package cn.gov.enforcement.portal.mediation;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Working-day arithmetic: Monday to Friday are working days. Public holidays and the adjusted
 * working weekends of the Chinese calendar are not known here.
 */
public final class WorkingDays {

    private WorkingDays() {}

    public static boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }

    /**
     * The date that lies {@code days} working days after {@code start} (the start day itself does
     * not count, as a deadline "within 5 working days" of a Friday submission ends on the next Friday).
     */
    public static LocalDate plus(LocalDate start, int days) {
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
     * {@code day}. Since a later start never has an earlier deadline, a deadline counted from {@code start} has passed
     * on {@code day} exactly when {@code start} lies before the day returned: this turns the overdue test into a
     * comparison a database query can make.
     */
    public static LocalDate earliestStartDueOnOrAfter(LocalDate day, int days) {
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
