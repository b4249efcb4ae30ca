package cn.gov.enforcement.portal.mediation;

import cn.gov.enforcement.portal.account.CurrentUser;
import cn.gov.enforcement.portal.platform.TextChecks;
import cn.gov.enforcement.portal.platform.ValidationFailure;
import cn.gov.enforcement.portal.platform.ValidationFailure.FieldProblem;
import jakarta.annotation.security.RolesAllowed;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The working-day calendar that the mediation deadlines are counted in: per year the public holidays and the make-up
 * working days on a weekend, as an administrator entered them from the State Council's notice, with the notice named
 * as their source. Nothing is shipped: a year not entered counts Monday to Friday, exactly as the deadlines were
 * counted before the calendar existed. Every save is logged (who, when, how many dates, the source). Deadlines are
 * counted from the stored submission and acceptance times whenever they are shown, so a calendar entered later
 * applies to every deadline that runs into the year entered.
 */
@Service
public class WorkingCalendar {

    private static final Logger log = LoggerFactory.getLogger(WorkingCalendar.class);

    /** The years that can be entered. */
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;
    /** The longest source text kept. */
    public static final int SOURCE_MAX = 500;
    /** The change log shows this many entries at most. */
    public static final int LOG_PAGE = 200;

    static final String HOLIDAY = "HOLIDAY";
    static final String WORKDAY = "WORKDAY";

    private static final Pattern DATE = Pattern.compile("(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?");
    private static final Pattern RANGE = Pattern.compile("\\s*(?:~|～|至|到|—|–)\\s*");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,，、;；]+");

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final Clock clock;

    WorkingCalendar(JdbcClient jdbc, CurrentUser currentUser, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** What was entered for one year; {@code version} counts its saves and is named by the next save. */
    public record Year(int year, List<LocalDate> holidays, List<LocalDate> makeUpDays, String source, String updatedBy,
            Instant updatedAt, int version) {}

    /**
     * A save refused because another administrator saved or removed the same year after the calendar was read (or at
     * the same moment): nothing was written. The page keeps what was typed and shows the year as it is now.
     */
    public static final class ChangedMeanwhile extends RuntimeException {
        private final int year;

        ChangedMeanwhile(int year) {
            super("working-day calendar " + year + " was changed meanwhile");
            this.year = year;
        }

        public int year() {
            return year;
        }
    }

    /** One save of a year, for the change log. */
    public record Change(int year, String username, Instant at, int holidays, int makeUpDays, String source) {}

    /** The calendar with every year entered; Monday to Friday where nothing is entered. */
    @Transactional(readOnly = true)
    public WorkingDayCalendar current() {
        List<LocalDate> holidays = new ArrayList<>();
        List<LocalDate> makeUp = new ArrayList<>();
        jdbc.sql("select calendar_date, kind from working_calendar_day").query((rs, i) -> {
            LocalDate day = rs.getObject(1, LocalDate.class);
            (HOLIDAY.equals(rs.getString(2)) ? holidays : makeUp).add(day);
            return day;
        }).list();
        return holidays.isEmpty() && makeUp.isEmpty() ? WorkingDayCalendar.WEEKDAYS
                : new WorkingDayCalendar(holidays, makeUp);
    }

    /** The year as entered; empty when nobody entered it. */
    @Transactional(readOnly = true)
    public Optional<Year> year(int year) {
        return jdbc.sql("select source, updated_by, updated_at, version from working_calendar_year"
                        + " where calendar_year = ?")
                .param(year)
                .query((rs, i) -> new Year(year, days(year, HOLIDAY), days(year, WORKDAY), rs.getString(1),
                        rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getInt(4)))
                .optional();
    }

    private List<LocalDate> days(int year, String kind) {
        return jdbc.sql("select calendar_date from working_calendar_day where calendar_year = ? and kind = ?"
                        + " order by calendar_date")
                .param(year).param(kind).query((rs, i) -> rs.getObject(1, LocalDate.class)).list();
    }

    /**
     * The years whose calendar should be entered now and is not: the current year, and from December on the next
     * one. Empty when both are entered.
     */
    @Transactional(readOnly = true)
    public List<Integer> missingYears() {
        LocalDate today = LocalDate.now(clock);
        List<Integer> wanted = new ArrayList<>(List.of(today.getYear()));
        if (today.getMonth() == Month.DECEMBER) {
            wanted.add(today.getYear() + 1);
        }
        return wanted.stream().filter(y -> jdbc.sql("select count(*) from working_calendar_year where calendar_year = ?")
                .param(y).query(Long.class).single() == 0).toList();
    }

    /**
     * Whether a source (stripped) is longer than {@link #SOURCE_MAX} characters, counted as a person counts them
     * ({@link TextChecks#characters}: an emoji or 𠀀 is one; its columns hold twice as many UTF-16 units, V35).
     */
    static boolean sourceTooLong(String source) {
        return TextChecks.characters(source) > SOURCE_MAX;
    }

    /**
     * Replaces what is entered for a year. Dates are written {@code 2027-10-01} (also {@code 2027/10/1} or
     * {@code 2027年10月1日}), separated by commas, spaces or new lines; a range is two dates joined by {@code ~} or
     * {@code 至} and includes both ends. Every date must be a real date of the year; a make-up working day must be a
     * Saturday or a Sunday; a holiday may fall on any day; no date may be both. The source (the notice's title) is
     * required when any date is given. Saving no date and no source removes the year: it then counts Monday to
     * Friday.
     *
     * @param seenVersion the {@link Year#version()} the administrator edited, {@code null} when the year was not
     *     entered then
     * @throws ValidationFailure with the fields {@code year}, {@code holidays}, {@code makeUpDays} and {@code source}
     * @throws ChangedMeanwhile when the year is no longer as the administrator saw it: nothing is written
     */
    @RolesAllowed("ADMIN")
    @Transactional
    public Optional<Year> save(int year, Integer seenVersion, String holidaysText, String makeUpText,
            String sourceText) {
        List<FieldProblem> problems = new ArrayList<>();
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw ValidationFailure.of("year", "mediation.calendar.error.year", String.valueOf(FIRST_YEAR),
                    String.valueOf(LAST_YEAR));
        }
        Set<LocalDate> holidays = parse(holidaysText, year, "holidays", problems);
        Set<LocalDate> makeUp = parse(makeUpText, year, "makeUpDays", problems);
        for (LocalDate day : makeUp) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                problems.add(new FieldProblem("makeUpDays", "mediation.calendar.error.makeUpWeekday", day.toString()));
                break;
            }
        }
        for (LocalDate day : makeUp) {
            if (holidays.contains(day)) {
                problems.add(new FieldProblem("makeUpDays", "mediation.calendar.error.both", day.toString()));
                break;
            }
        }
        String source = sourceText == null ? "" : sourceText.strip();
        if (sourceTooLong(source)) {
            problems.add(new FieldProblem("source", "mediation.calendar.error.sourceLength", String.valueOf(SOURCE_MAX)));
        } else if (!TextChecks.isSingleLine(source)) {
            // a notice's title: one line, no control characters (it is shown in the change log and the application log)
            problems.add(new FieldProblem("source", TextChecks.SINGLE_LINE));
        } else if (source.isEmpty() && !(holidays.isEmpty() && makeUp.isEmpty())) {
            problems.add(new FieldProblem("source", "mediation.calendar.error.source"));
        } else if (!source.isEmpty() && holidays.isEmpty() && makeUp.isEmpty() && problems.isEmpty()) {
            problems.add(new FieldProblem("holidays", "mediation.calendar.error.noDates"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationFailure(problems);
        }
        String user = currentUser.username().orElseThrow();
        Instant now = clock.instant();
        boolean entered = !holidays.isEmpty() || !makeUp.isEmpty();
        int version;
        try {
            version = writeYear(year, seenVersion, entered, source, user, now);
            jdbc.sql("delete from working_calendar_day where calendar_year = ?").param(year).update();
            for (LocalDate day : holidays) {
                insertDay(day, year, HOLIDAY);
            }
            for (LocalDate day : makeUp) {
                insertDay(day, year, WORKDAY);
            }
            if (!entered) {
                jdbc.sql("delete from working_calendar_year where calendar_year = ?").param(year).update();
            }
        } catch (DuplicateKeyException | ConcurrencyFailureException e) {
            // another administrator's save of the same year holds or has just written its row
            log.info("Working-day calendar {}: save by {} refused, another save of the year came first ({})", year,
                    user, e.getClass().getSimpleName());
            throw new ChangedMeanwhile(year);
        }
        jdbc.sql("insert into working_calendar_log (calendar_year, username, occurred_at, holidays, make_up_days, source)"
                        + " values (?, ?, ?, ?, ?, ?)")
                .param(year).param(user).param(Timestamp.from(now)).param(holidays.size()).param(makeUp.size())
                .param(source.isEmpty() ? null : source).update();
        log.info("Working-day calendar {} saved by {}: {} holidays, {} make-up working days, source {}", year, user,
                holidays.size(), makeUp.size(), source);
        return entered ? Optional.of(new Year(year, List.copyOf(holidays), List.copyOf(makeUp), source, user, now,
                version)) : Optional.empty();
    }

    /**
     * Writes the year's row if the year is still as the administrator saw it and returns its new version. The row is
     * updated only at the version seen, so of two saves naming the same version one changes nothing and is refused (a
     * removal updates the row too, and the caller deletes it last). The new version is one more than the year's saves
     * logged so far, so a year removed and entered again never repeats a version an open page may still name.
     */
    private int writeYear(int year, Integer seenVersion, boolean entered, String source, String user, Instant now) {
        int version = 1 + jdbc.sql("select count(*) from working_calendar_log where calendar_year = ?").param(year)
                .query(Long.class).single().intValue();
        if (seenVersion == null) {
            if (!entered) {
                // nothing was entered and nothing is: refused only if someone entered the year meanwhile
                if (jdbc.sql("select count(*) from working_calendar_year where calendar_year = ?").param(year)
                        .query(Long.class).single() > 0) {
                    throw new ChangedMeanwhile(year);
                }
                return 0;
            }
            jdbc.sql("insert into working_calendar_year (calendar_year, source, updated_by, updated_at, version)"
                            + " values (?, ?, ?, ?, ?)")
                    .param(year).param(source).param(user).param(Timestamp.from(now)).param(version).update();
            return version;
        }
        int updated = jdbc.sql("update working_calendar_year set source = ?, updated_by = ?, updated_at = ?,"
                        + " version = ? where calendar_year = ? and version = ?")
                .param(entered ? source : "").param(user).param(Timestamp.from(now)).param(version).param(year)
                .param(seenVersion).update();
        if (updated != 1) {
            throw new ChangedMeanwhile(year);
        }
        return version;
    }

    private void insertDay(LocalDate day, int year, String kind) {
        jdbc.sql("insert into working_calendar_day (calendar_date, calendar_year, kind) values (?, ?, ?)")
                .param(day).param(year).param(kind).update();
    }

    /** The latest saves, newest first (at most {@value #LOG_PAGE}). */
    @RolesAllowed("ADMIN")
    @Transactional(readOnly = true)
    public List<Change> changes() {
        return jdbc.sql("select calendar_year, username, occurred_at, holidays, make_up_days, source"
                        + " from working_calendar_log order by occurred_at desc, id desc")
                .query((rs, i) -> new Change(rs.getInt(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getInt(4), rs.getInt(5), rs.getString(6)))
                .list().stream().limit(LOG_PAGE).toList();
    }

    /**
     * The dates of a field, in order; the first problem of the field is added to {@code problems} and parsing stops
     * there.
     */
    static Set<LocalDate> parse(String text, int year, String field, List<FieldProblem> problems) {
        Set<LocalDate> days = new TreeSet<>();
        if (text == null || text.isBlank()) {
            return days;
        }
        // a range written with spaces around its sign is one item: join it before splitting
        String joined = RANGE.matcher(text.strip()).replaceAll("~");
        for (String item : new LinkedHashSet<>(List.of(SEPARATORS.split(joined)))) {
            if (item.isEmpty()) {
                continue;
            }
            String[] ends = item.split("~", -1);
            if (ends.length > 2) {
                problems.add(new FieldProblem(field, "mediation.calendar.error.format", item));
                return days;
            }
            LocalDate from;
            LocalDate to;
            try {
                from = date(ends[0]);
                to = ends.length == 2 ? date(ends[1]) : from;
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem(field, "mediation.calendar.error.format", item));
                return days;
            } catch (DateTimeException e) {
                problems.add(new FieldProblem(field, "mediation.calendar.error.notADate", item));
                return days;
            }
            if (to.isBefore(from)) {
                problems.add(new FieldProblem(field, "mediation.calendar.error.rangeOrder", item));
                return days;
            }
            if (from.getYear() != year || to.getYear() != year) {
                problems.add(new FieldProblem(field, "mediation.calendar.error.otherYear", item, String.valueOf(year)));
                return days;
            }
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                days.add(day);
            }
        }
        return days;
    }

    /** A date as written; IllegalArgumentException when it does not look like one, DateTimeException when unreal. */
    private static LocalDate date(String text) {
        Matcher m = DATE.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(text);
        }
        return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }
}
