package cn.gov.enforcement.portal.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;

/**
 * The home page explains in plain words what service-oriented enforcement means for a reader and
 * lists the services the portal offers today (one card per navigable page, so nothing is
 * promised that is not there). A box at the top takes a question in the reader's own words and sends it to the
 * self-check assistant (or, with the second button, to the regulation search).
 */
@Route("")
@Menu(order = 0, title = "menu.home")
@AnonymousAllowed
public class HomeView extends Div implements HasDynamicTitle {

    /** The longest question the box takes: the assistant's own limit (AssistantService.MAX_QUESTION, in chars). */
    static final int MAX_QUESTION = 500;
    /**
     * The longest text the regulation search reads (RegulationCatalog.MAX_QUERY; it would cut a longer one without
     * a word): refused here instead. Both are checked against their modules' constants by HomeViewIT.
     */
    static final int MAX_SEARCH = 200;

    private final TextField question = new TextField();

    public HomeView() {
        addClassName("home-view");
        Section intro = new Section();
        intro.addClassName("home-intro");
        intro.add(new H1(getTranslation("home.title")),
                new Paragraph(getTranslation("home.lead")),
                askBox(),
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

    /** The question box: the assistant answers in plain words; the regulation search lists the articles. */
    private Div askBox() {
        question.setId("home-question");
        question.setLabel(getTranslation("home.ask.label"));
        // the example under the box, where it wraps on a phone and stays while typing (a placeholder is cut at
        // the box's width and gone at the first key)
        question.setHelperText(getTranslation("home.ask.example"));
        question.setMaxLength(MAX_QUESTION);
        question.setClearButtonVisible(true);
        question.setWidthFull();
        Button assistant = new Button(getTranslation("home.ask.assistant"), e -> go("assistant"));
        assistant.setId("home-ask-assistant");
        assistant.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        assistant.addClickShortcut(Key.ENTER).listenOn(question).setResetFocusOnActiveElement(true);
        Button regulations = new Button(getTranslation("home.ask.regulations"), e -> go("regulations"));
        regulations.setId("home-ask-regulations");
        Div buttons = new Div(assistant, regulations);
        buttons.addClassName("home-ask-buttons");
        Div box = new Div(question, buttons);
        box.setId("home-ask");
        box.addClassName("home-ask");
        box.getElement().setAttribute("role", "search");
        return box;
    }

    /** Checks the question on the server and opens the page that answers it, the question in its address. */
    private void go(String route) {
        String text = question.getValue() == null ? "" : question.getValue().strip();
        if (text.isEmpty()) {
            question.setInvalid(true);
            question.setErrorMessage(getTranslation("home.ask.empty"));
            return;
        }
        int max = "regulations".equals(route) ? MAX_SEARCH : MAX_QUESTION;
        if (text.length() > max) {
            question.setInvalid(true);
            question.setErrorMessage(getTranslation("home.ask.tooLong", max));
            return;
        }
        question.setInvalid(false);
        getUI().ifPresent(ui -> ui.navigate(route, QueryParameters.of("q", text)));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("home.pageTitle");
    }
}
