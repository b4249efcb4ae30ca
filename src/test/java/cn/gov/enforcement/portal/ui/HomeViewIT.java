package cn.gov.enforcement.portal.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.KaribuViewTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.H1;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class HomeViewIT extends KaribuViewTest {

    @org.springframework.beans.factory.annotation.Autowired
    cn.gov.enforcement.portal.account.PortalUserDetailsService users;

    @Test
    void home_page_explains_the_portal_in_chinese_and_lists_only_real_services() {
        UI.getCurrent().navigate("");
        assertThat(_get(H1.class).getText()).isEqualTo("让执法更有温度，让企业和群众少走弯路");
        var links = _find(HomeView.class).get(0).getChildren().count();
        assertThat(links).isGreaterThan(0);
        // every service card links to a route that exists
        for (Anchor a : _find(Anchor.class)) {
            String href = a.getHref();
            if (href.startsWith("http") || href.startsWith("#") || href.startsWith("mailto") || href.startsWith("tel")) {
                continue;
            }
            assertThat(com.vaadin.flow.router.RouteConfiguration.forApplicationScope()
                            .getRoute(href.equals(".") ? "" : href))
                    .as("route for link " + href).isPresent();
        }
    }

    @Test
    void the_question_box_sends_the_question_to_the_assistant_or_the_regulation_search_and_refuses_an_empty_one() {
        UI.getCurrent().navigate("");
        com.vaadin.flow.component.textfield.TextField box = _get(com.vaadin.flow.component.textfield.TextField.class,
                spec -> spec.withId("home-question"));
        _setValue(box, "   ");
        _click(_get(com.vaadin.flow.component.button.Button.class, spec -> spec.withId("home-ask-assistant")));
        assertThat(box.isInvalid()).isTrue();
        assertThat(box.getErrorMessage()).isEqualTo("请先输入您的问题或关键词。");
        assertThat(UI.getCurrent().getActiveViewLocation().getPath()).isEmpty();

        // each page's own limit: the assistant reads 500 characters, the regulation search 200
        assertThat(HomeView.MAX_QUESTION).isEqualTo(cn.gov.enforcement.portal.assistant.AssistantService.MAX_QUESTION);
        assertThat(HomeView.MAX_SEARCH).isEqualTo(cn.gov.enforcement.portal.regulation.RegulationCatalog.MAX_QUERY);
        _setValue(box, "x".repeat(HomeView.MAX_QUESTION + 1));
        _click(_get(com.vaadin.flow.component.button.Button.class, spec -> spec.withId("home-ask-assistant")));
        assertThat(box.getErrorMessage()).isEqualTo("问题最多 500 个字，请简要说明。");
        assertThat(box.getValue()).as("what was typed is kept").hasSize(HomeView.MAX_QUESTION + 1);
        assertThat(UI.getCurrent().getActiveViewLocation().getPath()).isEmpty();
        _setValue(box, "x".repeat(HomeView.MAX_SEARCH + 1));
        _click(_get(com.vaadin.flow.component.button.Button.class, spec -> spec.withId("home-ask-regulations")));
        assertThat(box.getErrorMessage()).isEqualTo("问题最多 200 个字，请简要说明。");
        assertThat(UI.getCurrent().getActiveViewLocation().getPath()).isEmpty();

        _setValue(box, " 第一次没有亮照经营会被罚款吗 ");
        _click(_get(com.vaadin.flow.component.button.Button.class, spec -> spec.withId("home-ask-assistant")));
        assertThat(UI.getCurrent().getActiveViewLocation().getPath()).isEqualTo("assistant");
        assertThat(UI.getCurrent().getActiveViewLocation().getQueryParameters().getParameters().get("q"))
                .containsExactly("第一次没有亮照经营会被罚款吗");

        UI.getCurrent().navigate("");
        box = _get(com.vaadin.flow.component.textfield.TextField.class, spec -> spec.withId("home-question"));
        _setValue(box, "行政处罚");
        _click(_get(com.vaadin.flow.component.button.Button.class, spec -> spec.withId("home-ask-regulations")));
        assertThat(UI.getCurrent().getActiveViewLocation().getPath()).isEqualTo("regulations");
        assertThat(UI.getCurrent().getActiveViewLocation().getQueryParameters().getParameters().get("q"))
                .containsExactly("行政处罚");
    }

    @Test
    void the_navigation_hides_administration_from_the_public() {
        UI.getCurrent().navigate("");
        assertThat(_find(Anchor.class).stream().map(Anchor::getHref)).doesNotContain("admin/users", "staff/mediation",
                "staff/lists");
        assertThat(_find(Div.class, spec -> spec.withId("portal-nav-staff"))).isEmpty();
    }

    @Test
    void staff_pages_are_a_named_group_of_the_navigation_after_the_public_pages() {
        signIn(users.loadUserByUsername("admin"), "ADMIN");
        UI.getCurrent().navigate("");
        com.vaadin.flow.component.html.Nav nav = _get(com.vaadin.flow.component.html.Nav.class, spec -> spec.withId("portal-nav"));
        Div staff = _get(nav, Div.class, spec -> spec.withId("portal-nav-staff"));
        assertThat(staff.getElement().getAttribute("role")).isEqualTo("group");
        assertThat(staff.getElement().getAttribute("aria-labelledby")).isEqualTo("portal-nav-staff-label");
        assertThat(_get(staff, Span.class, spec -> spec.withId("portal-nav-staff-label")).getText()).isEqualTo("工作人员");
        List<String> staffLinks = _find(staff, Anchor.class).stream().map(Anchor::getHref).toList();
        assertThat(staffLinks).contains("staff", "staff/mediation", "staff/ratings", "staff/lists", "admin/users")
                .doesNotContain(".", "regulations", "mediation", "rating");
        // the public pages stand before the group, directly in the navigation
        List<String> publicLinks = nav.getChildren().filter(Anchor.class::isInstance).map(c -> ((Anchor) c).getHref()).toList();
        assertThat(publicLinks).contains(".", "regulations", "mediation", "rating").doesNotContainAnyElementsOf(staffLinks);
        assertThat(nav.getChildren().reduce((first, second) -> second)).contains(staff);
    }

    @Test
    void the_navigation_marks_only_the_page_shown_as_current_not_the_workbench_above_it() {
        signIn(users.loadUserByUsername("admin"), "ADMIN");
        UI.getCurrent().navigate("staff");
        assertThat(currentLinks()).containsExactly("staff");
        // staff/mediation lies under the workbench's staff: only the queue's link is the current page
        UI.getCurrent().navigate("staff/mediation");
        assertThat(currentLinks()).containsExactly("staff/mediation");
        // a page below a menu entry marks that entry only
        UI.getCurrent().navigate("staff/mediation/statistics");
        assertThat(currentLinks()).containsExactly("staff/mediation");
        UI.getCurrent().navigate("staff/lists");
        assertThat(currentLinks()).containsExactly("staff/lists");
        // the agency page, reached from the account area, is no menu entry: nothing is current, not the workbench
        UI.getCurrent().navigate("staff/agency");
        assertThat(currentLinks()).isEmpty();
        UI.getCurrent().navigate("");
        assertThat(currentLinks()).containsExactly(".");
    }

    private static List<String> currentLinks() {
        return _find(Anchor.class, spec -> spec.withClasses("portal-nav-link")).stream()
                .filter(a -> "page".equals(a.getElement().getAttribute("aria-current"))).map(Anchor::getHref).toList();
    }

    @Test
    void a_page_that_fails_answers_in_the_readers_language_with_a_reference_and_names_no_exception() {
        UI.getCurrent().navigate("test-only/failing-page");
        Div error = _get(Div.class, spec -> spec.withId("server-error"));
        assertThat(error.getElement().getTextRecursively()).contains("页面暂时无法打开，请稍后再试")
                .containsPattern("编号 [0-9A-F]{8}").doesNotContain("IllegalStateException", "connection", "exception");
        assertThat(title()).isEqualTo("页面暂时无法打开 - 服务型行政执法公共服务平台");

        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate("test-only/failing-page");
        assertThat(_get(Div.class, spec -> spec.withId("server-error")).getElement().getTextRecursively())
                .contains("please try again").containsPattern("reference [0-9A-F]{8}").doesNotContain("Exception");
    }

    @Test
    void the_not_found_page_and_a_refusal_have_a_title_in_the_browsers_tab() {
        // a route that finds nothing (here an address of no law) answers with the not-found page (in these tests
        // navigating to a path of no route at all is left to the browser's router)
        UI.getCurrent().navigate("regulations/no-such-law");
        assertThat(_get(Div.class, spec -> spec.withId("page-not-found"))).isNotNull();
        assertThat(title()).isEqualTo("没有找到这个页面 - 服务型行政执法公共服务平台");
        // a refusal by a service answers as not found, its title included
        assertThat(new AccessDeniedView().getPageTitle()).isEqualTo("没有找到这个页面");

        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate("regulations/no-such-law-either");
        assertThat(title()).isEqualTo("Page not found - Service-Oriented Enforcement Portal");
    }

    @Test
    void the_not_found_state_of_an_entry_s_page_has_a_title_in_each_language() {
        java.util.Map<String, List<String>> expected = new java.util.LinkedHashMap<>();
        // zh-CN, zh-TW, en
        expected.put("risks/no-such-id", List.of("没有找到这个清单事项", "沒有找到這個清單事項", "No such list entry"));
        expected.put("exemptions/no-such-id", List.of("没有找到这个清单事项", "沒有找到這個清單事項", "No such list entry"));
        expected.put("exemptions/no-such-id/check", List.of("没有找到这个清单事项", "沒有找到這個清單事項", "No such list entry"));
        expected.put("discretion/no-such-agency", List.of("没有找到这个机关", "沒有找到這個機關", "No such agency"));
        expected.put("agencies/no-such-agency", List.of("没有找到这个执法主体", "沒有找到這個執法主體", "We could not find this agency"));
        expected.put("regulations/999999999", List.of("没有找到这个页面", "沒有找到這個頁面", "Page not found"));
        List<Locale> languages = List.of(Locale.SIMPLIFIED_CHINESE, Locale.TRADITIONAL_CHINESE, Locale.ENGLISH);
        List<String> sites = List.of("服务型行政执法公共服务平台", "服務型行政執法公共服務平臺", "Service-Oriented Enforcement Portal");
        try {
            for (int i = 0; i < languages.size(); i++) {
                UI.getCurrent().setLocale(languages.get(i));
                for (var e : expected.entrySet()) {
                    UI.getCurrent().navigate("");
                    UI.getCurrent().navigate(e.getKey());
                    assertThat(title()).as(e.getKey() + " " + languages.get(i))
                            .isEqualTo(e.getValue().get(i) + " - " + sites.get(i));
                }
            }
        } finally {
            UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        }
    }

    @Test
    void every_page_s_title_ends_with_the_site_s_name_in_the_page_s_language_once() {
        java.util.Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put("", "首页 - 服务型行政执法公共服务平台");
        expected.put("regulations", " - 服务型行政执法公共服务平台");
        expected.put("assistant", " - 服务型行政执法公共服务平台");
        expected.put("self-check", " - 服务型行政执法公共服务平台");
        expected.put("risks", "法律风险点清单 - 服务型行政执法公共服务平台");
        expected.put("login", " - 服务型行政执法公共服务平台");
        expected.forEach((route, end) -> {
            UI.getCurrent().navigate(route);
            assertThat(title()).as(route).endsWith(end).doesNotStartWith(" - ")
                    .containsOnlyOnce("服务型行政执法公共服务平台");
        });
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate("regulations");
        assertThat(title()).endsWith(" - Service-Oriented Enforcement Portal").containsOnlyOnce("Service-Oriented");
        UI.getCurrent().setLocale(Locale.TRADITIONAL_CHINESE);
        UI.getCurrent().navigate("assistant");
        assertThat(title()).endsWith(" - 服務型行政執法公共服務平臺");

        assertThat(MainLayout.withSiteName("首页 - 平台", "平台")).isEqualTo("首页 - 平台");
        assertThat(MainLayout.withSiteName(null, "平台")).isEqualTo("平台");
    }

    /** The browser tab's title once the response is written (the site's name is appended just before). */
    private static String title() {
        com.github.mvysny.kaributesting.v10.MockVaadin.clientRoundtrip();
        return UI.getCurrent().getInternals().getTitle();
    }

    @Test
    void the_home_page_speaks_english_when_asked() {
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate("login"); // leave the home page so that it is built again
        UI.getCurrent().navigate("");
        assertThat(_get(H1.class).getText()).isEqualTo("Enforcement that helps businesses and citizens get it right");
    }

    @Test
    void on_a_phone_the_navigation_folds_behind_a_menu_button_that_says_whether_it_is_open() {
        UI.getCurrent().navigate("");
        MainLayout layout = _get(MainLayout.class);
        com.vaadin.flow.component.html.NativeButton toggle = _get(com.vaadin.flow.component.html.NativeButton.class,
                spec -> spec.withId("portal-nav-toggle"));
        assertThat(toggle.getElement().getAttribute("aria-controls")).isEqualTo("portal-nav");
        assertThat(_get(com.vaadin.flow.component.html.Nav.class, spec -> spec.withId("portal-nav"))).isNotNull();
        assertThat(toggle.getElement().getTextRecursively()).contains("菜单");
        assertThat(toggle.getElement().getAttribute("aria-expanded")).isEqualTo("false");
        assertThat(layout.getClassNames()).doesNotContain("portal-nav-open");

        _click(toggle);
        assertThat(toggle.getElement().getAttribute("aria-expanded")).isEqualTo("true");
        assertThat(layout.getClassNames()).contains("portal-nav-open");

        UI.getCurrent().navigate("certificate-check");
        assertThat(toggle.getElement().getAttribute("aria-expanded")).as("folded again on the next page").isEqualTo("false");
        assertThat(layout.getClassNames()).doesNotContain("portal-nav-open");
    }

    @Test
    void the_connection_indicator_speaks_the_pages_language() {
        List<List<Object>> arguments = new ArrayList<>();
        var handlers = com.github.mvysny.kaributesting.v10.TestingLifecycleHookKt.getPendingJavascriptInvocationHandlers();
        List<kotlin.jvm.functions.Function1<com.vaadin.flow.component.internal.PendingJavaScriptInvocation, kotlin.Unit>> recording =
                new ArrayList<>(handlers);
        recording.add(invocation -> {
            if (invocation.getInvocation().getExpression().contains("onlineText")) {
                arguments.add(invocation.getInvocation().getParameters());
            }
            return kotlin.Unit.INSTANCE;
        });
        com.github.mvysny.kaributesting.v10.TestingLifecycleHookKt.setPendingJavascriptInvocationHandlers(recording);
        try {
            UI.getCurrent().navigate("");
            com.github.mvysny.kaributesting.v10.MockVaadin.clientRoundtrip();
        } finally {
            com.github.mvysny.kaributesting.v10.TestingLifecycleHookKt.setPendingJavascriptInvocationHandlers(handlers);
        }
        assertThat(arguments).singleElement().satisfies(texts ->
                assertThat(texts).containsExactly("已连接", "连接已中断", "连接已中断，正在重新连接…"));
    }
}
