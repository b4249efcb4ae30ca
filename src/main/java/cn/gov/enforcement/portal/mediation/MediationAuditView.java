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
        grid.addColumn(r -> ViewSupport.format(r.at(), service.settings().zone())).setHeader(getTranslation("mediation.audit.at"));
        grid.addColumn(AuditRecord::username).setHeader(getTranslation("mediation.audit.user"));
        grid.addColumn(AuditRecord::caseNumber).setHeader(getTranslation("mediation.track.number"));
        grid.addColumn(r -> service.agencyName(r.agencyId(), getLocale())).setHeader(getTranslation("mediation.queue.agency"));
        grid.addColumn(r -> getTranslation("mediation.audit.action." + r.action())).setHeader(getTranslation("mediation.audit.action"));
        grid.setAllRowsVisible(true);
        add(filter, grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(audit.entries(caseNumber.getValue()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("mediation.audit.title");
    }
}
