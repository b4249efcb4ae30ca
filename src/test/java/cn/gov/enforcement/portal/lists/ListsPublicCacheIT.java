package cn.gov.enforcement.portal.lists;

import static cn.gov.enforcement.portal.testsupport.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.enforcement.portal.account.AccountService;
import cn.gov.enforcement.portal.agency.AgencyDirectory;
import cn.gov.enforcement.portal.knowledge.KnowledgeBase;
import cn.gov.enforcement.portal.lists.ListEntryForms.RiskPointInput;
import cn.gov.enforcement.portal.lists.data.ListEntryEntity;
import cn.gov.enforcement.portal.lists.data.ListEntryRepository;
import cn.gov.enforcement.portal.regulation.RegulationCatalog;
import cn.gov.enforcement.portal.search.SearchIndexes;
import cn.gov.enforcement.portal.testsupport.MutableClock;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import jakarta.persistence.EntityManagerFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import cn.gov.enforcement.portal.account.PortalUserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The public lists are held in memory (PublishedLists): repeated public pages and API calls read no list entry from
 * the database, and whatever changes the lists (back-office publish, edit and withdrawal, a knowledge-base reload, the
 * day moving on) shows at once. The editors' list reads no payload of a version stored with its title and dates.
 */
class ListsPublicCacheIT extends ListsTestSupport {

    static final String UM = "sample-urban-management";
    static final String SECTOR = "缓存测试行业";

    @Autowired ListsCatalog catalog;
    @Autowired ListsBackOffice backOffice;
    @Autowired AccountService accounts;
    @Autowired PortalUserDetailsService users;
    @Autowired KnowledgeBase knowledgeBase;
    @Autowired MockMvc mvc;
    @Autowired EntityManagerFactory entityManagerFactory;
    @Autowired ListEntryRepository repository;
    @Autowired SearchIndexes indexes;
    @Autowired JdbcTemplate jdbc;
    @Autowired PublishedLists published;
    @Autowired ListIndex index;
    @Autowired ListsSettings settings;
    @Autowired AgencyDirectory agencies;
    @Autowired RegulationCatalog regulations;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static long entryLoads(Statistics statistics) {
        return statistics.getEntityStatistics(ListEntryEntity.class.getName()).getLoadCount();
    }

    private void visitPublicPages() {
        try {
            UI.getCurrent().navigate("risks");
            UI.getCurrent().navigate("risks", QueryParameters.simple(Map.of("agency", "sample-traffic-police")));
            UI.getCurrent().navigate("exemptions");
            UI.getCurrent().navigate("discretion");
            UI.getCurrent().navigate("discretion/sample-traffic-police");
            UI.getCurrent().navigate("self-check", QueryParameters.simple(Map.of("sector", "商品零售")));
            mvc.perform(get("/api/v1/discretion").param("agency", "sample-traffic-police")).andExpect(status().isOk());
            mvc.perform(get("/api/v1/risk-points").param("q", "驾驶")).andExpect(status().isOk());
            mvc.perform(get("/api/v1/risk-points/tp-rp-drink-driving")).andExpect(status().isOk());
            mvc.perform(get("/api/v1/exemptions")).andExpect(status().isOk());
            mvc.perform(get("/sitemap/portal.xml"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        assertThat(catalog.publicRiskPoints()).isNotEmpty();
        assertThat(catalog.publicExemptions()).isNotEmpty();
        assertThat(catalog.discretion(null)).isNotEmpty();
        assertThat(catalog.riskSectors()).isNotEmpty();
    }

    @Test
    void repeated_public_pages_and_api_calls_read_no_list_entry_from_the_database() throws Exception {
        awaitIndexesInStep();
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        boolean wasEnabled = statistics.isStatisticsEnabled();
        statistics.setStatisticsEnabled(true);
        try {
            visitPublicPages();
            long first = entryLoads(statistics);
            // another test's change (and the indexer following it) may read the lists meanwhile: a quiet round counts
            eventually(() -> {
                long before = entryLoads(statistics);
                for (int i = 0; i < 3; i++) {
                    visitPublicPages();
                }
                return entryLoads(statistics) == before;
            }, "three rounds of public pages and API calls read no list entry (loads so far: " + first + ")");
        } finally {
            statistics.setStatisticsEnabled(wasEnabled);
        }
    }

    private static RiskPointInput risk(String id, String title) {
        return new RiskPointInput(id, UM, SECTOR, "沿街商户", title, "未办理手续擅自设置大型店招。", "中",
                "影响市容，存在坠落隐患。", "城市市容和环境卫生管理条例 第十一条", "城市市容和环境卫生管理条例 第三十六条",
                "责令限期改正，可以罚款。", "设置前咨询城管部门", Set.of("提示"), LocalDate.of(2026, 1, 1), null, true);
    }

    @Test
    void a_publish_an_edit_and_a_withdrawal_in_the_back_office_show_on_the_public_lists_at_once() throws Exception {
        String id = "um-rp-cache-workflow";
        signInStaff(accounts, users, "cache-admin", null);
        assertThat(catalog.findRiskPoint(id)).isEmpty();
        assertThat(catalog.riskSectors()).doesNotContain(SECTOR);

        backOffice.saveRiskPoint(null, 0, null, risk(id, "缓存测试：店招未经许可"));
        backOffice.submit(id, 1, EntryStatus.DRAFT);
        assertThat(catalog.findRiskPoint(id)).as("in review is not public").isEmpty();
        backOffice.publish(id, 1, EntryStatus.IN_REVIEW);
        assertThat(catalog.findRiskPoint(id)).map(RiskPoint::title).contains("缓存测试：店招未经许可");
        assertThat(catalog.publicRiskPoints()).extracting(RiskPoint::id).contains(id);
        assertThat(catalog.riskSectors()).contains(SECTOR);
        mvc.perform(get("/api/v1/risk-points/" + id)).andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("缓存测试：店招未经许可"));
        signInStaff(accounts, users, "cache-admin", null); // the request ended with a cleared security context

        backOffice.saveRiskPoint(id, 1, null, risk(id, "缓存测试：店招未经审批"));
        assertThat(catalog.findRiskPoint(id)).as("a draft leaves the public version as it is").map(RiskPoint::title)
                .contains("缓存测试：店招未经许可");
        backOffice.submit(id, 2, EntryStatus.DRAFT);
        backOffice.publish(id, 2, EntryStatus.IN_REVIEW);
        assertThat(catalog.findRiskPoint(id)).map(RiskPoint::title).contains("缓存测试：店招未经审批");
        assertThat(catalog.publicRiskPoints()).filteredOn(r -> r.id().equals(id)).extracting(RiskPoint::title)
                .containsExactly("缓存测试：店招未经审批");

        backOffice.withdraw(id, 2, EntryStatus.PUBLISHED);
        assertThat(catalog.findRiskPoint(id)).isEmpty();
        assertThat(catalog.publicRiskPoints()).extracting(RiskPoint::id).doesNotContain(id);
        assertThat(catalog.riskSectors()).doesNotContain(SECTOR);
        mvc.perform(get("/api/v1/risk-points/" + id)).andExpect(status().isNotFound());
    }

    @Test
    void the_editors_list_shows_title_and_dates_of_new_versions_and_of_versions_stored_before_they_had_columns() {
        String id = "um-rp-cache-summary";
        signInStaff(accounts, users, "cache-editor-um", UM);
        backOffice.saveRiskPoint(null, 0, null, risk(id, "缓存测试：列表标题"));
        assertThat(jdbc.queryForObject("select title from lists_entry_version where entry_id = ?", String.class, id))
                .isEqualTo("缓存测试：列表标题");
        ListsBackOffice.EntrySummary summary = backOffice.entries(UM).stream().filter(e -> e.id().equals(id))
                .findFirst().orElseThrow();
        assertThat(summary).extracting(ListsBackOffice.EntrySummary::title, ListsBackOffice.EntrySummary::status,
                ListsBackOffice.EntrySummary::effectiveFrom, ListsBackOffice.EntrySummary::effectiveTo)
                .containsExactly("缓存测试：列表标题", EntryStatus.DRAFT, LocalDate.of(2026, 1, 1), null);

        // a version saved before V20 has neither: read from its payload
        jdbc.update("update lists_entry_version set title = null, effective_from = null where entry_id = ?", id);
        assertThat(backOffice.entries(UM)).filteredOn(e -> e.id().equals(id)).containsExactly(summary);
        assertThat(backOffice.entries(UM)).extracting(ListsBackOffice.EntrySummary::agency).containsOnly(UM);
    }

    @Test
    void a_knowledge_base_reload_and_the_next_day_change_the_public_lists_at_once() throws Exception {
        MutableClock clock = new MutableClock(NOW);
        ListsCatalog tomorrow = new ListsCatalog(published, index, settings, agencies, clock, regulations);
        assertThat(catalog.findRiskPoint("zz-rp-cache-today")).isEmpty();
        assertThat(tomorrow.findRiskPoint("zz-rp-cache-today")).isEmpty();
        Path file = KNOWLEDGE_DIR.resolve("risk-points/zz_cache.yaml");
        Files.writeString(file, """
                # sample content for a test: entries in force today (2026-11-21) only, from today on and from tomorrow on
                %s
                %s
                %s
                """.formatted(entry("zz-rp-cache-today", "effective_from: 2026-01-01\n  effective_to: 2026-11-21"),
                entry("zz-rp-cache-always", "effective_from: 2026-11-21"),
                entry("zz-rp-cache-tomorrow", "effective_from: 2026-11-22")), StandardCharsets.UTF_8);
        try {
            knowledgeBase.loadAll();
            assertThat(catalog.findRiskPoint("zz-rp-cache-today")).isPresent();
            assertThat(catalog.findRiskPoint("zz-rp-cache-tomorrow")).isEmpty();
            assertThat(tomorrow.publicRiskPoints()).extracting(RiskPoint::id)
                    .contains("zz-rp-cache-today", "zz-rp-cache-always").doesNotContain("zz-rp-cache-tomorrow");
            awaitIndexesInStep();
            assertThat(tomorrow.searchRiskPoints("缓存测试风险点", null, null, null, 0, 100).items()).extracting(RiskPoint::id)
                    .containsExactlyInAnyOrder("zz-rp-cache-today", "zz-rp-cache-always");

            clock.advance(Duration.ofDays(1));
            assertThat(tomorrow.today()).isEqualTo(LocalDate.of(2026, 11, 22));
            assertThat(tomorrow.findRiskPoint("zz-rp-cache-tomorrow")).isPresent();
            assertThat(tomorrow.findRiskPoint("zz-rp-cache-today")).isEmpty();
            assertThat(tomorrow.publicRiskPoints()).extracting(RiskPoint::id)
                    .contains("zz-rp-cache-always", "zz-rp-cache-tomorrow").doesNotContain("zz-rp-cache-today");
            assertThat(tomorrow.searchRiskPoints("缓存测试风险点", null, null, null, 0, 100).items()).extracting(RiskPoint::id)
                    .containsExactlyInAnyOrder("zz-rp-cache-always", "zz-rp-cache-tomorrow");
            assertThat(catalog.findRiskPoint("zz-rp-cache-today")).as("still today for the portal's clock").isPresent();
        } finally {
            Files.delete(file);
            knowledgeBase.loadAll();
        }
        assertThat(catalog.findRiskPoint("zz-rp-cache-today")).isEmpty();
        assertThat(tomorrow.findRiskPoint("zz-rp-cache-tomorrow")).isEmpty();
    }

    private static String entry(String id, String dates) {
        return """
                - id: %s
                  agency: sample-traffic-police
                  sector: 测试行业丁
                  applies_to: 测试对象
                  title: 缓存测试风险点 %s
                  risk: 测试用的风险描述。
                  level: 低
                  level_reason: 测试。
                  basis_obligation:
                    - {law: 中华人民共和国行政处罚法, article: 第三十三条}
                  basis_penalty:
                    - {law: 中华人民共和国行政处罚法, article: 第三十三条}
                  consequence: 测试。
                  prevention: [测试]
                  guidance: [提示]
                  %s
                  sample: true""".formatted(id, id, dates);
    }
}
