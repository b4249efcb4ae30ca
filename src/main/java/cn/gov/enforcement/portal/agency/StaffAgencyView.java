package cn.gov.enforcement.portal.agency;

import cn.gov.enforcement.portal.platform.Selects;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;

/**
 * Staff view of an agency record with officers' full names. Officers and editors see their own
 * agency; administrators pick one. Another agency's id gives the same answer as an unknown id.
 */
@Route("staff/agency/:id?")
@RolesAllowed({"OFFICER", "EDITOR", "ADMIN"})
public class StaffAgencyView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final transient AgencyStaffService staff;

    public StaffAgencyView(AgencyStaffService staff) {
        this.staff = staff;
        addClassName("staff-agency-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Optional<String> id = event.getRouteParameters().get("id");
        boolean admin = staff.isAdmin();
        add(new H1(getTranslation(admin ? "agency.staff.titleAll" : "agency.staff.title")));
        if (admin) {
            Select<AgencySummary> picker = Selects.create();
            picker.setId("staff-agency-picker");
            picker.setLabel(getTranslation("agency.staff.pick"));
            picker.setItems(staff.agenciesForAdmin());
            // in the reader's language: the English name on English pages, Traditional characters on zh-TW
            picker.setItemLabelGenerator(a -> a.displayName(getLocale()));
            id.flatMap(v -> staff.agenciesForAdmin().stream().filter(s -> s.id().equals(v)).findFirst()).ifPresent(picker::setValue);
            picker.addValueChangeListener(e -> {
                if (e.isFromClient() && e.getValue() != null) {
                    UI.getCurrent().navigate("staff/agency/" + e.getValue().id());
                }
            });
            add(picker);
        }
        Optional<AgencyDetails> details;
        try {
            details = id.isPresent() ? staff.agency(id.get()) : staff.ownAgency();
        } catch (AccessDeniedException e) {
            details = Optional.empty();
        }
        boolean editor = details.isPresent() && staff.mayEdit(details.get().id());
        if (admin || editor) {
            // who changed the agencies' public details: an administrator's of every agency (this one's when one is
            // shown), an editor's of their own
            Anchor audit = new Anchor(admin && details.isPresent() ? AgencyAuditView.ROUTE + "?agency="
                    + URLEncoder.encode(details.get().id(), StandardCharsets.UTF_8) : AgencyAuditView.ROUTE,
                    getTranslation("agency.staff.auditLink"));
            audit.setId("staff-agency-audit");
            add(new Div(audit));
        }
        if (details.isPresent()) {
            if (editor) {
                String target = "staff/agency/edit/" + details.get().id();
                Button edit = new Button(getTranslation(admin ? "agency.staff.editAny" : "agency.staff.edit"),
                        e -> UI.getCurrent().navigate(target));
                edit.setId("staff-agency-edit");
                edit.addClassName("staff-agency-edit");
                add(edit);
            }
            add(new Paragraph(getTranslation("agency.staff.fullNames")), new AgencyDetailsPanel(details.get(), staff::articleUrls));
        } else if (id.isPresent() || !admin) {
            Paragraph none = new Paragraph(getTranslation("agency.staff.notFound"));
            none.setId("staff-agency-not-found");
            add(none);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation(staff.isAdmin() ? "agency.staff.pageTitleAll" : "agency.staff.pageTitle");
    }
}
