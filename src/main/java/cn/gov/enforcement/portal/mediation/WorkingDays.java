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
}
