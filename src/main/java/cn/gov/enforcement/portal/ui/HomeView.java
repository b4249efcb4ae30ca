package cn.gov.enforcement.portal.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;

/**
 * The home page explains in plain words what service-oriented enforcement means for a reader and
 * lists the services the portal offers today (one card per navigable page, so nothing is
 * promised that is not there).
 */
@Route("")
@Menu(order = 0, title = "menu.home")
@AnonymousAllowed
public class HomeView extends Div implements HasDynamicTitle {

    public HomeView() {
        addClassName("home-view");
        Section intro = new Section();
        intro.addClassName("home-intro");
        intro.add(new H1(getTranslation("home.title")),
                new Paragraph(getTranslation("home.lead")),
                new Paragraph(getTranslation("home.principles")));
        add(intro);

        Section services = new Section();
        services.addClassName("home-services");
        H2 heading = new H2(getTranslation("home.services"));
        services.add(heading);
        Div cards = new Div();
        cards.addClassName("card-grid");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            if (entry.path().isEmpty() || "/".equals(entry.path())) {
                continue;
            }
            String descKey = entry.title() + ".desc";
            Div card = new Div();
            card.addClassName("service-card");
            String path = entry.path().startsWith("/") ? entry.path().substring(1) : entry.path();
            Anchor link = new Anchor(path, getTranslation(entry.title()));
            H3 title = new H3(link);
            card.add(title, new Paragraph(getTranslation(descKey)));
            cards.add(card);
        }
        services.add(cards);
        add(services);

        Section rights = new Section();
        rights.addClassName("home-rights");
        rights.add(new H2(getTranslation("home.rights.title")), new Paragraph(getTranslation("home.rights.text")));
        add(rights);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("home.pageTitle");
    }
}
