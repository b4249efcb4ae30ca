package cn.gov.enforcement.portal.privacy;

import cn.gov.enforcement.portal.account.AccountLog;
import cn.gov.enforcement.portal.assistant.AssistantService;
import cn.gov.enforcement.portal.mediation.MediationService;
import cn.gov.enforcement.portal.platform.SiteSettings;
import cn.gov.enforcement.portal.rating.RatingRetention;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.springframework.boot.autoconfigure.web.ServerProperties;

/**
 * The personal information notice (个人信息保护说明) required before personal information is processed (Personal
 * Information Protection Law, Art. 17): who processes what, why, for how long, and how to exercise one's rights. Every
 * period is read from the setting the portal acts on.
 */
@Route("privacy")
@AnonymousAllowed
public class PrivacyView extends Div implements HasDynamicTitle {

    public PrivacyView(SiteSettings site, MediationService mediation, AssistantService assistant, AccountLog accountLog,
            cn.gov.enforcement.portal.notification.NotificationSettings mail,
            ServerProperties server) {
        addClassName("privacy-view");
        add(new H1(getTranslation("privacy.title")));
        add(paragraph("privacy-lead", getTranslation("privacy.lead")));

        add(new H2(getTranslation("privacy.who.title")));
        // the data controller as the footer names it (portal.site.sponsor); with none configured the notice says so
        // rather than point to a footer that names nobody
        add(paragraph("privacy-who", site.sponsor() == null ? getTranslation("privacy.who.notConfigured")
                : getTranslation("privacy.who.sponsor", site.sponsor())));

        add(new H2(getTranslation("privacy.what.title")));
        UnorderedList what = new UnorderedList();
        what.setId("privacy-what");
        what.add(item("privacy-mediation", getTranslation("privacy.what.mediation",
                mediation.settings().retentionDays(), mediation.settings().draftDays())));
        what.add(item("privacy-rating", getTranslation("privacy.what.rating", RatingRetention.CONTACT_DAYS)));
        what.add(item("privacy-guidance", getTranslation("privacy.what.guidance")));
        what.add(item("privacy-assistant", getTranslation(assistant.modelConfigured() ? "privacy.what.assistant.model"
                : "privacy.what.assistant.sources")));
        what.add(item("privacy-selfcheck", getTranslation("privacy.what.selfcheck")));
        what.add(item("privacy-public", getTranslation("privacy.what.public")));
        what.add(item("privacy-limits", getTranslation("privacy.what.limits")));
        what.add(item("privacy-staff", getTranslation("privacy.what.staff", accountLog.retentionDays())));
        add(what);

        add(new H2(getTranslation("privacy.cookies.title")));
        // as the server binds it: a bare number is seconds (PORTAL_SESSION_TIMEOUT=1800 is 30 minutes)
        add(paragraph("privacy-cookies", getTranslation("privacy.cookies",
                server.getServlet().getSession().getTimeout().toMinutes())));

        add(new H2(getTranslation("privacy.mail.title")));
        add(paragraph("privacy-mail", getTranslation("privacy.mail", mail.retention().toDays())));

        add(new H2(getTranslation("privacy.rights.title")));
        add(paragraph("privacy-rights", getTranslation("privacy.rights")));
        add(paragraph("privacy-contact", site.contact() == null ? getTranslation("privacy.contact.agencies")
                : getTranslation("privacy.contact.site", site.contact())));

        add(new H2(getTranslation("privacy.basis.title")));
        add(paragraph("privacy-basis", getTranslation("privacy.basis")));
    }

    private static Paragraph paragraph(String id, String text) {
        Paragraph p = new Paragraph(text);
        p.setId(id);
        return p;
    }

    private static ListItem item(String id, String text) {
        ListItem li = new ListItem(text);
        li.setId(id);
        return li;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("privacy.title");
    }
}
