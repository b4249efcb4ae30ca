package cn.gov.enforcement.portal.lists;

import cn.gov.enforcement.portal.platform.Selects;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/** The audit log of the lists' back office: who did what and when (editors: their own agency). */
@Route("staff/lists/audit")
@RolesAllowed({"EDITOR", "ADMIN"})
public class ListsAuditView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final transient ListsBackOffice backOffice;
    private final transient ListsCatalog catalog;
    private final Select<String> agency = Selects.create();
    private final Div log = new Div();

    public ListsAuditView(ListsBackOffice backOffice, ListsCatalog catalog) {
        this.backOffice = backOffice;
        this.catalog = catalog;
        addClassName("lists-audit-view");
        add(new Anchor("staff/lists", getTranslation("lists.admin.back")), new H1(getTranslation("lists.admin.auditTitle")));
        ListsUi.agencyPicker(agency, "lists-audit-agency", "staff/lists/audit", catalog);
        log.setId("lists-audit-log");
        add(agency, log);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String chosen = ListsUi.chooseAgency(agency, backOffice.agencies(), event);
        log.removeAll();
        if (chosen == null) {
            if (agency.isVisible()) {
                // an administrator whose link named an agency not offered is asked to choose one
                log.add(new Paragraph(getTranslation("lists.admin.chooseAgency")));
            }
            return;
        }
        agency.setValue(chosen);
        List<ListsBackOffice.AuditRecord> records = backOffice.audit(chosen.isEmpty() ? null : chosen);
        if (records.isEmpty()) {
            log.add(new Paragraph(getTranslation("lists.admin.auditEmpty")));
            return;
        }
        Element table = new Element("table");
        table.getClassList().add("lists-audit-table");
        Element head = new Element("tr");
        head.getClassList().add("lists-audit-head");
        List<String> headers = List.of("lists.admin.audit.at", "lists.admin.audit.actor", "lists.admin.audit.agency",
                "lists.admin.audit.entry", "lists.admin.audit.action", "lists.admin.audit.version").stream()
                .map(this::getTranslation).toList();
        headers.forEach(header -> head.appendChild(new Element("th").setText(header)));
        table.appendChild(head);
        for (ListsBackOffice.AuditRecord r : records) {
            Element row = new Element("tr");
            row.getClassList().add("lists-audit-row");
            List<String> cells = List.of(ListEntryHistoryView.TIME.format(r.at()), r.actor(),
                    catalog.agencyName(r.agency()), r.entryId(), getTranslation("lists.admin.action." + r.action()),
                    r.version() == null ? "" : r.version().toString());
            // each cell names its column (data-label): on a narrow window the rows stand as blocks, the names above
            for (int i = 0; i < cells.size(); i++) {
                row.appendChild(new Element("td").setText(cells.get(i)).setAttribute("data-label", headers.get(i)));
            }
            table.appendChild(row);
        }
        Div wrapper = new Div();
        wrapper.getElement().appendChild(table);
        log.add(wrapper);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("lists.admin.auditTitle");
    }
}
