package cn.gov.enforcement.portal.workbench;

import cn.gov.enforcement.portal.account.CurrentUser;
import cn.gov.enforcement.portal.backup.Backups;
import cn.gov.enforcement.portal.agency.AgencyDirectory;
import cn.gov.enforcement.portal.agency.AgencySummary;
import cn.gov.enforcement.portal.knowledge.ContentAdministration;
import cn.gov.enforcement.portal.lists.EntryStatus;
import cn.gov.enforcement.portal.lists.ListsBackOffice;
import cn.gov.enforcement.portal.mediation.CaseStatus;
import cn.gov.enforcement.portal.mediation.MediationBackOffice;
import cn.gov.enforcement.portal.mediation.WorkingCalendar;
import cn.gov.enforcement.portal.notification.MailStatus;
import cn.gov.enforcement.portal.notification.OutboxAdministration;
import cn.gov.enforcement.portal.rating.RatingService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The staff workbench (工作台): what is waiting for the signed-in staff member today, per agency, each line linking
 * to the page where it is handled. Officers see their agency's mediation cases (decisions and mediations waiting,
 * overdue, due by the next working day) and bad ratings awaiting follow-up; editors their agency's list entries in
 * draft and in review; administrators all of it for every agency, plus mails that failed and problems in the
 * knowledge-base files. Every figure comes from the module's own service, which checks the agency again.
 */
@Route("staff")
@Menu(order = 79, title = "menu.staff.home")
@RolesAllowed({"OFFICER", "EDITOR", "ADMIN"})
public class StaffHomeView extends Div implements HasDynamicTitle {

    /** Backups run on China time (portal.backup.cron), so their times are shown in it. */
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** Published list entries whose effective period ends within this many days are named on the workbench. */
    static final int EXPIRY_DAYS = 30;

    private final transient CurrentUser user;
    private final transient MediationBackOffice mediation;
    private final transient RatingService ratings;
    private final transient cn.gov.enforcement.portal.guidance.GuidanceService guidance;
    private final transient ListsBackOffice lists;
    private final LocalDate today;

    public StaffHomeView(CurrentUser user, AgencyDirectory agencies, MediationBackOffice mediation, RatingService ratings,
            cn.gov.enforcement.portal.guidance.GuidanceService guidance, ListsBackOffice lists, OutboxAdministration outbox, ContentAdministration content, Backups backups, Clock clock,
            WorkingCalendar workingCalendar) {
        this.user = user;
        this.mediation = mediation;
        this.ratings = ratings;
        this.guidance = guidance;
        this.lists = lists;
        // the portal's today (portal.zone), as the lists module counts an entry's effective period
        this.today = LocalDate.now(clock);
        addClassName("staff-home-view");
        setId("staff-home");
        add(new H1(getTranslation("staff.home.title")));
        add(new Paragraph(getTranslation("staff.home.lead", today.toString())));

        List<AgencySummary> shown = user.isAdmin()
                ? agencies.all().stream().sorted(Comparator.comparing(AgencySummary::id)).toList()
                : user.agencyId().flatMap(agencies::find).map(d -> List.of(d.summary())).orElse(List.of());
        if (shown.isEmpty()) {
            add(new Paragraph(getTranslation("staff.home.noAgency")));
        }
        List<AgencySummary> idle = new java.util.ArrayList<>();
        for (AgencySummary agency : shown) {
            Block block = agencySection(agency);
            if (user.isAdmin() && block.waiting() == 0) {
                idle.add(agency);
            } else {
                add(block.section());
            }
        }
        if (!idle.isEmpty()) {
            add(idleSection(idle));
        }
        if (user.isAdmin()) {
            add(systemSection(outbox, content, backups, clock, workingCalendar));
        }
    }

    /** One agency's block and how many things wait in it (every figure shown, overdue ones included once). */
    private record Block(Section section, long waiting) {}

    /**
     * The agencies where nothing waits, named on one line so that an administrator of many agencies sees the busy
     * ones first; each name opens the agency's staff page.
     */
    private Section idleSection(List<AgencySummary> idle) {
        Section section = new Section();
        section.addClassName("staff-home-idle");
        section.add(new H2(getTranslation("staff.home.idle")));
        Paragraph names = new Paragraph();
        for (int i = 0; i < idle.size(); i++) {
            AgencySummary agency = idle.get(i);
            if (i > 0) {
                names.add(new Span(getTranslation("staff.home.idle.separator")));
            }
            Anchor link = new Anchor("staff/agency/" + URLEncoder.encode(agency.id(), StandardCharsets.UTF_8),
                    agency.displayName(getLocale()));
            link.getElement().setAttribute("data-agency", agency.id());
            names.add(link);
        }
        section.add(names);
        return section;
    }

    private Block agencySection(AgencySummary agency) {
        long waiting = 0;
        Section section = new Section();
        section.addClassName("staff-home-agency");
        section.getElement().setAttribute("data-agency", agency.id());
        H2 name = new H2(agency.displayName(getLocale()));
        if (agency.sample()) {
            name.add(new Span(" "), cn.gov.enforcement.portal.lists.ListsUi.sampleBadge(this));
        }
        section.add(name);
        UnorderedList items = new UnorderedList();
        items.addClassName("staff-home-items");
        String query = user.isAdmin() ? "agency=" + URLEncoder.encode(agency.id(), StandardCharsets.UTF_8) : "";
        boolean officer = user.isAdmin() || user.hasRole("OFFICER");
        if (officer) {
            MediationBackOffice.Workload m = mediation.workload(agency.id());
            waiting += m.awaitingDecision() + m.inMediation() + m.applicantsWaiting();
            String submitted = "status=" + CaseStatus.SUBMITTED.name();
            items.add(item("mediation-decisions", link("staff/mediation", query, submitted),
                    getTranslation("staff.home.mediation.decisions", m.awaitingDecision()), m.decisionsOverdue(),
                    "staff.home.overdueCases", link("staff/mediation", query, submitted + "&overdue=true")));
            // a case in mediation is in one of several statuses: the queue's stage filter takes them all; the lines
            // without a matching filter open the whole queue
            items.add(item("mediation-running", link("staff/mediation", query, "stage=mediation"),
                    getTranslation("staff.home.mediation.running", m.inMediation()), m.mediationsOverdue(),
                    "staff.home.overdueCases", link("staff/mediation", query, "stage=mediation&overdue=true")));
            if (m.dueByNextWorkingDay() > 0) {
                items.add(item("mediation-due", link("staff/mediation", query, ""),
                        getTranslation("staff.home.mediation.dueSoon", m.dueByNextWorkingDay()), 0, null));
            }
            if (m.applicantsWaiting() > 0) {
                items.add(item("mediation-messages", link("staff/mediation", query, ""),
                        getTranslation("staff.home.mediation.messages", m.applicantsWaiting()), 0, null));
            }
            RatingService.Workload r = ratings.workload(agency.id());
            waiting += r.awaitingFollowUp();
            items.add(item("ratings", link("staff/ratings", query, "awaiting=true"),
                    getTranslation("staff.home.ratings", r.awaitingFollowUp()), r.overdue(), "staff.home.overdueRatings"));
            cn.gov.enforcement.portal.guidance.GuidanceService.Workload g = guidance.workload(agency.id());
            waiting += g.visitsPending();
            items.add(item("guidance-visits", link("staff/guidance", query, "visits=true"),
                    getTranslation("staff.home.guidanceVisits", g.visitsPending()), g.visitsOverdue(),
                    "staff.home.overdueVisits"));
        }
        if (user.isAdmin() || user.hasRole("EDITOR")) {
            List<ListsBackOffice.EntrySummary> entries = lists.entries(agency.id());
            Map<EntryStatus, Long> byStatus = entries.stream().collect(java.util.stream.Collectors
                    .groupingBy(ListsBackOffice.EntrySummary::status, java.util.stream.Collectors.counting()));
            String listsLink = "staff/lists?agency=" + URLEncoder.encode(agency.id(), StandardCharsets.UTF_8);
            items.add(item("lists-review", listsLink, getTranslation("staff.home.lists.review",
                    byStatus.getOrDefault(EntryStatus.IN_REVIEW, 0L)), 0, null));
            items.add(item("lists-drafts", listsLink, getTranslation("staff.home.lists.drafts",
                    byStatus.getOrDefault(EntryStatus.DRAFT, 0L)), 0, null));
            long expiring = entries.stream().filter(e -> e.status() == EntryStatus.PUBLISHED && e.effectiveTo() != null
                    && !e.effectiveTo().isBefore(today) && !e.effectiveTo().isAfter(today.plusDays(EXPIRY_DAYS))).count();
            waiting += byStatus.getOrDefault(EntryStatus.IN_REVIEW, 0L) + byStatus.getOrDefault(EntryStatus.DRAFT, 0L)
                    + expiring;
            if (expiring > 0) {
                items.add(item("lists-expiring", listsLink, getTranslation("staff.home.lists.expiring", EXPIRY_DAYS,
                        expiring), 0, null));
            }
        }
        section.add(items);
        return new Block(section, waiting);
    }

    private Section systemSection(OutboxAdministration outbox, ContentAdministration content, Backups backups,
            Clock clock, WorkingCalendar workingCalendar) {
        Section section = new Section();
        section.addClassName("staff-home-system");
        section.add(new H2(getTranslation("staff.home.system")));
        Map<MailStatus, Long> mails = outbox.countByStatus();
        long failed = mails.getOrDefault(MailStatus.FAILED, 0L) + mails.getOrDefault(MailStatus.FAILED_UNKNOWN, 0L);
        UnorderedList items = new UnorderedList();
        items.addClassName("staff-home-items");
        items.add(item("mail-pending", "admin/outbox", getTranslation("staff.home.mailPending",
                mails.getOrDefault(MailStatus.PENDING, 0L)), failed, "staff.home.mailFailed"));
        items.add(item("content-problems", "admin/content", getTranslation("staff.home.contentProblems",
                content.problems().size()), 0, null));
        // the newest backup archive; red when the last run failed or the newest is more than two days old
        java.util.Optional<java.time.Instant> newest = backups.list().stream().findFirst().map(Backups.BackupFile::createdAt);
        boolean backupFailed = backups.progress().error() != null;
        boolean stale = newest.map(t -> t.isBefore(clock.instant().minus(java.time.Duration.ofDays(2)))).orElse(false);
        items.add(item("backup", "admin/backups", newest.map(t -> getTranslation("staff.home.backupNewest",
                        BACKUP_TIME.format(t))).orElseGet(() -> getTranslation(noBackupKey(backups.schedule()))),
                backupFailed || stale ? 1 : 0, backupFailed ? "staff.home.backupFailed" : "staff.home.backupStale"));
        // the mediation deadlines' working-day calendar of this year, and from December of the next, not entered yet
        List<Integer> missing = workingCalendar.missingYears();
        if (!missing.isEmpty()) {
            items.add(item("working-days", "admin/working-days", getTranslation("staff.home.workingDaysMissing",
                    missing.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(
                            getTranslation("staff.home.workingDaysAnd")))), 1, "staff.home.workingDaysEnter"));
        }
        section.add(items);
        return section;
    }

    /** What the line says when there is no archive yet: it names the schedule only as it really is. */
    static String noBackupKey(String schedule) {
        return "-".equals(schedule) ? "staff.home.backupNoneOff"
                : Backups.DAILY.equals(schedule) ? "staff.home.backupNone" : "staff.home.backupNoneScheduled";
    }

    private static final java.time.format.DateTimeFormatter BACKUP_TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CHINA);

    private static String link(String path, String agencyQuery, String filter) {
        String query = agencyQuery.isEmpty() ? filter : filter.isEmpty() ? agencyQuery : agencyQuery + "&" + filter;
        return query.isEmpty() ? path : path + "?" + query;
    }

    /** One line whose red note, if any, is plain text. */
    private ListItem item(String key, String href, String text, long overdue, String overdueKey) {
        return item(key, href, text, overdue, overdueKey, null);
    }

    /**
     * One line: the text links to the page; a red note follows when some of it is overdue (or failed), itself a link
     * to the page showing just those when there is one (overdueHref; null for none).
     */
    private ListItem item(String key, String href, String text, long overdue, String overdueKey, String overdueHref) {
        ListItem item = new ListItem();
        item.addClassName("staff-home-item");
        item.getElement().setAttribute("data-item", key);
        item.add(new Anchor(href, text));
        if (overdue > 0 && overdueKey != null) {
            Component late = overdueHref == null ? new Span(getTranslation(overdueKey, overdue))
                    : new Anchor(overdueHref, getTranslation(overdueKey, overdue));
            late.getElement().getClassList().add("overdue");
            item.add(new Span(" "), late);
        }
        return item;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("staff.home.pageTitle");
    }
}
