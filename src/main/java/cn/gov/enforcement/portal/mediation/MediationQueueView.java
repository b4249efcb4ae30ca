package cn.gov.enforcement.portal.mediation;

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
 * administrator chooses the agency. Filters by status, overdue and "assigned to me"; each case
 * opens on its case page ({@link MediationCaseView}) for the further steps.
 */
@Route("staff/mediation")
@Menu(order = 80, title = "menu.staff.mediation")
@RolesAllowed({"OFFICER", "ADMIN"})
public class MediationQueueView extends Div implements HasDynamicTitle, BeforeEnterObserver {

    private final transient MediationBackOffice backOffice;
    private final Select<String> agency = new Select<>();
    private final Select<CaseStatus> status = new Select<>();
    private final Checkbox overdueOnly = new Checkbox();
    private final Checkbox inMediationOnly = new Checkbox();
    private final Checkbox mineOnly = new Checkbox();
    private final Div rows = new Div();
    /** The reason field of each case row shown that takes the acceptance decision, by case number. */
    private final java.util.Map<String, TextField> reasons = new java.util.HashMap<>();

    public MediationQueueView(MediationBackOffice backOffice, MediationService service) {
        this.backOffice = backOffice;
        addClassName("mediation-queue-view");
        add(new H1(getTranslation("mediation.queue.title")));
        agency.setId("mediation-queue-agency");
        agency.setLabel(getTranslation("mediation.queue.agency"));
        // an administrator may open every agency's queue, also one no category is routed to any more (the workbench
        // counts the open cases of every agency and links here with it)
        agency.setItems(backOffice.queueAgencies());
        agency.setItemLabelGenerator(id -> service.agencyName(id, getLocale()));
        agency.addValueChangeListener(e -> refresh());
        status.setId("mediation-queue-status");
        status.setLabel(getTranslation("mediation.queue.filter.status"));
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("mediation.queue.filter.all"));
        status.setItems(CaseStatus.values());
        status.setItemLabelGenerator(s -> s == null ? getTranslation("mediation.queue.filter.all") : getTranslation(s.messageKey()));
        status.addValueChangeListener(e -> refresh());
        overdueOnly.setId("mediation-queue-overdue");
        overdueOnly.setLabel(getTranslation("mediation.queue.filter.overdue"));
        overdueOnly.addValueChangeListener(e -> refresh());
        inMediationOnly.setId("mediation-queue-in-mediation");
        inMediationOnly.setLabel(getTranslation("mediation.queue.filter.inMediation"));
        inMediationOnly.addValueChangeListener(e -> refresh());
        mineOnly.setId("mediation-queue-mine");
        mineOnly.setLabel(getTranslation("mediation.queue.filter.mine"));
        mineOnly.addValueChangeListener(e -> refresh());
        rows.setId("mediation-queue");
        List<CaseSummary> own = backOffice.ownQueue();
        boolean admin = own.isEmpty() && isAdminView();
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
        add(links, filters, rows);
        refresh();
    }

    /**
     * {@code ?agency=<id>} chooses the agency (administrators only), {@code ?status=<STATUS>},
     * {@code ?stage=mediation} (the cases in mediation, whatever their status) and {@code ?overdue=true} set the
     * filters: the staff workbench links here with them. Unknown values are ignored.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters();
        ViewParameters.chooseOffered(agency, parameters, "agency");
        parameters.getSingleParameter("status")
                .flatMap(name -> java.util.Arrays.stream(CaseStatus.values()).filter(s -> s.name().equals(name)).findFirst())
                .ifPresent(status::setValue);
        parameters.getSingleParameter("overdue").filter("true"::equals).ifPresent(v -> overdueOnly.setValue(true));
        parameters.getSingleParameter("stage").filter("mediation"::equals).ifPresent(v -> inMediationOnly.setValue(true));
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
        List<CaseSummary> cases = agency.isVisible()
                ? (agency.getValue() == null ? List.of() : backOffice.queue(agency.getValue(), filter))
                : backOffice.ownQueue(filter);
        if (cases.isEmpty()) {
            rows.add(new Paragraph(getTranslation("mediation.queue.empty")));
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
        } catch (IllegalTransitionException alreadyDecided) {
            refresh();
        } catch (OptimisticLockingFailureException concurrent) {
            // another officer changed the case meanwhile and nothing was stored: show the queue as it is now, with
            // what this officer typed still in the case's reason field when the case still awaits the decision
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
