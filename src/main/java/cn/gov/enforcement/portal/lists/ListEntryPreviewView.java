package cn.gov.enforcement.portal.lists;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/**
 * A version of an entry (by default the newest; {@code ?version=} any version of the history) as its public page
 * would show it, so that a reviewer sees what 发布 publishes, and a banner saying it is a preview and whether the public
 * sees this version now. Staff of the entry's agency (administrators: any agency) only: another agency's entry, an
 * unknown id and an unknown version are "not found", as for the form.
 */
@Route("staff/lists/preview/:id")
@RolesAllowed({"EDITOR", "ADMIN"})
public class ListEntryPreviewView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final transient ListsBackOffice backOffice;
    private final transient ListsCatalog catalog;
    private String title = "";

    public ListEntryPreviewView(ListsBackOffice backOffice, ListsCatalog catalog) {
        this.backOffice = backOffice;
        this.catalog = catalog;
        addClassName("list-entry-preview-view");
    }

    /**
     * The version an address asks for ({@code ?version=N}), null for the entry as it is now; anything but a number of
     * up to six digits names no version of the entry.
     */
    static Integer version(String id, String parameter) {
        if (parameter == null) {
            return null;
        }
        if (!parameter.matches("\\d{1,6}")) {
            throw new ListEntryNotFoundException(id);
        }
        return Integer.valueOf(parameter);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("id").orElse("");
        String versionParam = ListsUi.first(event.getLocation().getQueryParameters().getParameters(), "version");
        ListsBackOffice.Preview preview;
        try {
            preview = backOffice.preview(id, version(id, versionParam));
        } catch (ListEntryNotFoundException e) {
            event.rerouteToError(e, "");
            return;
        }
        removeAll();
        String which = preview.version() == 0 ? getTranslation("lists.admin.fromFile")
                : getTranslation("lists.admin.version", preview.version());
        title = getTranslation("lists.preview.pageTitle", which, ListsBackOffice.titleOf(preview.entry()));
        Anchor back = new Anchor("staff/lists?agency=" + preview.agency(), getTranslation("lists.admin.back"));
        back.setId("preview-back");
        Anchor history = new Anchor("staff/lists/history/" + preview.id(), getTranslation("lists.admin.history"));
        history.setId("preview-history");
        Anchor edit = new Anchor("staff/lists/edit/" + preview.kind().folder() + "/" + preview.id(),
                getTranslation("lists.admin.edit"));
        edit.setId("preview-edit");
        HorizontalLayout links = new HorizontalLayout(back, history, edit);
        links.setWrap(true);
        links.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        Div banner = new Div(getTranslation(preview.shownNow() ? "lists.preview.shown" : "lists.preview.hidden", which));
        banner.setId("preview-banner");
        banner.addClassName("lists-preview-banner");
        banner.getElement().setAttribute("role", "note");
        banner.getElement().setAttribute("data-shown", String.valueOf(preview.shownNow()));
        banner.getStyle().set("border", "2px dashed var(--lumo-primary-color)").set("padding", "var(--lumo-space-s)")
                .set("margin", "var(--lumo-space-m) 0").set("font-weight", "600");
        add(links, banner);
        Div body = new Div();
        body.setId("preview-body");
        if (preview.entry() instanceof ExemptionItem e) {
            body.addClassName("exemption-detail-view");
            ListEntryBody.exemption(body, e, catalog, null);
        } else {
            body.addClassName("risk-detail-view");
            ListEntryBody.riskPoint(body, (RiskPoint) preview.entry(), catalog, null);
        }
        add(body);
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
