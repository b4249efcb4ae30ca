package cn.gov.enforcement.portal.mediation;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** For administrators: who opened which case file when (views, downloads, documents). */
@Route("staff/mediation/audit")
@RolesAllowed("ADMIN")
public class MediationAuditView extends Div implements HasDynamicTitle {

    private final transient MediationAudit audit;
    private final Grid<AuditRecord> grid = new Grid<>();
    private final TextField caseNumber = new TextField();
    private final transient MediationService service;

    public MediationAuditView(MediationAudit audit, MediationService service) {
        this.audit = audit;
        add(new H1(getTranslation("mediation.audit.title")), new Paragraph(getTranslation("mediation.audit.lead", MediationAudit.PAGE)));
        caseNumber.setId("mediation-audit-case");
        caseNumber.setLabel(getTranslation("mediation.track.number"));
        Button show = new Button(getTranslation("mediation.audit.show"), e -> refresh());
        show.setId("mediation-audit-show");
        HorizontalLayout filter = new HorizontalLayout(caseNumber, show);
        filter.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        grid.setId("mediation-audit-grid");
        this.service = service;
        // on a phone or a tablet one column instead, each opening a short card: the five columns scrolled sideways
        // inside the grid
        cn.gov.enforcement.portal.platform.NarrowWindow.cards(this, grid, this::wideColumns, "entry",
                getTranslation("mediation.audit.column.entry"), this::card);
        grid.setAllRowsVisible(true);
        add(filter, grid);
        refresh();
    }

    private void wideColumns() {
        grid.addColumn(this::at).setKey("at").setHeader(getTranslation("mediation.audit.at"));
        grid.addColumn(AuditRecord::username).setKey("user").setHeader(getTranslation("mediation.audit.user"));
        grid.addColumn(AuditRecord::caseNumber).setKey("case").setHeader(getTranslation("mediation.track.number"));
        grid.addColumn(this::agency).setKey("agency").setHeader(getTranslation("mediation.queue.agency"));
        grid.addColumn(this::action).setKey("action").setHeader(getTranslation("mediation.audit.action"));
    }

    /** An opening on a narrow window: what was opened, then the case, the agency, who and when. */
    private Div card(AuditRecord r) {
        String colon = getTranslation("mediation.colon");
        return cn.gov.enforcement.portal.platform.NarrowWindow.factCard(action(r), colon,
                getTranslation("mediation.track.number"), r.caseNumber(), getTranslation("mediation.queue.agency"),
                agency(r), getTranslation("mediation.audit.user"), r.username(), getTranslation("mediation.audit.at"),
                at(r));
    }

    private String at(AuditRecord r) {
        return ViewSupport.format(r.at(), service.settings().zone());
    }

    private String agency(AuditRecord r) {
        return service.agencyName(r.agencyId(), getLocale());
    }

    private String action(AuditRecord r) {
        return getTranslation("mediation.audit.action." + r.action());
    }

    private void refresh() {
        grid.setItems(audit.entries(caseNumber.getValue()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("mediation.audit.title");
    }
}
