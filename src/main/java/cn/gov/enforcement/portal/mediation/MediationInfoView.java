package cn.gov.enforcement.portal.mediation;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * Administrative mediation explained in plain words, with the way to apply and to follow a case: as buttons under the
 * lead (applying is the primary one) and as links at the end.
 */
@Route("mediation")
@Menu(order = 50, title = "menu.mediation")
@AnonymousAllowed
public class MediationInfoView extends Div implements HasDynamicTitle {

    public MediationInfoView(MediationService service) {
        addClassName("mediation-info-view");
        MediationSettings s = service.settings();
        add(new H1(getTranslation("mediation.info.title")));
        add(new Paragraph(getTranslation("mediation.info.lead")));
        // the page's main action near the top, not only after the explanations
        Button applyTop = new Button(getTranslation("mediation.info.apply"),
                e -> e.getSource().getUI().ifPresent(ui -> ui.navigate("mediation/apply")));
        applyTop.setId("mediation-apply-top");
        applyTop.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button trackTop = new Button(getTranslation("mediation.info.track"),
                e -> e.getSource().getUI().ifPresent(ui -> ui.navigate("mediation/track")));
        trackTop.setId("mediation-track-top");
        trackTop.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout top = new HorizontalLayout(applyTop, trackTop);
        top.setWrap(true);
        top.addClassName("mediation-actions-top");
        add(top);

        add(new H2(getTranslation("mediation.info.what.title")));
        add(new Paragraph(getTranslation("mediation.info.what.text")));
        UnorderedList categories = new UnorderedList();
        categories.setId("mediation-routing");
        for (DisputeCategory category : DisputeCategory.values()) {
            ListItem item = new ListItem(getTranslation(category.messageKey()) + " — "
                    + getTranslation("mediation.info.handledBy", service.agencyName(service.agencyFor(category), getLocale())));
            item.getElement().setAttribute("data-category", category.name());
            categories.add(item);
        }
        add(categories);

        add(new H2(getTranslation("mediation.info.free.title")));
        add(new Paragraph(getTranslation("mediation.info.free.text")));

        add(new H2(getTranslation("mediation.info.time.title")));
        add(new Paragraph(getTranslation("mediation.info.time.text", s.acceptanceDays(), s.mediationDays(), s.extensionDays())));

        add(new H2(getTranslation("mediation.info.fail.title")));
        add(new Paragraph(getTranslation("mediation.info.fail.text")));

        Anchor apply = new Anchor("mediation/apply", getTranslation("mediation.info.apply"));
        apply.setId("mediation-apply-link");
        Anchor track = new Anchor("mediation/track", getTranslation("mediation.info.track"));
        track.setId("mediation-track-link");
        Div actions = new Div(apply, new Span(" · "), track);
        actions.addClassName("mediation-actions");
        add(actions);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("mediation.info.pageTitle");
    }
}
