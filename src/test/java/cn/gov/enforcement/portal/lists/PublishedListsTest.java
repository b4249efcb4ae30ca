package cn.gov.enforcement.portal.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.gov.enforcement.portal.agency.AgencyDirectory;
import cn.gov.enforcement.portal.lists.data.ListEntryEntity;
import cn.gov.enforcement.portal.lists.data.ListEntryRepository;
import cn.gov.enforcement.portal.regulation.RegulationCatalog;
import cn.gov.enforcement.portal.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The public lists are read from the database once and held until they change; the day's filter of the effective
 * dates is applied on every call, so that an entry enters and leaves the lists at midnight without a reload.
 */
class PublishedListsTest {

    /** 2026-11-21 (UTC, the zone of the mutable clock). */
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T12:00:00Z"));
    private final ListEntryRepository repository = mock(ListEntryRepository.class);
    private final List<ListEntryEntity> risks = new ArrayList<>();
    private PublishedLists published;
    private ListsCatalog catalog;

    @BeforeEach
    void setUp() {
        risks.add(risk("a-rp-today", "甲行业", LocalDate.of(2026, 1, 1), null));
        risks.add(risk("a-rp-last-day", "乙行业", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 11, 21)));
        risks.add(risk("a-rp-tomorrow", "丙行业", LocalDate.of(2026, 11, 22), null));
        when(repository.findByListKindOrderByIdAsc(anyString())).thenAnswer(i -> "risk-points".equals(i.getArgument(0))
                ? List.copyOf(risks) : List.of());
        published = new PublishedLists(repository);
        catalog = new ListsCatalog(published, mock(ListIndex.class), ListsSettings.defaults(), mock(AgencyDirectory.class),
                clock, mock(RegulationCatalog.class));
    }

    private static ListEntryEntity risk(String id, String sector, LocalDate from, LocalDate to) {
        return risk(id, sector, "标题" + id, "风险。", from, to);
    }

    private static ListEntryEntity risk(String id, String sector, String title, String risk, LocalDate from,
            LocalDate to) {
        RiskPoint r = new RiskPoint(id, "sample-agency", sector, "商户", title, risk, "低", "理由。", List.of(),
                List.of(), "后果。", List.of("预防"), List.of("提示"), from, to, true);
        ListEntryEntity e = new ListEntryEntity(id);
        e.replace("risk-points", r.agency(), sector, r.level(), null, r.title(), true, from, to, ListJson.write(r),
                "sample-agency.yaml", "hash", Instant.EPOCH);
        return e;
    }

    private List<String> publicIds() {
        return catalog.publicRiskPoints().stream().map(RiskPoint::id).toList();
    }

    private List<String> found(String q) {
        return catalog.searchRiskPoints(q, null, null, null, 0, 10).items().stream().map(RiskPoint::id).toList();
    }

    @Test
    void without_the_search_node_the_entries_text_is_searched_by_words_as_the_index_would() {
        LocalDate from = LocalDate.of(2026, 1, 1);
        risks.add(risk("b-rp-outside", "沿街经营", "店外经营、占道堆放物品", "把商品摆到门前人行道上经营。", from, null));
        risks.add(risk("b-rp-road", "市政设施", "擅自占用或挖掘城市道路", "为装修临时占用道路。", from, null));
        risks.add(risk("b-rp-label", "食品销售", "销售无标签或标签不合规的预包装食品", "照常经营无标签的食品。", from, null));
        published.invalidate();
        // the mocked index answers nothing: the catalog searches the entries' text
        assertThat(found("占道")).containsExactly("b-rp-outside");
        assertThat(found("占道经营")).first().isEqualTo("b-rp-outside");
        assertThat(found("店门口占道经营")).first().isEqualTo("b-rp-outside");
        // 无, 照, 经 and 营 all occur in the label entry, but of the words 无照 照经 经营 only one
        assertThat(found("无照经营")).isEmpty();
        assertThat(found("标签食品")).first().isEqualTo("b-rp-label");
        assertThat(found("潜水艇")).isEmpty();
    }

    @Test
    void without_the_search_node_a_question_lacking_a_licence_does_not_list_the_entries_about_it_held() {
        LocalDate from = LocalDate.of(2026, 1, 1);
        risks.add(risk("c-rp-display", "登记", "营业执照未置于醒目位置", "营业执照挂在后屋。", from, null));
        risks.add(risk("c-rp-unregistered", "登记", "未经登记从事经营活动", "没有营业执照就开店。", from, null));
        risks.add(risk("c-rp-inspection", "食品销售", "进货时未查验许可证和合格证明", "没看供货者的营业执照和许可证。", from,
                null));
        published.invalidate();
        // the mocked index answers nothing: the catalog searches the entries' text
        assertThat(found("营业执照")).contains("c-rp-display");
        assertThat(found("没营业执照")).contains("c-rp-unregistered").doesNotContain("c-rp-display");
        assertThat(found("沒營業執照")).contains("c-rp-unregistered").doesNotContain("c-rp-display");
        assertThat(catalog.searchRiskPoints("没营业执照", null, null, null, 0, 10).total()).isEqualTo(2);
        // the supplier's licence, checked by the business, is none it holds
        assertThat(found("没营业执照")).contains("c-rp-inspection");
        assertThat(found("没许可证")).contains("c-rp-inspection");
        // someone else's licence lacked: nothing is left out
        assertThat(found("对方没营业执照")).contains("c-rp-display");
        // a person called by surname is someone else too; the asker's small shop is the business itself
        assertThat(found("老王没营业执照")).contains("c-rp-display");
        assertThat(found("小李沒營業執照")).contains("c-rp-display");
        assertThat(found("我的小店没营业执照")).contains("c-rp-unregistered").doesNotContain("c-rp-display");
        // 供货商 is also searched as the law's 供货者
        assertThat(found("供货商没有许可证")).contains("c-rp-inspection");
        ListResults<RiskPoint> all = catalog.allRiskPoints("没营业执照", null, null, null);
        assertThat(all.items()).extracting(RiskPoint::id).doesNotContain("c-rp-display");
        // the download and the print mode name what was left out, as a page does
        assertThat(all.leftOut()).containsExactly("营业执照未置于醒目位置");
        assertThat(catalog.allRiskPoints("营业执照", null, null, null).leftOut()).isEmpty();
    }

    @Test
    void repeated_calls_read_the_list_once() {
        for (int i = 0; i < 5; i++) {
            assertThat(publicIds()).containsExactly("a-rp-today", "a-rp-last-day");
            assertThat(catalog.riskSectors()).containsExactly("乙行业", "甲行业");
            assertThat(catalog.agencies(ListKind.RISK_POINTS)).containsExactly("sample-agency");
            assertThat(catalog.findRiskPoint("a-rp-today")).isPresent();
            assertThat(catalog.findRiskPoint("a-rp-tomorrow")).isEmpty();
            assertThat(catalog.searchRiskPoints(null, "sample-agency", null, null, 0, 10).items())
                    .extracting(RiskPoint::id).containsExactly("a-rp-today", "a-rp-last-day");
        }
        verify(repository, times(1)).findByListKindOrderByIdAsc("risk-points");
    }

    @Test
    void at_midnight_entries_enter_and_leave_the_lists_without_a_reload() {
        assertThat(publicIds()).containsExactly("a-rp-today", "a-rp-last-day");
        clock.advance(Duration.ofHours(12));
        assertThat(publicIds()).containsExactly("a-rp-today", "a-rp-tomorrow");
        assertThat(catalog.riskSectors()).containsExactly("丙行业", "甲行业");
        assertThat(catalog.findRiskPoint("a-rp-tomorrow")).isPresent();
        assertThat(catalog.findRiskPoint("a-rp-last-day")).isEmpty();
        verify(repository, times(1)).findByListKindOrderByIdAsc("risk-points");
    }

    @Test
    void a_change_of_the_lists_is_read_on_the_next_call() {
        assertThat(publicIds()).containsExactly("a-rp-today", "a-rp-last-day");
        risks.remove(0);
        assertThat(publicIds()).as("unchanged until the change is announced").containsExactly("a-rp-today", "a-rp-last-day");
        published.on(new ListsChanged("risk-points", List.of(), List.of("a-rp-today")));
        assertThat(publicIds()).containsExactly("a-rp-last-day");
        risks.add(risk("a-rp-new", "丁行业", LocalDate.of(2026, 11, 1), null));
        published.invalidate();
        assertThat(publicIds()).containsExactly("a-rp-last-day", "a-rp-new");
        verify(repository, times(3)).findByListKindOrderByIdAsc("risk-points");
    }

    @Test
    void a_list_read_while_a_change_completes_is_not_kept() {
        doAnswer(i -> {
            List<ListEntryEntity> before = List.copyOf(risks);
            // the change commits after this read: its announcement arrives before the read is kept
            published.invalidate();
            return before;
        }).doAnswer(i -> List.copyOf(risks)).when(repository).findByListKindOrderByIdAsc("risk-points");
        publicIds();
        publicIds();
        publicIds();
        verify(repository, times(2)).findByListKindOrderByIdAsc("risk-points");
    }

    @Test
    void an_entry_whose_stored_text_no_longer_reads_is_left_out_and_the_others_stay_public() {
        ListEntryEntity broken = new ListEntryEntity("a-rp-broken");
        broken.replace("risk-points", "sample-agency", "丁行业", "低", null, "标题", true, LocalDate.of(2026, 1, 1), null,
                "{not json", "sample-agency.yaml", "hash", Instant.EPOCH);
        risks.add(broken);
        assertThat(publicIds()).containsExactly("a-rp-today", "a-rp-last-day");
    }
}
