package cn.gov.enforcement.portal.mediation;

import cn.gov.enforcement.portal.platform.Selects;
import cn.gov.enforcement.portal.platform.ValidationFailure;
import cn.gov.enforcement.portal.platform.ViewParameters;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.dao.OptimisticLockingFailureException;
import java.util.List;

/**
 * Officers' queue of their own agency's mediation cases with the acceptance decision. An
 * administrator chooses the agency. Filters by status, in mediation, overdue and assigned to me; the cases come
 * {@link MediationBackOffice#PAGE_SIZE} to a page, newest first, with previous and next page buttons. Each case
 * opens on its case page ({@link MediationCaseView}) for the further steps.
 */
@Route("staff/mediation")
@Menu(order = 80, title = "menu.staff.mediation")
@RolesAllowed({"OFFICER", "ADMIN"})
public class MediationQueueView extends Div implements HasDynamicTitle, BeforeEnterObserver {

    private final transient MediationBackOffice backOffice;
    private final Select<String> agency = Selects.create();
    private final Select<CaseStatus> status = Selects.create();
    private final Checkbox overdueOnly = new Checkbox();
    private final Checkbox inMediationOnly = new Checkbox();
    private final Checkbox mineOnly = new Checkbox();
    private final Div rows = new Div();
    private final Button previous = new Button();
    private final Button next = new Button();
    private final Span pageInfo = new Span();
    /** The page shown, from 0. */
    private int page;
    /** True while beforeEnter sets the filters from the URL: one refresh follows, not one per filter. */
    private boolean restoring;
    /** The reason field of each case row shown that takes the acceptance decision, by case number. */
    private final java.util.Map<String, TextField> reasons = new java.util.HashMap<>();

    public MediationQueueView(MediationBackOffice backOffice, MediationService service) {
        this.backOffice = backOffice;
        addClassName("mediation-queue-view");
        add(new H1(getTranslation("mediation.queue.title")));
        agency.setId("mediation-queue-agency");
        agency.setLabel(getTranslation("mediation.queue.agency"));
        agency.setPlaceholder(getTranslation("mediation.queue.agency.placeholder"));
        // an administrator may open every agency's queue, also one no category is routed to any more (the workbench
        // counts the open cases of every agency and links here with it)
        List<String> queueAgencies = backOffice.queueAgencies();
        agency.setItems(queueAgencies);
        agency.setItemLabelGenerator(id -> service.agencyName(id, getLocale()));
        cn.gov.enforcement.portal.platform.FieldWidths.fitLongest(agency,
                queueAgencies.stream().map(id -> service.agencyName(id, getLocale())).toList());
        agency.addValueChangeListener(e -> filterChanged());
        status.setId("mediation-queue-status");
        status.setLabel(getTranslation("mediation.queue.filter.status"));
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("mediation.queue.filter.all"));
        status.setItems(CaseStatus.values());
        status.setItemLabelGenerator(s -> s == null ? getTranslation("mediation.queue.filter.all") : getTranslation(s.messageKey()));
        status.addValueChangeListener(e -> filterChanged());
        overdueOnly.setId("mediation-queue-overdue");
        overdueOnly.setLabel(getTranslation("mediation.queue.filter.overdue"));
        overdueOnly.addValueChangeListener(e -> filterChanged());
        inMediationOnly.setId("mediation-queue-in-mediation");
        inMediationOnly.setLabel(getTranslation("mediation.queue.filter.inMediation"));
        inMediationOnly.addValueChangeListener(e -> filterChanged());
        mineOnly.setId("mediation-queue-mine");
        mineOnly.setLabel(getTranslation("mediation.queue.filter.mine"));
        mineOnly.addValueChangeListener(e -> filterChanged());
        rows.setId("mediation-queue");
        // an administrator without cases of an agency of their own chooses the agency
        boolean admin = isAdminView() && !backOffice.hasOwnCases();
        agency.setVisible(admin);
        HorizontalLayout filters = new HorizontalLayout(agency, status, inMediationOnly, overdueOnly, mineOnly);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        Div links = new Div(new Anchor("staff/mediation/statistics", getTranslation("mediation.stats.title")));
        links.setId("mediation-staff-links");
        if (!admin) {
            links.add(new Span(" · "), new Anchor("staff/mediation/letters", getTranslation("mediation.letter.title")));
        } else {
            links.add(new Span(" · "), new Anchor("staff/mediation/audit", getTranslation("mediation.audit.title")));
        }
        previous.setText(getTranslation("mediation.queue.previous"));
        previous.setId("mediation-queue-previous");
        previous.addClickListener(e -> showPage(page - 1));
        next.setText(getTranslation("mediation.queue.next"));
        next.setId("mediation-queue-next");
        next.addClickListener(e -> showPage(page + 1));
        pageInfo.setId("mediation-queue-page");
        HorizontalLayout pager = new HorizontalLayout(previous, pageInfo, next);
        pager.setId("mediation-queue-pager");
        pager.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(links, filters, rows, pager);
        // the first page unfiltered; beforeEnter shows it again with the filters of the address, when navigated to
        refresh();
    }

    private void filterChanged() {
        if (!restoring) {
            page = 0;
            refresh();
            keepInAddress();
        }
    }

    private void showPage(int number) {
        page = Math.max(0, number);
        refresh();
        keepInAddress();
    }

    /**
     * {@code ?agency=<id>} chooses the agency (administrators only), {@code ?status=<STATUS>},
     * {@code ?stage=mediation} (the cases in mediation, whatever their status) and {@code ?overdue=true} set the
     * filters: the staff workbench links here with them; {@code ?mine=true} shows the cases assigned to the caller and
     * {@code ?page=<n>} (from 1) the page. The address keeps the filters and the page as they change. Unknown values
     * leave the filter unset; a page after the last shows the last.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters();
        restoring = true;
        try {
            ViewParameters.chooseOffered(agency, parameters, "agency");
            // the address names every filter set: one it leaves out is not set (also when the page is opened again
            // with another address)
            status.setValue(parameters.getSingleParameter("status")
                    .flatMap(name -> java.util.Arrays.stream(CaseStatus.values()).filter(s -> s.name().equals(name)).findFirst())
                    .orElse(null));
            overdueOnly.setValue(parameters.getSingleParameter("overdue").filter("true"::equals).isPresent());
            inMediationOnly.setValue(parameters.getSingleParameter("stage").filter("mediation"::equals).isPresent());
            mineOnly.setValue(parameters.getSingleParameter("mine").filter("true"::equals).isPresent());
            page = parameters.getSingleParameter("page").filter(v -> v.matches("[1-9][0-9]{0,5}"))
                    .map(v -> Integer.parseInt(v) - 1).orElse(0);
        } finally {
            restoring = false;
        }
        refresh();
    }

    /** Puts the filters and the page shown into the browser's address, so that a reload or a link keeps them. */
    private void keepInAddress() {
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                new com.vaadin.flow.router.Location("staff/mediation", shownParameters())));
    }

    /** The address of the queue as shown: the filters set and the page. */
    private com.vaadin.flow.router.QueryParameters shownParameters() {
        java.util.Map<String, List<String>> query = new java.util.LinkedHashMap<>();
        if (agency.isVisible() && agency.getValue() != null) {
            query.put("agency", List.of(agency.getValue()));
        }
        if (status.getValue() != null) {
            query.put("status", List.of(status.getValue().name()));
        }
        if (inMediationOnly.getValue()) {
            query.put("stage", List.of("mediation"));
        }
        if (overdueOnly.getValue()) {
            query.put("overdue", List.of("true"));
        }
        if (mineOnly.getValue()) {
            query.put("mine", List.of("true"));
        }
        if (page > 0) {
            query.put("page", List.of(String.valueOf(page + 1)));
        }
        return new com.vaadin.flow.router.QueryParameters(query);
    }

    private static boolean isAdminView() {
        com.vaadin.flow.server.VaadinRequest request = com.vaadin.flow.server.VaadinRequest.getCurrent();
        return request != null && request.isUserInRole("ADMIN");
    }

    private void refresh() {
        rows.removeAll();
        reasons.clear();
        MediationBackOffice.QueueFilter filter = new MediationBackOffice.QueueFilter(status.getValue(),
                overdueOnly.getValue(), mineOnly.getValue(), inMediationOnly.getValue());
        MediationBackOffice.QueuePage shown = agency.isVisible()
                ? (agency.getValue() == null ? new MediationBackOffice.QueuePage(List.of(), 0, 0)
                        : backOffice.queuePage(agency.getValue(), filter, page))
                : backOffice.ownQueuePage(filter, page);
        page = shown.page();
        List<CaseSummary> cases = shown.cases();
        previous.setEnabled(page > 0);
        next.setEnabled(page + 1 < shown.pages());
        pageInfo.setText(getTranslation("mediation.queue.page", page + 1, shown.pages(), shown.total()));
        if (cases.isEmpty()) {
            // an administrator who has chosen no agency yet is asked to, not told there are no cases
            boolean noAgencyChosen = agency.isVisible() && agency.getValue() == null;
            Paragraph empty = new Paragraph(getTranslation(noAgencyChosen ? "mediation.queue.chooseAgency" : "mediation.queue.empty"));
            empty.setId("mediation-queue-empty");
            rows.add(empty);
        }
        for (CaseSummary c : cases) {
            Div row = new Div();
            row.addClassName("mediation-queue-row");
            row.getElement().setAttribute("data-case", c.caseNumber());
            Anchor open = new Anchor("staff/mediation/case/" + c.caseNumber(), c.caseNumber());
            open.addClassName("mediation-open-case");
            row.add(open);
            if (c.mediator() != null) {
                row.add(new Span(" " + getTranslation("mediation.case.mediatorIs", c.mediator())));
            }
            row.add(new Paragraph(getTranslation("mediation.queue.row", c.caseNumber(), getTranslation(c.category().messageKey()),
                    getTranslation(c.status().messageKey()), c.applicantName(), c.phoneMasked(),
                    c.due() == null ? "—" : c.due().toString())));
            if (c.applicantWaiting()) {
                Span waiting = new Span(getTranslation("mediation.queue.applicantWaiting"));
                waiting.addClassName("mediation-applicant-waiting");
                row.add(waiting, new Span(" "));
            }
            if (c.overdue()) {
                Span overdue = new Span(getTranslation("mediation.queue.overdue"));
                overdue.addClassName("overdue");
                row.add(overdue);
            }
            if (c.status() == CaseStatus.SUBMITTED) {
                TextField reason = new TextField(getTranslation("mediation.queue.reason"));
                reason.addClassName("mediation-queue-reason");
                // every pending row has these controls: their accessible names say which case they act on
                reason.setAriaLabel(getTranslation("mediation.queue.reason.aria", c.caseNumber()));
                reasons.put(c.caseNumber(), reason);
                Button accept = new Button(getTranslation("mediation.queue.accept"),
                        e -> act(c.caseNumber(), reason, () -> backOffice.accept(c.caseNumber(), reason.getValue())));
                accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                accept.addClassName("mediation-accept");
                accept.setAriaLabel(getTranslation("mediation.queue.accept.aria", c.caseNumber()));
                Button notAccept = new Button(getTranslation("mediation.queue.notAccept"),
                        e -> act(c.caseNumber(), reason, () -> backOffice.notAccept(c.caseNumber(), reason.getValue())));
                notAccept.addClassName("mediation-not-accept");
                notAccept.setAriaLabel(getTranslation("mediation.queue.notAccept.aria", c.caseNumber()));
                HorizontalLayout actions = new HorizontalLayout(reason, accept, notAccept);
                actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
                // on a phone the field and the two buttons do not fit one line: they wrap, the page does not scroll
                actions.setWrap(true);
                actions.addClassName("mediation-queue-actions");
                row.add(actions);
            }
            rows.add(row);
        }
    }

    private void act(String caseNumber, TextField reason, Runnable action) {
        try {
            action.run();
            refresh();
        } catch (ValidationFailure failure) {
            reason.setInvalid(true);
            reason.setErrorMessage(getTranslation(failure.problems().get(0).messageKey(), failure.problems().get(0).args()));
        } catch (IllegalTransitionException | OptimisticLockingFailureException concurrent) {
            // another officer decided or changed the case meanwhile (at the same moment, or since this queue was shown)
            // and nothing was stored: show the queue as it is now and say so, with what this officer typed still in
            // the case's reason field when the case still awaits the decision
            String typed = reason.getValue();
            refresh();
            TextField again = reasons.get(caseNumber);
            if (again != null) {
                again.setValue(typed);
                again.setInvalid(true);
                again.setErrorMessage(getTranslation("mediation.case.changed"));
            } else {
                Paragraph notice = new Paragraph(getTranslation("mediation.case.changed"));
                notice.setId("mediation-queue-changed");
                notice.getElement().setAttribute("role", "alert");
                rows.addComponentAsFirst(notice);
            }
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("mediation.queue.title");
    }
}
