package cn.gov.enforcement.portal.privacy;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.KaribuViewTest;
import cn.gov.enforcement.portal.mediation.MediationService;
import cn.gov.enforcement.portal.platform.SampleContent;
import cn.gov.enforcement.portal.platform.SiteSettings;
import cn.gov.enforcement.portal.ui.MainLayout;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The personal information notice says what the portal does, with the periods it acts on; every page's footer links
 * to it, names the operator and the registrations when configured, and says "sample data" only while samples are shown.
 */
class PrivacyViewIT extends KaribuViewTest {

    @Autowired MediationService mediation;
    @Autowired org.springframework.boot.autoconfigure.web.ServerProperties server;
    @Autowired List<SampleContent> samples;
    @Autowired AuthenticationContext authentication;
    @Autowired JdbcTemplate jdbc;
    @Autowired org.springframework.context.ApplicationEventPublisher events;
    @Autowired org.springframework.transaction.support.TransactionTemplate transactions;

    @Test
    void the_notice_gives_the_periods_the_portal_acts_on_and_every_page_links_to_it() {
        UI.getCurrent().navigate("privacy");
        int kept = mediation.settings().retentionDays();
        assertThat(_get(ListItem.class, spec -> spec.withId("privacy-mediation")).getText())
                .contains("身份证件号码加密保存", "草稿保存 " + mediation.settings().draftDays() + " 天",
                        // counted as the retention purge counts: from closing, or from an outcome never closed
                        "自结案之日起保存 " + kept + " 天", "达成调解协议或者调解不成后一直未结案的，自达成调解协议或者调解不成之日起算");
        // contact details left with a rating: the rated agency's staff and the administrators (RatingDetailView) see them
        assertThat(_get(ListItem.class, spec -> spec.withId("privacy-rating")).getText())
                .contains("满 365 天后删除", "被评价机关的工作人员", "平台管理员");
        // what happens when the person asks the agency to correct or delete them (RatingDetailView)
        assertThat(_get(Paragraph.class, spec -> spec.withId("privacy-rights")).getText())
                .contains("机关工作人员在平台上按您的要求更正，或者删除全部称呼、电话和电子邮箱", "删除后不能恢复",
                        "平台记录由谁、在什么时间更正或者删除，不另行保存更正前或者删除的内容");
        assertThat(_get(ListItem.class, spec -> spec.withId("privacy-assistant")).getText())
                .as("no model is configured in the tests").contains("不发送给任何第三方");
        assertThat(_get(Paragraph.class, spec -> spec.withId("privacy-mail")).getText()).contains("副本 90 天");
        assertThat(_get(ListItem.class, spec -> spec.withId("privacy-selfcheck")).getText()).contains("只保存在页面地址中", "平台不保存");
        assertThat(_get(ListItem.class, spec -> spec.withId("privacy-staff")).getText()).contains("保存 365 天");
        assertThat(_get(Paragraph.class, spec -> spec.withId("privacy-cookies")).getText()).contains("30 分钟", "portal-lang");
        assertThat(_get(Paragraph.class, spec -> spec.withId("privacy-basis")).getText()).contains("第三十四条", "第十七条");
        assertThat(_get(Anchor.class, spec -> spec.withId("footer-privacy")).getHref()).isEqualTo("privacy");

        // the forms that ask for personal details link to it
        UI.getCurrent().navigate("rating");
        assertThat(_get(Anchor.class, spec -> spec.withClasses("privacy-link")).getHref()).isEqualTo("privacy");
        UI.getCurrent().navigate("mediation/apply");
        assertThat(cn.gov.enforcement.portal.testsupport.Components.descendants(UI.getCurrent()).filter(c -> c instanceof Anchor a && a.hasClassName("privacy-link"))
                .map(c -> ((Anchor) c).getHref())).as("in the consent step, shown later").containsExactly("privacy");

        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate("regulations");
        UI.getCurrent().navigate("privacy");
        assertThat(_get(ListItem.class, spec -> spec.withId("privacy-mediation")).getText())
                .contains("kept for " + kept + " days from the day it was closed", "but was never closed counts from that outcome");
        assertThat(_get(ListItem.class, spec -> spec.withId("privacy-rating")).getText())
                .contains("rated agency’s staff", "the portal’s administrators");
        assertThat(_get(Paragraph.class, spec -> spec.withId("privacy-rights")).getText())
                .contains("its staff correct them on the portal as you ask", "records who corrected or deleted them");

        UI.getCurrent().setLocale(Locale.TRADITIONAL_CHINESE);
        UI.getCurrent().navigate("regulations");
        UI.getCurrent().navigate("privacy");
        assertThat(_get(ListItem.class, spec -> spec.withId("privacy-mediation")).getText())
                .contains("自結案之日起保存 " + kept + " 天", "自達成調解協議或者調解不成之日起算");
        assertThat(_get(ListItem.class, spec -> spec.withId("privacy-rating")).getText())
                .contains("被評價機關的工作人員", "平臺管理員");
        assertThat(_get(Paragraph.class, spec -> spec.withId("privacy-rights")).getText())
                .contains("機關工作人員在平臺上按您的要求更正", "刪除後不能復原");
    }

    @Autowired SiteSettings site;
    @Autowired cn.gov.enforcement.portal.assistant.AssistantService assistant;
    @Autowired cn.gov.enforcement.portal.account.AccountLog accountLog;
    @Autowired cn.gov.enforcement.portal.notification.NotificationSettings mail;

    @Test
    void the_session_timeout_given_as_a_bare_number_is_read_in_seconds_as_the_server_reads_it() {
        // PORTAL_SESSION_TIMEOUT=1800, bound as Spring Boot binds it for the server: 1,800 seconds, not milliseconds
        org.springframework.boot.autoconfigure.web.ServerProperties server =
                new org.springframework.boot.context.properties.bind.Binder(
                        new org.springframework.boot.context.properties.source.MapConfigurationPropertySource(
                                java.util.Map.of("server.servlet.session.timeout", "1800")))
                        .bind("server", org.springframework.boot.autoconfigure.web.ServerProperties.class).get();
        PrivacyView view = new PrivacyView(site, mediation, assistant, accountLog, mail, server);
        assertThat(_get(view, Paragraph.class, spec -> spec.withId("privacy-cookies")).getText()).contains("30 分钟");
    }

    /**
     * What the agency and lists stores announce after writing (the answers are kept until then): the rows above were
     * changed behind their back.
     */
    private void changed() {
        // in a transaction, as the stores publish them: the listeners run after commit, and an event published
        // outside one would stay pending in the publication table forever
        transactions.executeWithoutResult(tx -> {
            events.publishEvent(new cn.gov.enforcement.portal.agency.AgencyDirectoryChanged(List.of(), List.of()));
            events.publishEvent(new cn.gov.enforcement.portal.lists.ListsChanged("", List.of(), List.of()));
        });
    }

    @Test
    void the_notice_names_the_configured_operator_and_says_truthfully_when_none_is_configured() {
        // the tests configure no portal.site.*: the footer names nobody, and the notice does not point to it for a name
        UI.getCurrent().navigate("privacy");
        assertThat(site.sponsor()).isNull();
        String unset = _get(Paragraph.class, spec -> spec.withId("privacy-who")).getText();
        assertThat(unset).contains("由运营方在安装时配置", "本站尚未配置", "无法列明主办机关", "负责该争议的行政机关")
                .doesNotContain("见页面底部");
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate("regulations");
        UI.getCurrent().navigate("privacy");
        assertThat(_get(Paragraph.class, spec -> spec.withId("privacy-who")).getText())
                .contains("configured by its operator at installation", "have not been set on this installation");
        UI.getCurrent().setLocale(Locale.TRADITIONAL_CHINESE);
        UI.getCurrent().navigate("regulations");
        UI.getCurrent().navigate("privacy");
        assertThat(_get(Paragraph.class, spec -> spec.withId("privacy-who")).getText()).contains("本站尚未設定");

        // configured: the notice names the operator as the footer does
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        PrivacyView configured = new PrivacyView(new SiteSettings("示例市司法局", "0791-12345678", null, null, null), mediation,
                assistant, accountLog, mail, server);
        assertThat(_get(configured, Paragraph.class, spec -> spec.withId("privacy-who")).getText())
                .startsWith("本平台由示例市司法局主办。").doesNotContain("尚未配置");
        assertThat(_get(configured, Paragraph.class, spec -> spec.withId("privacy-contact")).getText())
                .contains("0791-12345678");
    }

    @Test
    void the_footer_names_the_operator_and_registrations_when_configured_and_samples_only_while_shown() {
        UI.getCurrent().navigate("privacy");
        assertThat(samples).hasSize(2).anyMatch(SampleContent::showsSamples);
        assertThat(_find(Paragraph.class, spec -> spec.withId("footer-sample"))).as("the shipped samples are shown")
                .hasSize(1);
        assertThat(_get(Paragraph.class, spec -> spec.withId("footer-site")).getElement().getTextRecursively())
                .as("nothing configured: only the notice").isEqualTo("个人信息保护说明");

        MainLayout configured = new MainLayout(authentication, List.of(() -> false), new SiteSettings("示例市司法局",
                "0791-12345678", "3601000001", "赣ICP备00000000号", "赣公网安备36010002000001号"));
        assertThat(_find(configured, Paragraph.class, spec -> spec.withId("footer-sample"))).isEmpty();
        Paragraph site = _get(configured, Paragraph.class, spec -> spec.withId("footer-site"));
        assertThat(site.getElement().getTextRecursively()).contains("主办单位：示例市司法局", "联系方式：0791-12345678", "网站标识码：3601000001",
                "赣ICP备00000000号", "赣公网安备36010002000001号", "个人信息保护说明");
        assertThat(_find(site, Anchor.class)).extracting(Anchor::getHref).containsExactly("https://beian.miit.gov.cn/",
                "https://beian.mps.gov.cn/", "privacy");

        // a portal with real agencies and real lists does not call itself a demonstration
        List<String> sampleAgencies = jdbc.queryForList("select id from agency where sample = true", String.class);
        List<String> sampleEntries = jdbc.queryForList("select id from lists_entry where sample = true", String.class);
        try {
            jdbc.update("update agency set sample = false");
            jdbc.update("update lists_entry set sample = false");
            changed();
            assertThat(samples).noneMatch(SampleContent::showsSamples);
            MainLayout real = new MainLayout(authentication, samples, new SiteSettings(null, null, null, null, null));
            assertThat(_find(real, Paragraph.class, spec -> spec.withId("footer-sample"))).isEmpty();
        } finally {
            sampleAgencies.forEach(id -> jdbc.update("update agency set sample = true where id = ?", id));
            sampleEntries.forEach(id -> jdbc.update("update lists_entry set sample = true where id = ?", id));
            changed();
        }
        assertThat(samples).allMatch(SampleContent::showsSamples);
    }
}
