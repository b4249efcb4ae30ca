package cn.gov.enforcement.portal.agency;

import static cn.gov.enforcement.portal.testsupport.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.enforcement.portal.agency.data.AgencyRepository;
import cn.gov.enforcement.portal.knowledge.ContentProblem;
import cn.gov.enforcement.portal.knowledge.KnowledgeBase;
import cn.gov.enforcement.portal.knowledge.LoadReport;
import cn.gov.enforcement.portal.platform.ReaderScript;
import cn.gov.enforcement.portal.regulation.RegulationCatalog;
import cn.gov.enforcement.portal.search.SearchIndexes;
import cn.gov.enforcement.portal.testsupport.ContentProblemTexts;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

/** Knowledge base → database → index → search and JSON API, on the real search node. */
class AgencyDirectoryIT extends AgencyTestSupport {

    @Autowired KnowledgeBase knowledgeBase;
    @Autowired AgencyRepository repository;
    @Autowired AgencyDirectory directory;
    @Autowired AgencyStaffService staff;
    @Autowired SearchIndexes indexes;
    @Autowired ElasticsearchClient client;
    @Autowired MockMvc mvc;
    @Autowired AgencyIndex index;
    @Autowired CertificateThrottle throttle;
    @Autowired AgencySettings settings;
    @Autowired org.springframework.transaction.PlatformTransactionManager transactions;
    @Autowired RegulationCatalog regulations;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired jakarta.persistence.EntityManagerFactory entityManagerFactory;
    @Autowired org.springframework.context.ApplicationEventPublisher events;
    @Autowired org.springframework.transaction.PlatformTransactionManager transactionManager;

    /**
     * Waits until no rebuild of the agencies index is pending (the index follows the database after each commit, on
     * another thread): a test that moves the index's alias itself must not race a rebuild that moves it too.
     */
    private void awaitNoReindexPending() throws InterruptedException {
        eventually(() -> jdbc.queryForObject("select count(*) from event_publication where completion_date is null "
                + "and listener_id = ?", Long.class, AgencyIndexer.LISTENER_ID) == 0, "no agencies index rebuild is pending");
    }

    @Test
    void startup_loads_every_committed_agency_into_the_database_and_the_index() throws Exception {
        assertThat(repository.count()).isGreaterThanOrEqualTo(5);
        eventually(() -> indexes.count("agencies") == repository.count(), "the index holds every agency");
        assertThat(knowledgeBase.problems()).isEmpty();
    }

    @Test
    void a_chinese_query_finds_the_agency_by_name_power_or_law() throws Exception {
        eventually(() -> indexes.count("agencies") == repository.count(), "the index is built");
        assertThat(directory.search("市场监管", null, 0, 10).items()).first()
                .satisfies(a -> assertThat(a.id()).isEqualTo("sample-market-regulation"));
        assertThat(directory.search("道路交通安全法", null, 0, 10).items()).extracting(AgencySummary::id)
                .containsExactly("sample-traffic-police");
        assertThat(directory.search("占道经营", null, 0, 10).items()).extracting(AgencySummary::id)
                .contains("sample-urban-management");
        assertThat(directory.search(null, AgencyCategory.ENVIRONMENT, 0, 10).items()).extracting(AgencySummary::id)
                .containsExactly("sample-ecology-environment");
        assertThat(directory.search("市场监管", AgencyCategory.TRAFFIC, 0, 10).total()).isZero();
    }

    @Test
    void words_typed_as_a_zh_tw_page_shows_them_find_the_agency_in_the_index_and_the_json_api() throws Exception {
        withPowerWithFoldedCharacter(knowledgeBase, directory, () -> {
            // the zh-TW page shows 答复 as 答覆, and the character table turns 覆 back into 覆, not 复
            assertThat(ReaderScript.forLocale(Locale.TRADITIONAL_CHINESE, POWER_WITH_FOLDED_CHARACTER)).endsWith("答覆");
            // the index answers (the fallback is tested below)
            assertThat(index.search("答复", null, 0, 10)).hasValueSatisfying(
                    page -> assertThat(page.ids()).containsExactly(AGENCY_WITH_FOLDED_CHARACTER));
            assertThat(directory.search("舉報的受理和答覆", null, 0, 10).items()).extracting(AgencySummary::id)
                    .containsExactly(AGENCY_WITH_FOLDED_CHARACTER);
            mvc.perform(get("/api/v1/agencies").param("q", "答覆"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.total").value(1))
                    .andExpect(jsonPath("$.items[0].id").value(AGENCY_WITH_FOLDED_CHARACTER));
        });
    }

    @Test
    void words_typed_as_a_zh_tw_page_shows_them_find_the_agency_in_the_database_fallback() throws Exception {
        // a directory whose index has no search node: every search is answered from the database
        var none = new org.springframework.beans.factory.support.StaticListableBeanFactory();
        AgencyDirectory fallback = new AgencyDirectory(repository,
                new AgencyIndex(none.getBeanProvider(SearchIndexes.class), none.getBeanProvider(ElasticsearchClient.class)),
                throttle, settings, regulations, transactions);
        assertThat(fallback.search("市場監管", null, 0, 10).items()).first()
                .satisfies(a -> assertThat(a.id()).isEqualTo("sample-market-regulation"));
        withPowerWithFoldedCharacter(knowledgeBase, directory, () -> {
            assertThat(fallback.search("舉報的受理和答覆", null, 0, 10).items()).extracting(AgencySummary::id)
                    .containsExactly(AGENCY_WITH_FOLDED_CHARACTER);
            assertThat(fallback.search("答覆", null, 0, 10).total()).isEqualTo(1);
        });
    }

    @Test
    void search_syntax_characters_emoji_and_very_long_input_do_not_fail() {
        assertThat(directory.search("\"(*:\\", null, 0, 10).items()).isEmpty();
        assertThat(directory.search("😀🚓", null, 0, 10).total()).isZero();
        directory.search("市".repeat(2000), null, 0, 10);
        directory.search("name:(x OR y) AND \\\"", null, 0, 10);
    }

    @Test
    void the_json_api_lists_searches_and_shows_agencies_with_masked_officers() throws Exception {
        mvc.perform(get("/api/v1/agencies").param("q", "市场监管"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.total").isNumber())
                .andExpect(jsonPath("$.items[0].id").value("sample-market-regulation"))
                .andExpect(jsonPath("$.items[0].url").value("/agencies/sample-market-regulation"))
                .andExpect(jsonPath("$.items[0].category").value("market"))
                .andExpect(jsonPath("$.items[0].sample").value(true));
        // a repeated parameter counts with its first value, as on the search page (not "市场监管,no-such-word")
        mvc.perform(get("/api/v1/agencies").param("q", "市场监管", "no-such-word").param("category", "market", "police"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value("sample-market-regulation"));
        mvc.perform(get("/api/v1/agencies/sample-market-regulation"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.officers[0].name").value("张*丰"))
                .andExpect(jsonPath("$.officers[0].certificate").value("SJ-990100-2021-0003"))
                .andExpect(jsonPath("$.powers[0].kind").isString())
                .andExpect(jsonPath("$.legalBasis[0]").isString())
                .andExpect(jsonPath("$.mediationEmail").value("tiaojie@scjg.sample.gov.cn"));
        mvc.perform(get("/api/v1/agencies/sample-ecology-environment"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.mediationEmail").doesNotExist());
        mvc.perform(get("/api/v1/agencies/no-such-agency"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("not_found"))
                .andExpect(jsonPath("$.message").value("没有找到这个执法主体。"));
    }

    @Test
    void the_json_api_gives_the_agencies_in_the_script_of_the_request_language() throws Exception {
        // zh-TW by ?lang= or by Accept-Language: the agency's own words as its zh-TW page shows them; ids, codes,
        // numbers, phones, e-mail addresses and the English name as written
        for (var traditional : List.of(get("/api/v1/agencies/sample-market-regulation").param("lang", "zh-TW"),
                get("/api/v1/agencies/sample-market-regulation").header("Accept-Language", "zh-TW"))) {
            mvc.perform(traditional)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.id").value("sample-market-regulation"))
                    .andExpect(jsonPath("$.name").value("示例市市場監督管理局"))
                    .andExpect(jsonPath("$.nameEn").value("Sample City Administration for Market Regulation"))
                    .andExpect(jsonPath("$.category").value("market"))
                    .andExpect(jsonPath("$.legalRepresentative").value("林志遠"))
                    .andExpect(jsonPath("$.address").value("示例市新城區和平路88號市場監管大樓"))
                    .andExpect(jsonPath("$.powers[0].name").value("對生產經營不符合食品安全標準的食品的行政處罰"))
                    .andExpect(jsonPath("$.powers[0].kind").value("penalty"))
                    .andExpect(jsonPath("$.legalBasis[0]").value("《中華人民共和國行政處罰法》第十七條"))
                    .andExpect(jsonPath("$.officers[0].name").value("張*豐"))
                    .andExpect(jsonPath("$.officers[0].certificate").value("SJ-990100-2021-0003"))
                    .andExpect(jsonPath("$.officers[0].status").value("valid"))
                    .andExpect(jsonPath("$.supervisionPhone").value("0999-12315001"))
                    .andExpect(jsonPath("$.mediationEmail").value("tiaojie@scjg.sample.gov.cn"))
                    .andExpect(jsonPath("$.url").value("/agencies/sample-market-regulation"));
        }
        mvc.perform(get("/api/v1/agencies").param("q", "市场监管").param("lang", "zh-TW"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value("sample-market-regulation"))
                .andExpect(jsonPath("$.items[0].name").value("示例市市場監督管理局"))
                .andExpect(jsonPath("$.items[0].address").value("示例市新城區和平路88號市場監管大樓"));
        // Simplified Chinese (no language, zh-CN) and English keep them as written
        for (var asWritten : List.of(get("/api/v1/agencies/sample-market-regulation"),
                get("/api/v1/agencies/sample-market-regulation").param("lang", "zh-CN"),
                get("/api/v1/agencies/sample-market-regulation").header("Accept-Language", "en"))) {
            mvc.perform(asWritten)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.name").value("示例市市场监督管理局"))
                    .andExpect(jsonPath("$.officers[0].name").value("张*丰"));
        }
        // the certificate check: the agency's name and the officer's masked name
        mvc.perform(get("/api/v1/certificates/{n}", "SJ-990100-2024-0017").param("lang", "zh-TW"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("valid"))
                .andExpect(jsonPath("$.certificate").value("SJ-990100-2024-0017"))
                .andExpect(jsonPath("$.officer").value("歐**軒"))
                .andExpect(jsonPath("$.agency.id").value("sample-market-regulation"))
                .andExpect(jsonPath("$.agency.name").value("示例市市場監督管理局"));
        mvc.perform(get("/api/v1/certificates/{n}", "SJ-990100-2024-0017").header("Accept-Language", "en"))
                .andExpect(jsonPath("$.officer").value("欧**轩"))
                .andExpect(jsonPath("$.agency.name").value("示例市市场监督管理局"));
    }

    @Test
    void the_json_api_answers_bad_parameters_with_400_and_a_message() throws Exception {
        mvc.perform(get("/api/v1/agencies").param("size", "500").header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("The page size must be between 1 and 100."));
        mvc.perform(get("/api/v1/agencies").param("page", "abc"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("bad_request"));
        mvc.perform(get("/api/v1/agencies").param("category", "police"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/certificates/{n}", "x".repeat(60)).header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(
                        "This number is too long (at most 40 characters). Please check it and enter it again."));
    }

    @Test
    void the_certificate_api_checks_a_real_province_s_number_in_any_written_form() throws Exception {
        // before: a plausible number no officer holds is unknown, not refused
        mvc.perform(get("/api/v1/certificates/{n}", "豫C01001234"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("unknown"))
                .andExpect(jsonPath("$.certificate").value("豫C01001234"));
        withOfficer(knowledgeBase, "豫c 0100-1234", () -> {
            assertThat(repository.findByCertificate("豫C01001234")).as("stored in its one form").isPresent();
            for (String typed : List.of("豫C01001234", "豫c-0100-1234", "豫Ｃ０１００１２３４", "豫C 0100 1234")) {
                mvc.perform(get("/api/v1/certificates/{n}", typed))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.status").value("valid"))
                        .andExpect(jsonPath("$.certificate").value("豫C01001234"))
                        .andExpect(jsonPath("$.officer").value("周*新"))
                        .andExpect(jsonPath("$.agency.id").value(AGENCY_WITH_REAL_NUMBER));
            }
        });
        mvc.perform(get("/api/v1/certificates/{n}", "豫C01001234"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("unknown"));
        // what no certificate number holds is still refused, saying what is allowed
        mvc.perform(get("/api/v1/certificates/{n}", "执法证0100").header("Accept-Language", "zh-CN"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("证件号只能包含省份简称（如豫、赣）、字母、数字和连字符“-”。请核对后重新输入。"));
    }

    @Test
    void the_certificate_api_answers_valid_revoked_and_unknown() throws Exception {
        mvc.perform(get("/api/v1/certificates/{n}", "sj-990100-2024-0017"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("valid"))
                .andExpect(jsonPath("$.officer").value("欧**轩"))
                .andExpect(jsonPath("$.agency.name").value("示例市市场监督管理局"));
        mvc.perform(get("/api/v1/certificates/{n}", "SJ-990100-2019-0056"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("revoked"))
                .andExpect(jsonPath("$.agency.supervisionPhone").value("0999-12315001"));
        mvc.perform(get("/api/v1/certificates/{n}", "SJ-990100-2099-9999"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("unknown"))
                .andExpect(jsonPath("$.agency").doesNotExist());
    }

    @Test
    void the_certificate_api_refuses_a_client_over_its_minute_with_429_and_retry_after() throws Exception {
        org.springframework.test.web.servlet.request.RequestPostProcessor from = r -> {
            r.setRemoteAddr("192.0.2.177");
            return r;
        };
        for (int i = 0; i < settings.certificateChecksPerMinute(); i++) {
            mvc.perform(get("/api/v1/certificates/{n}", "SJ-990100-2099-" + (1000 + i)).with(from))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("unknown"));
        }
        String wait = mvc.perform(get("/api/v1/certificates/{n}", "SJ-990100-2099-9999").with(from)
                        .header("Accept-Language", "en"))
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.error").value("rate_limited"))
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.matchesPattern(
                        "Too many checks in a short time\\. Please try again in \\d+ seconds?\\.")))
                .andReturn().getResponse().getHeader("Retry-After");
        assertThat(Long.parseLong(wait)).isBetween(1L, 60L);
        mvc.perform(get("/api/v1/certificates/{n}", "SJ-990100-2099-9999")
                        .with(r -> { r.setRemoteAddr("192.0.2.178"); return r; }))
                .andExpect(status().isOk());
    }

    @Test
    void unchanged_content_writes_nothing_and_a_changed_file_is_stored_and_reindexed() throws Exception {
        Instant before = repository.findById("sample-ecology-environment").orElseThrow().getUpdatedAt();
        LoadReport unchanged = reportOf(knowledgeBase.loadAll());
        assertThat(unchanged.changed()).isZero();
        assertThat(repository.findById("sample-ecology-environment").orElseThrow().getUpdatedAt()).isEqualTo(before);

        Path file = AGENCIES.resolve("sample-ecology-environment.yaml");
        String original = Files.readString(file, StandardCharsets.UTF_8);
        try {
            Files.writeString(file, original.replace("青山路15号", "翠柏巷7号"), StandardCharsets.UTF_8);
            assertThat(reportOf(knowledgeBase.loadAll()).changed()).isEqualTo(1);
            assertThat(repository.findById("sample-ecology-environment").orElseThrow().getAddress()).contains("翠柏巷7号");
            eventually(() -> directory.search("翠柏巷", null, 0, 10).items().stream()
                    .anyMatch(a -> a.id().equals("sample-ecology-environment")), "the index has the new address");
        } finally {
            Files.writeString(file, original, StandardCharsets.UTF_8);
            knowledgeBase.loadAll();
        }
    }

    @Test
    void a_broken_file_is_skipped_listed_and_the_others_stay_loaded() throws Exception {
        long count = repository.count();
        Path broken = AGENCIES.resolve("sample-broken.yaml");
        try {
            Files.writeString(broken, "id: sample-broken\nsample: true\ncategory: police\n", StandardCharsets.UTF_8);
            LoadReport report = reportOf(knowledgeBase.loadAll());
            assertThat(report.skipped()).isEqualTo(1);
            assertThat(knowledgeBase.problems()).extracting(ContentProblem::file).contains("knowledge-base/agencies/sample-broken.yaml");
            assertThat(knowledgeBase.problems()).filteredOn(p -> p.field().equals("category")).singleElement()
                    .satisfies(p -> assertThat(p.line()).isEqualTo(3));
            assertThat(repository.count()).isEqualTo(count);
        } finally {
            Files.deleteIfExists(broken);
            knowledgeBase.loadAll();
        }
        assertThat(knowledgeBase.problems()).isEmpty();
    }

    @Test
    void a_valid_file_naming_a_certificate_still_held_by_a_broken_files_agency_is_skipped_and_the_rest_loads()
            throws Exception {
        Path ecology = AGENCIES.resolve("sample-ecology-environment.yaml");
        Path traffic = AGENCIES.resolve("sample-traffic-police.yaml");
        Path copy = AGENCIES.resolve("sample-copy.yaml");
        String ecologyText = Files.readString(ecology, StandardCharsets.UTF_8);
        String trafficText = Files.readString(traffic, StandardCharsets.UTF_8);
        try {
            // the ecology file breaks (its agency and certificates stay in the database); another file names them
            Files.writeString(ecology, ecologyText.replace("category: environment", "category: nonsense"),
                    StandardCharsets.UTF_8);
            Files.writeString(copy, ecologyText.replace("id: sample-ecology-environment", "id: sample-copy"),
                    StandardCharsets.UTF_8);
            Files.writeString(traffic, trafficText.replace("交通路6号", "交通路8号"), StandardCharsets.UTF_8);
            LoadReport report = reportOf(knowledgeBase.loadAll());
            // the database holds a certificate number once: storing the copy failed the whole folder
            assertThat(report.problems()).noneMatch(p -> p.message().startsWith("loading failed"));
            assertThat(report.problems()).anySatisfy(p -> {
                assertThat(p.file()).isEqualTo("knowledge-base/agencies/sample-copy.yaml");
                assertThat(p.field()).isEqualTo("officers[0].certificate");
                assertThat(p.message()).contains("sample-ecology-environment");
            });
            assertThat(ContentProblemTexts.assertShownInEveryLanguage(report.problems()))
                    .contains("agency.problem.certificateKept");
            assertThat(report.skipped()).isEqualTo(2);
            assertThat(repository.findById("sample-copy")).isEmpty();
            assertThat(repository.findById("sample-traffic-police").orElseThrow().getAddress()).contains("交通路8号");
            mvc.perform(get("/api/v1/certificates/{n}", "HB-990100-2020-0008"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.agency.id").value("sample-ecology-environment"));
        } finally {
            Files.deleteIfExists(copy);
            Files.writeString(ecology, ecologyText, StandardCharsets.UTF_8);
            Files.writeString(traffic, trafficText, StandardCharsets.UTF_8);
            knowledgeBase.loadAll();
        }
        assertThat(knowledgeBase.problems()).isEmpty();
    }

    @Test
    void a_deleted_index_is_rebuilt_from_the_database_on_the_next_load() throws Exception {
        awaitNoReindexPending();
        eventually(() -> indexes.count("agencies") == repository.count(), "the index is built");
        List<String> concrete = List.copyOf(client.indices().getAlias(a -> a.name("agencies")).result().keySet());
        client.indices().delete(d -> d.index(concrete));
        assertThat(indexes.count("agencies")).isZero();
        LoadReport report = reportOf(knowledgeBase.loadAll());
        assertThat(report.changed()).isZero();
        eventually(() -> indexes.count("agencies") == repository.count(), "the index is rebuilt");
    }

    @Test
    void an_index_built_from_another_mapping_file_is_rebuilt_on_the_next_load() throws Exception {
        awaitNoReindexPending();
        eventually(() -> indexes.count("agencies") == repository.count(), "the index is built");
        assertThat(indexes.mappingChanged("agencies")).isFalse();
        // the same documents in a version created from another mapping file (as before agencies.json named the text
        // fold): the number of documents is in step, only the mapping is not
        String old = "agencies-v20000101000000000";
        client.indices().create(c -> c.index(old));
        for (var agency : repository.findAllByOrderByIdAsc()) {
            var doc = AgencyIndex.document(agency);
            client.index(i -> i.index(old).id(doc.id()).document(doc.source()));
        }
        client.indices().refresh(r -> r.index(old));
        List<String> current = List.copyOf(client.indices().getAlias(a -> a.name("agencies")).result().keySet());
        client.indices().updateAliases(u -> u.actions(a -> a.remove(r -> r.indices(current).alias("agencies")))
                .actions(a -> a.add(x -> x.index(old).alias("agencies"))));
        client.indices().delete(d -> d.index(current));
        assertThat(indexes.count("agencies")).isEqualTo(repository.count());
        assertThat(indexes.mappingChanged("agencies")).isTrue();

        assertThat(reportOf(knowledgeBase.loadAll()).changed()).isZero();
        eventually(() -> !indexes.mappingChanged("agencies"), "the index is rebuilt from the current mapping file");
        eventually(() -> indexes.count("agencies") == repository.count(), "the rebuilt index holds every agency");
    }

    @Test
    void an_officer_of_one_agency_cannot_read_another_agency_through_the_staff_service() {
        try {
            SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(
                    "officer-market", null, List.of(new SimpleGrantedAuthority("ROLE_OFFICER"))));
            assertThat(staff.ownAgency()).hasValueSatisfying(d -> {
                assertThat(d.id()).isEqualTo("sample-market-regulation");
                assertThat(d.officers()).extracting(Officer::name).contains("张晓丰");
            });
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> staff.agency("sample-traffic-police"))
                    .isInstanceOf(AccessDeniedException.class);
            SecurityContextHolder.clearContext();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> staff.ownAgency())
                    .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static LoadReport reportOf(List<LoadReport> reports) {
        return reports.stream().filter(r -> r.folder().equals("agencies")).findFirst().orElseThrow();
    }

    @Test
    void lists_and_search_results_read_the_summaries_without_loading_each_agencys_powers_basis_and_officers()
            throws Exception {
        awaitNoReindexPending();
        eventually(() -> indexes.count("agencies") == repository.count(), "the index is built");
        var counts = new cn.gov.enforcement.portal.testsupport.QueryCounts(entityManagerFactory);
        String entity = "cn.gov.enforcement.portal.agency.data.AgencyEntity.";
        List<String> roles = List.of(entity + "powers", entity + "legalBasis", entity + "officers");
        long loads = roles.stream().mapToLong(counts::collectionLoads).sum();

        List<AgencySummary> all = directory.all();
        assertThat(all).hasSizeGreaterThanOrEqualTo(5);
        assertThat(all).extracting(AgencySummary::id).isSorted();
        assertThat(directory.search(null, null, 0, 100).items()).hasSameSizeAs(all);
        assertThat(roles.stream().mapToLong(counts::collectionLoads).sum()).isEqualTo(loads);
        // the same summaries as read with the details
        assertThat(all).contains(directory.find("sample-market-regulation").orElseThrow().summary());

        // where the whole agencies are read, each collection is read in one query for all of them
        long statements = counts.statements();
        int everyAgency = repository.findAllByOrderByIdAsc().stream()
                .mapToInt(a -> a.getPowers().size() + a.getLegalBasis().size() + a.getOfficers().size()).sum();
        assertThat(everyAgency).isPositive();
        assertThat(counts.statements() - statements).as("the agencies and their three collections").isEqualTo(4);
    }

    @Test
    void an_event_naming_hundreds_of_agencies_is_stored_and_handled_and_then_deleted() throws Exception {
        awaitNoReindexPending();
        // as a knowledge-base load of some hundred agencies publishes it: longer than H2's 4,000 characters of
        // Spring Modulith's own schema
        List<String> removed = java.util.stream.IntStream.range(0, 300)
                .mapToObj(i -> "agency-removed-before-this-test-" + i).toList();
        assertThat(String.join("\",\"", removed).length()).isGreaterThan(4000);
        new org.springframework.transaction.support.TransactionTemplate(transactionManager)
                .executeWithoutResult(tx -> events.publishEvent(new AgencyDirectoryChanged(List.of(), removed)));
        awaitNoReindexPending();
        // a completed publication is deleted (spring.modulith.events.completion-mode=delete)
        assertThat(jdbc.queryForObject("select count(*) from event_publication where completion_date is not null",
                Long.class)).isZero();
        eventually(() -> indexes.count("agencies") == repository.count(), "the index is rebuilt");
    }
}
