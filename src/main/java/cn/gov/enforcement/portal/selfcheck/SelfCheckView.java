package cn.gov.enforcement.portal.selfcheck;

import cn.gov.enforcement.portal.lists.ExemptionItem;
import cn.gov.enforcement.portal.lists.ListsUi;
import cn.gov.enforcement.portal.lists.RiskPoint;
import cn.gov.enforcement.portal.platform.ClientAddress;
import cn.gov.enforcement.portal.platform.ReaderScript;
import cn.gov.enforcement.portal.platform.ValidationFailure;
import cn.gov.enforcement.portal.platform.ValidationFailure.FieldProblem;
import cn.gov.enforcement.portal.selfcheck.SelfCheckAnswer.Status;
import cn.gov.enforcement.portal.selfcheck.SelfCheckService.AgencyContact;
import cn.gov.enforcement.portal.selfcheck.SelfCheckService.AgencySectors;
import cn.gov.enforcement.portal.selfcheck.SelfCheckService.Checklist;
import cn.gov.enforcement.portal.selfcheck.SelfCheckService.Finding;
import cn.gov.enforcement.portal.selfcheck.SelfCheckService.Report;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The guided self-check ({@code /self-check}): choose sectors, answer each risk point of the checklist, read the
 * report. Everything the business chose and answered is in the address ({@code ?sector=…&a=…&report=1}), kept up
 * to date as it answers, so a reload, the language switch, a bookmark or a link sent to a colleague opens the same
 * self-check; the server stores nothing.
 */
@Route("self-check")
@Menu(order = 32, title = "menu.selfcheck")
@AnonymousAllowed
public class SelfCheckView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    static final String ROUTE = "self-check";

    private final transient SelfCheckService service;
    private final transient SelfCheckFeedback feedback;
    private final List<CheckboxGroup<String>> sectorGroups = new ArrayList<>();
    private final Paragraph sectorError = new Paragraph();
    private final Paragraph answerError = new Paragraph();
    private final Map<String, SelfCheckAnswer> answers = new LinkedHashMap<>();
    private final Map<String, RadioButtonGroup<Status>> answerFields = new HashMap<>();
    private final Map<String, CheckboxGroup<Integer>> measureFields = new HashMap<>();
    private final ProgressBar progress = new ProgressBar();
    private final Span progressText = new Span();
    private List<String> sectors = List.of();
    private Checklist checklist;

    public SelfCheckView(SelfCheckService service, SelfCheckFeedback feedback) {
        this.service = service;
        this.feedback = feedback;
        addClassName("selfcheck-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> params = event.getLocation().getQueryParameters().getParameters();
        removeAll();
        sectorGroups.clear();
        answers.clear();
        answerFields.clear();
        measureFields.clear();
        checklist = null;
        sectorError.setText("");
        answerError.setText("");

        List<AgencySectors> offered = service.sectors();
        Set<String> known = new LinkedHashSet<>();
        offered.forEach(a -> a.sectors().forEach(s -> known.add(s.name())));
        List<String> asked = params.getOrDefault("sector", List.of()).stream().filter(s -> !s.isBlank())
                .map(String::strip).distinct().limit(SelfCheckService.MAX_SECTORS * 2L).toList();
        sectors = asked.stream().filter(known::contains).limit(SelfCheckService.MAX_SECTORS).toList();
        int droppedSectors = asked.size() - sectors.size();

        add(new H1(getTranslation("selfcheck.title")));
        Paragraph lead = new Paragraph(getTranslation("selfcheck.lead"));
        lead.addClassName("selfcheck-no-print");
        Paragraph privacy = new Paragraph(getTranslation("selfcheck.privacy"));
        privacy.setId("selfcheck-privacy");
        privacy.addClassName("selfcheck-no-print");
        add(lead, privacy);
        if (droppedSectors > 0) {
            add(notice("selfcheck-notice-sectors", getTranslation("selfcheck.notice.sectors", droppedSectors)));
        }
        if (sectors.isEmpty()) {
            add(sectorStep(offered, false));
            ListsUi.addPrintStyle(this);
            return;
        }
        try {
            checklist = service.checklist(sectors);
        } catch (ValidationFailure refused) {
            // a sector withdrawn between reading the sectors and the checklist: choose again
            sectors = List.of();
            add(sectorStep(offered, false));
            sectorError.setText(message(refused.problems().get(0)));
            return;
        }
        SelfCheckService.ReadAnswers read = service.readAnswers(checklist, first(params, "a"));
        answers.putAll(read.answers());
        int droppedAnswers = read.leftOut();
        if (droppedAnswers > 0) {
            add(notice("selfcheck-notice-answers", getTranslation("selfcheck.notice.answers", droppedAnswers)));
        }
        if (!read.changed().isEmpty()) {
            // answered before an editor changed the measures: to be answered again, not read against the new list
            add(notice("selfcheck-notice-changed", getTranslation("selfcheck.notice.changed", read.changed().size(),
                    String.join(getTranslation("lists.csv.separator"),
                            read.changed().stream().map(p -> ReaderScript.forReader(p.title())).toList()))));
        }
        if ("1".equals(first(params, "report"))) {
            try {
                showReport(service.report(sectors, answers));
                return;
            } catch (ValidationFailure refused) {
                showChecklist(offered);
                showProblems(refused);
                return;
            }
        }
        showChecklist(offered);
    }

    private Paragraph notice(String id, String text) {
        Paragraph notice = new Paragraph(text);
        notice.setId(id);
        notice.addClassName("selfcheck-notice");
        notice.getElement().setAttribute("role", "status");
        return notice;
    }

    // ---- step 1: the sectors

    private Section sectorStep(List<AgencySectors> offered, boolean chosen) {
        Section step = new Section();
        step.setId("selfcheck-sectors");
        step.addClassName("selfcheck-no-print");
        Div groups = new Div();
        groups.addClassName("selfcheck-sector-groups");
        for (AgencySectors agency : offered) {
            CheckboxGroup<String> group = new CheckboxGroup<>();
            group.setId("selfcheck-sectors-" + agency.agencyId());
            // the agency's name as the page shows it: its English name on English pages when it has one, else the
            // Chinese name, marked as Chinese content (a label element of its own, which can carry a language)
            String agencyName = ReaderScript.forReader(agency.agencyName());
            if (ReaderScript.holdsChinese(agencyName)
                    && ReaderScript.contentLanguage(getLocale()) != null) {
                ReaderScript.labelContent(group, null, agencyName);
            } else {
                group.setLabel(agencyName);
            }
            Map<String, Integer> counts = new HashMap<>();
            agency.sectors().forEach(s -> counts.put(s.name(), s.riskPoints()));
            group.setItems(agency.sectors().stream().map(SelfCheckService.Sector::name).toList());
            group.setItemLabelGenerator(s -> getTranslation("selfcheck.sector.label", ReaderScript.forReader(s), counts.get(s)));
            group.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
            group.setValue(new LinkedHashSet<>(sectors.stream().filter(counts::containsKey).toList()));
            // the sectors are the lists' own Chinese words
            group.getChildren().forEach(ReaderScript::markContent);
            sectorGroups.add(group);
            groups.add(group);
        }
        sectorError.setId("selfcheck-sectors-error");
        sectorError.addClassName("selfcheck-error");
        sectorError.getElement().setAttribute("role", "alert");
        Button start = new Button(getTranslation(chosen ? "selfcheck.update" : "selfcheck.start"), e -> start());
        start.setId("selfcheck-start");
        start.addThemeVariants(chosen ? ButtonVariant.LUMO_CONTRAST : ButtonVariant.LUMO_PRIMARY);
        if (!chosen) {
            step.add(new H2(getTranslation("selfcheck.step1")), new Paragraph(getTranslation("selfcheck.step1.lead")),
                    groups, sectorError, start);
            return step;
        }
        Details details = new Details(new Span(ReaderScript.markSpliced(getTranslation("selfcheck.step1.summary",
                ReaderScript.splice(String.join("、", sectors))))), new Paragraph(getTranslation("selfcheck.step1.lead")), groups,
                sectorError, start);
        details.setId("selfcheck-sectors-details");
        // the summary names every sector chosen: it wraps on a phone instead of widening the page
        details.addClassName("selfcheck-sectors-details");
        step.add(new H2(getTranslation("selfcheck.step1")), details);
        return step;
    }

    private void start() {
        List<String> chosen = new ArrayList<>();
        sectorGroups.forEach(g -> chosen.addAll(g.getValue()));
        sectorError.setText("");
        try {
            Checklist next = service.checklist(chosen);
            Map<String, SelfCheckAnswer> kept = new LinkedHashMap<>();
            answers.forEach((id, a) -> {
                if (next.point(id).isPresent()) {
                    kept.put(id, a);
                }
            });
            navigateToStep(query(next.sectors(), kept, false));
        } catch (ValidationFailure refused) {
            sectorError.setText(message(refused.problems().get(0)));
        }
    }

    /** UI data key: the next step shown was asked for by a button of this page, so its heading takes the focus. */
    private static final String FOCUS_STEP = SelfCheckView.class.getName() + ".focusStep";

    /**
     * Opens the next step (checklist or report) of this page. The button pressed is gone with the step it belonged
     * to and the window would stay where it was, at the end of the new step; the new step's heading takes the
     * focus instead, which brings it into view ({@link #focusIfAsked}).
     */
    private void navigateToStep(QueryParameters query) {
        com.vaadin.flow.component.ComponentUtil.setData(UI.getCurrent(), FOCUS_STEP, Boolean.TRUE);
        UI.getCurrent().navigate(ROUTE, query);
    }

    /** Focuses a step's heading when a button of this page opened the step (not on a load, a reload or a link). */
    private static void focusIfAsked(H2 heading) {
        heading.getElement().setAttribute("tabindex", "-1");
        UI ui = UI.getCurrent();
        if (ui != null && Boolean.TRUE.equals(com.vaadin.flow.component.ComponentUtil.getData(ui, FOCUS_STEP))) {
            com.vaadin.flow.component.ComponentUtil.setData(ui, FOCUS_STEP, null);
            heading.getElement().callJsFunction("focus");
        }
    }

    // ---- step 2: the checklist

    private void showChecklist(List<AgencySectors> offered) {
        add(sectorStep(offered, true));
        Section step = new Section();
        step.setId("selfcheck-checklist");
        H2 stepTitle = new H2(getTranslation("selfcheck.step2"));
        stepTitle.setId("selfcheck-step2-title");
        step.add(stepTitle, new Paragraph(getTranslation("selfcheck.step2.lead")));
        focusIfAsked(stepTitle);
        progress.setId("selfcheck-progress");
        progress.setMin(0);
        progress.setMax(Math.max(1, checklist.points().size()));
        progressText.setId("selfcheck-progress-text");
        progress.getElement().setAttribute("aria-label", getTranslation("selfcheck.progress.label"));
        Div progressLine = new Div(progressText, progress);
        progressLine.addClassName("selfcheck-progress");
        progressLine.addClassName("selfcheck-no-print");
        // on paper the folded first step is not printed: the sectors the form is for are
        Paragraph printedSectors = new Paragraph(ReaderScript.markSpliced(getTranslation("selfcheck.report.sectors",
                ReaderScript.splice(String.join("、", checklist.sectors())))));
        printedSectors.setId("selfcheck-checklist-sectors");
        printedSectors.addClassName("lists-print-only");
        step.add(printedSectors, progressLine);
        for (RiskPoint p : checklist.points()) {
            step.add(item(p));
        }
        answerError.setId("selfcheck-answer-error");
        answerError.addClassName("selfcheck-error");
        answerError.getElement().setAttribute("role", "alert");
        Button report = new Button(getTranslation("selfcheck.makeReport"), e -> makeReport());
        report.setId("selfcheck-make-report");
        report.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Anchor restart = new Anchor(ROUTE, getTranslation("selfcheck.restart"));
        restart.setId("selfcheck-restart");
        HorizontalLayout buttons = new HorizontalLayout(report, restart);
        buttons.setAlignItems(FlexComponent.Alignment.BASELINE);
        buttons.setWrap(true);
        buttons.addClassName("selfcheck-no-print");
        step.add(answerError, buttons);
        add(step);
        updateProgress();
        // the checklist prints as a form to fill in on paper: the sectors, each risk with a box before each measure
        // and its answers, without the buttons, links and progress bar
        ListsUi.addPrintStyle(this);
    }

    private Div item(RiskPoint p) {
        Div item = new Div();
        item.setId("selfcheck-item-" + p.id());
        item.addClassName("selfcheck-item");
        H3 title = ReaderScript.markContent(new H3(ReaderScript.forReader(p.title())));
        title.add(new Span(" "), levelBadge(p.level()));
        if (p.sample()) {
            title.add(new Span(" "), ListsUi.sampleBadge(this));
        }
        item.add(title, ReaderScript.markContent(new Paragraph(ReaderScript.forReader(p.risk()))));
        Paragraph measuresTitle = new Paragraph(getTranslation("selfcheck.measures"));
        measuresTitle.addClassName("selfcheck-label");
        UnorderedList measures = ReaderScript.markContent(new UnorderedList());
        measures.addClassName("selfcheck-measures");
        ReaderScript.forReader(p.prevention()).forEach(m -> measures.add(new ListItem(m)));
        item.add(measuresTitle, measures);

        RadioButtonGroup<Status> answer = new RadioButtonGroup<>();
        answer.setId("selfcheck-answer-" + p.id());
        answer.setLabel(getTranslation("selfcheck.question"));
        // dozens of groups share the visible label: the accessible name also says which risk
        String riskTitle = ReaderScript.forReader(p.title());
        answer.setAriaLabel(riskTitle + getTranslation("lists.colon") + getTranslation("selfcheck.question"));
        // "some are in place" only where there are several measures: a single one ticked would be all of them
        answer.setItems(SelfCheckService.answersFor(p));
        answer.setItemLabelGenerator(s -> getTranslation("selfcheck.answer." + s.name()));
        answer.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        CheckboxGroup<Integer> done = new CheckboxGroup<>();
        done.setId("selfcheck-measures-" + p.id());
        // on paper the measures listed above carry the boxes to tick, whatever the answer
        done.addClassName("selfcheck-no-print");
        done.setLabel(getTranslation("selfcheck.measuresDone"));
        done.setAriaLabel(riskTitle + getTranslation("lists.colon") + getTranslation("selfcheck.measuresDone"));
        List<String> texts = ReaderScript.forReader(p.prevention());
        done.setItems(IntStream.range(0, texts.size()).boxed().toList());
        done.setItemLabelGenerator(texts::get);
        done.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        // each box is labelled with a measure, the list's own Chinese words (the group's label is translated)
        done.getChildren().forEach(ReaderScript::markContent);
        SelfCheckAnswer given = answers.get(p.id());
        if (given != null) {
            answer.setValue(given.status());
            done.setValue(new TreeSet<>(given.measuresDone().stream().filter(i -> i >= 0 && i < texts.size()).toList()));
        }
        done.setVisible(given != null && given.status() == Status.PARTLY);
        answer.addValueChangeListener(e -> {
            answer.setInvalid(false);
            done.setInvalid(false);
            done.setVisible(e.getValue() == Status.PARTLY);
            remember(p.id(), e.getValue(), done.getValue());
        });
        done.addValueChangeListener(e -> {
            done.setInvalid(false);
            remember(p.id(), answer.getValue(), e.getValue());
        });
        answerFields.put(p.id(), answer);
        measureFields.put(p.id(), done);
        Anchor details = new Anchor("risks/" + URLEncoder.encode(p.id(), StandardCharsets.UTF_8),
                getTranslation("selfcheck.details"));
        details.setTarget("_blank");
        details.getElement().setAttribute("aria-label", getTranslation("selfcheck.details") + getTranslation("lists.colon") + riskTitle);
        Paragraph detailsLine = new Paragraph(details);
        detailsLine.addClassNames("selfcheck-details", "selfcheck-no-print");
        item.add(answer, done, detailsLine);
        return item;
    }

    private void remember(String id, Status status, Set<Integer> measuresDone) {
        if (status == null) {
            answers.remove(id);
        } else {
            // with the fingerprint of the measures answered for, so the address is not read against other ones later
            answers.put(id, new SelfCheckAnswer(status, measuresDone == null ? Set.of() : measuresDone,
                    checklist.point(id).map(p -> SelfCheckAnswer.fingerprint(p.prevention())).orElse(null)));
        }
        updateProgress();
        // the address carries the answers, so a reload or the language switch keeps them
        UI.getCurrent().getPage().getHistory().replaceState(null, new Location(ROUTE, query(sectors, answers, false)));
    }

    private void updateProgress() {
        int total = checklist == null ? 0 : checklist.points().size();
        progress.setValue(Math.min(answers.size(), Math.max(1, total)));
        progressText.setText(getTranslation("selfcheck.progress", answers.size(), total));
    }

    private void makeReport() {
        answerError.setText("");
        answerFields.values().forEach(f -> f.setInvalid(false));
        measureFields.values().forEach(f -> f.setInvalid(false));
        try {
            service.report(sectors, answers);
            navigateToStep(query(sectors, answers, true));
        } catch (ValidationFailure refused) {
            if (listChanged(refused)) {
                // a risk or sector left the list since the page was built: open the page again, which leaves the
                // answers out that no longer apply and says how many
                UI.getCurrent().navigate(ROUTE, query(sectors, answers, false));
                return;
            }
            showProblems(refused);
        }
    }

    /** True when the answers were refused because the list changed under the page (no field of the page to mark). */
    private static boolean listChanged(ValidationFailure refused) {
        return refused.problems().stream().anyMatch(p -> "sectors".equals(p.field())
                || "selfcheck.error.notInChecklist".equals(p.messageKey()));
    }

    /**
     * Marks each refused answer at its risk: the measures group turns invalid with the message. The line under the
     * checklist names the first risk in error (in the page's order) and the focus goes to its measures, scrolled into
     * view, so that a long checklist does not leave the reader at the button with the mistake out of sight. Every
     * answer stays.
     */
    private void showProblems(ValidationFailure refused) {
        Map<String, String> texts = new HashMap<>();
        String unplaced = null;
        for (FieldProblem problem : refused.problems()) {
            String text = message(problem);
            CheckboxGroup<Integer> measures = measureFields.get(problem.field());
            if (measures != null) {
                measures.setErrorMessage(text);
                measures.setInvalid(true);
                texts.putIfAbsent(problem.field(), text);
            } else if (unplaced == null) {
                unplaced = text;
            }
        }
        RiskPoint first = checklist.points().stream().filter(p -> texts.containsKey(p.id())).findFirst().orElse(null);
        if (first == null) {
            answerError.setText(unplaced);
            return;
        }
        String named = getTranslation("selfcheck.error.at", ReaderScript.forReader(first.title()), texts.get(first.id()));
        String line = texts.size() > 1 ? getTranslation("selfcheck.error.summary", texts.size()) + " " + named : named;
        // a problem of no risk (the answers as a whole) is said too
        answerError.setText(unplaced == null ? line : line + " " + unplaced);
        // to the first risk in error: its first measure takes the focus, the group is brought to the middle of the
        // window (clear of the sticky progress line)
        measureFields.get(first.id()).getElement().executeJs("""
                const box = this.querySelector('vaadin-checkbox');
                if (box) { box.focus(); }
                this.scrollIntoView({block: 'center'});
                """);
    }

    // ---- step 3: the report

    private void showReport(Report report) {
        Section section = new Section();
        section.setId("selfcheck-report");
        section.addClassName("selfcheck-report");
        H2 title = new H2(getTranslation("selfcheck.report.title"));
        title.setId("selfcheck-report-title");
        section.add(title);
        focusIfAsked(title);
        section.add(new Paragraph(getTranslation("selfcheck.report.date", report.date().toString())),
                new Paragraph(ReaderScript.markSpliced(getTranslation("selfcheck.report.sectors",
                        ReaderScript.splice(String.join("、", report.sectors()))))));
        if (report.sample()) {
            Paragraph sample = new Paragraph(ListsUi.sampleBadge(this), new Span(" " + getTranslation("selfcheck.report.sample")));
            sample.setId("selfcheck-report-sample");
            section.add(sample);
        }
        Paragraph summary = new Paragraph(getTranslation("selfcheck.report.summary", report.findings().size(),
                report.findingsAt("高"), report.findingsAt("中"), report.findingsAt("低"), report.done().size(),
                report.notApplicable().size(), report.unanswered().size()));
        summary.setId("selfcheck-report-summary");
        summary.addClassName("selfcheck-summary");
        section.add(summary);

        Section findings = new Section(new H3(getTranslation("selfcheck.report.findings")));
        findings.setId("selfcheck-report-findings");
        if (report.findings().isEmpty()) {
            findings.add(new Paragraph(getTranslation("selfcheck.report.noFindings")));
        }
        Function<cn.gov.enforcement.portal.lists.Citation, java.util.Optional<String>> links = service.citationLinks();
        for (Finding f : report.findings()) {
            findings.add(finding(f, report.agencies().get(f.point().agency()), links));
        }
        section.add(findings);
        section.add(compact("selfcheck-report-unanswered", "selfcheck.report.unanswered", report.unanswered(),
                getTranslation("selfcheck.report.unansweredHint")));
        section.add(compact("selfcheck-report-done", "selfcheck.report.done", report.done(), null));
        section.add(compact("selfcheck-report-not-applicable", "selfcheck.report.notApplicable", report.notApplicable(), null));
        section.add(feedbackForm());
        Paragraph disclaimer = new Paragraph(getTranslation("selfcheck.report.disclaimer"));
        disclaimer.setId("selfcheck-report-disclaimer");
        Paragraph keep = new Paragraph(getTranslation("selfcheck.report.keep"));
        keep.addClassName("selfcheck-no-print");
        section.add(disclaimer, keep);

        Button print = ListsUi.printButton(this);
        print.setText(getTranslation("selfcheck.report.print"));
        Button edit = new Button(getTranslation("selfcheck.report.edit"),
                e -> navigateToStep(query(sectors, answers, false)));
        edit.setId("selfcheck-edit");
        Anchor restart = new Anchor(ROUTE, getTranslation("selfcheck.restart"));
        restart.setId("selfcheck-restart");
        HorizontalLayout buttons = new HorizontalLayout(print, edit, restart);
        buttons.setAlignItems(FlexComponent.Alignment.BASELINE);
        buttons.setWrap(true);
        buttons.addClassName("selfcheck-no-print");
        add(section, buttons);
        ListsUi.addPrintStyle(this);
    }

    /** Session attribute: the sectors and answers this browser session has sent anonymously. */
    static final String SENT = SelfCheckView.class.getName() + ".sent";

    @SuppressWarnings("unchecked")
    private static void rememberSent(String key) {
        com.vaadin.flow.server.VaadinSession session = com.vaadin.flow.server.VaadinSession.getCurrent();
        if (session == null) {
            return;
        }
        java.util.Set<String> sent = session.getAttribute(SENT) instanceof java.util.Set<?> before
                ? (java.util.Set<String>) before : new java.util.HashSet<>();
        if (sent.size() < 50) {
            sent.add(key);
        }
        session.setAttribute(SENT, sent);
    }

    /** Sending the answers anonymously to the agencies, if the business wants to. */
    private Div feedbackForm() {
        Div box = new Div();
        box.setId("selfcheck-feedback");
        box.addClassNames("selfcheck-feedback", "selfcheck-no-print");
        Paragraph result = new Paragraph();
        result.setId("selfcheck-feedback-result");
        result.getElement().setAttribute("role", "status");
        Button send = new Button(getTranslation("selfcheck.feedback.submit"));
        send.setId("selfcheck-feedback-submit");
        send.setDisableOnClick(true);
        // this browser session sent these very answers already (a reload of the report): no second button
        String sentKey = String.join(",", sectors) + "|" + SelfCheckState.format(answers);
        com.vaadin.flow.server.VaadinSession session = com.vaadin.flow.server.VaadinSession.getCurrent();
        if (session != null && session.getAttribute(SENT) instanceof java.util.Set<?> sentBefore
                && sentBefore.contains(sentKey)) {
            send.setVisible(false);
            result.setText(getTranslation("selfcheck.feedback.sentBefore"));
        }
        send.addClickListener(e -> {
            try {
                int sent = feedback.submit(sectors, answers, ClientAddress.current());
                result.setText(getTranslation("selfcheck.feedback.thanks", sent));
                send.setVisible(false);
                rememberSent(sentKey);
            } catch (ValidationFailure refused) {
                if (listChanged(refused)) {
                    UI.getCurrent().navigate(ROUTE, query(sectors, answers, true));
                    return;
                }
                result.setText(message(refused.problems().get(0)));
                send.setEnabled(true);
            }
        });
        box.add(new H3(getTranslation("selfcheck.feedback.title")), new Paragraph(getTranslation("selfcheck.feedback.lead")),
                send, result);
        return box;
    }

    private Div finding(Finding f, AgencyContact agency,
            Function<cn.gov.enforcement.portal.lists.Citation, java.util.Optional<String>> links) {
        RiskPoint p = f.point();
        Div card = new Div();
        card.setId("selfcheck-finding-" + p.id());
        card.addClassName("selfcheck-finding");
        Anchor name = ReaderScript.markContent(
                new Anchor("risks/" + URLEncoder.encode(p.id(), StandardCharsets.UTF_8), ReaderScript.forReader(p.title())));
        name.addClassName("selfcheck-finding-title");
        H4 heading = new H4(name, new Span(" "), levelBadge(p.level()));
        Span status = new Span(getTranslation("selfcheck.report.status." + f.status().name()));
        status.addClassName("selfcheck-status");
        card.add(heading, status);
        card.add(label("selfcheck.report.todo"), checkboxList(f.todo()));
        if (!f.inPlace().isEmpty()) {
            UnorderedList inPlace = ReaderScript.markContent(new UnorderedList());
            ReaderScript.forReader(f.inPlace()).forEach(m -> inPlace.add(new ListItem(m)));
            card.add(label("selfcheck.report.inPlace"), inPlace);
        }
        Paragraph consequence = ReaderScript.markContent(new Paragraph(ReaderScript.forReader(p.consequence())));
        consequence.addClassName("selfcheck-consequence");
        card.add(label("selfcheck.report.consequence"), consequence);
        List<cn.gov.enforcement.portal.lists.Citation> basis = new ArrayList<>(p.basisObligation());
        basis.addAll(p.basisPenalty());
        card.add(label("selfcheck.report.basis"), ListsUi.citationList(basis, links));
        if (!f.related().isEmpty()) {
            Div related = new Div();
            related.addClassName("selfcheck-related");
            related.add(new Paragraph(getTranslation("selfcheck.report.related")));
            UnorderedList items = new UnorderedList();
            for (ExemptionItem e : f.related()) {
                String id = URLEncoder.encode(e.id(), StandardCharsets.UTF_8);
                Anchor item = ReaderScript.markContent(new Anchor("exemptions/" + id, ReaderScript.forReader(e.violation())));
                Anchor check = new Anchor("exemptions/" + id + "/check", getTranslation("selfcheck.report.relatedCheck"));
                Span checkLink = new Span(new Span(" · "), check);
                checkLink.addClassName("selfcheck-no-print");
                items.add(new ListItem(item, new Span(" · " + getTranslation(ListsUi.kindKey(e.kind()))), checkLink));
            }
            related.add(items);
            card.add(related);
        }
        if (agency != null) {
            // the agency's name marked where it is Chinese content in a sentence of another language
            String agencyName = ReaderScript.splice(agency.name());
            Paragraph ask = new Paragraph(ReaderScript.markSpliced(agency.supervisionPhone().isPresent()
                    ? getTranslation("selfcheck.report.ask", agencyName, agency.supervisionPhone().get())
                    : getTranslation("selfcheck.report.askNoPhone", agencyName)));
            ask.addClassName("selfcheck-ask");
            card.add(ask);
            if (agency.discretion()) {
                Anchor discretion = new Anchor("discretion/" + URLEncoder.encode(agency.id(), StandardCharsets.UTF_8),
                        ReaderScript.markSpliced(getTranslation("selfcheck.report.discretion", agencyName)));
                discretion.addClassName("selfcheck-no-print");
                card.add(new Paragraph(discretion));
            }
        }
        return card;
    }

    /** The measures still to take, each with an empty box to tick on paper. */
    private UnorderedList checkboxList(List<String> texts) {
        UnorderedList list = ReaderScript.markContent(new UnorderedList());
        list.addClassName("selfcheck-todo");
        ReaderScript.forReader(texts).forEach(t -> list.add(new ListItem("☐ " + t)));
        return list;
    }

    private Section compact(String id, String titleKey, List<RiskPoint> points, String hint) {
        Section section = new Section();
        section.setId(id);
        if (points.isEmpty()) {
            section.setVisible(false);
            return section;
        }
        section.add(new H3(getTranslation(titleKey) + getTranslation("selfcheck.report.count", points.size())));
        if (hint != null) {
            section.add(new Paragraph(hint));
        }
        UnorderedList list = new UnorderedList();
        for (RiskPoint p : points) {
            list.add(new ListItem(ReaderScript.markContent(new Anchor("risks/" + URLEncoder.encode(p.id(), StandardCharsets.UTF_8),
                    ReaderScript.forReader(p.title()))), new Span(" "), levelBadge(p.level())));
        }
        section.add(list);
        return section;
    }

    private Paragraph label(String key) {
        Paragraph label = new Paragraph(getTranslation(key));
        label.addClassName("selfcheck-label");
        return label;
    }

    private Span levelBadge(String level) {
        Span badge = new Span(getTranslation("selfcheck.level", getTranslation(ListsUi.levelKey(level))));
        badge.getElement().getThemeList().add(switch (level) {
            case "高" -> "badge error";
            case "中" -> "badge";
            default -> "badge contrast";
        });
        badge.addClassName("selfcheck-level");
        return badge;
    }

    // ---- the address

    static QueryParameters query(List<String> sectors, Map<String, SelfCheckAnswer> answers, boolean report) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("sector", List.copyOf(sectors));
        String a = SelfCheckState.format(answers);
        if (!a.isEmpty()) {
            params.put("a", List.of(a));
        }
        if (report) {
            params.put("report", List.of("1"));
        }
        return new QueryParameters(params);
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private String message(FieldProblem problem) {
        return getTranslation(problem.messageKey(), problem.args());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("selfcheck.pageTitle");
    }
}
