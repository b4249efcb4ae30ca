package cn.gov.enforcement.portal.regulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentVersionsTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

    private static LegalDocument version(String title, LocalDate date, HistoryEvent... history) {
        Article article = new Article(1, "第一条", new ArticleNumber(1, 0), List.of(),
                List.of(Paragraph.of("text of " + date)));
        return new LegalDocument(title, "", LegalLevel.LAW, "", LegalDocument.NATIONAL, "", List.of(history), date,
                null, List.of(article), title + date, null);
    }

    @Test
    void the_newest_version_is_current_and_older_ones_are_superseded() {
        List<DocumentVersions> groups = DocumentVersions.group(List.of(
                version("某法", LocalDate.of(2010, 1, 1)),
                version("某法", LocalDate.of(2021, 1, 1)),
                version("另一法", LocalDate.of(2015, 1, 1)),
                version("某法", LocalDate.of(2015, 1, 1))), TODAY);
        assertThat(groups).hasSize(2);
        DocumentVersions some = groups.get(0);
        assertThat(some.versions()).extracting(LegalDocument::versionDate).containsExactly(
                LocalDate.of(2021, 1, 1), LocalDate.of(2015, 1, 1), LocalDate.of(2010, 1, 1));
        assertThat(some.versions()).extracting(LegalDocument::status).containsExactly(
                DocumentStatus.CURRENT, DocumentStatus.SUPERSEDED, DocumentStatus.SUPERSEDED);
        assertThat(some.current()).contains(some.versions().get(0));
        assertThat(groups.get(1).current()).isPresent();
    }

    @Test
    void a_version_not_yet_in_force_is_pending_and_the_previous_one_stays_current() {
        LegalDocument future = version("某法", LocalDate.of(2025, 3, 1),
                new HistoryEvent(LocalDate.of(2026, 1, 1), HistoryEvent.Kind.IN_FORCE, "施行"));
        List<DocumentVersions> groups = DocumentVersions.group(List.of(future, version("某法", LocalDate.of(2020, 1, 1))),
                TODAY);
        assertThat(groups.get(0).versions()).extracting(LegalDocument::status)
                .containsExactly(DocumentStatus.PENDING, DocumentStatus.CURRENT);
    }

    @Test
    void a_repealed_newest_version_is_reported_as_repealed() {
        LegalDocument repealed = version("旧法", LocalDate.of(2001, 1, 1),
                new HistoryEvent(LocalDate.of(2020, 1, 1), HistoryEvent.classify("废止"), "废止"));
        assertThat(DocumentVersions.group(List.of(repealed), TODAY).get(0).versions().get(0).status())
                .isEqualTo(DocumentStatus.REPEALED);
        assertThat(DocumentVersions.group(List.of(repealed), TODAY).get(0).current()).isEmpty();
    }

    @Test
    void history_wording_is_classified() {
        assertThat(HistoryEvent.classify("第十三届全国人民代表大会常务委员会第三十次会议通过")).isEqualTo(HistoryEvent.Kind.PASSED);
        assertThat(HistoryEvent.classify("施行")).isEqualTo(HistoryEvent.Kind.IN_FORCE);
        assertThat(HistoryEvent.classify("…《关于修改部分法律的决定》第一次修正")).isEqualTo(HistoryEvent.Kind.AMENDED);
        assertThat(HistoryEvent.classify("第十三届全国人民代表大会常务委员会第二十五次会议修订")).isEqualTo(HistoryEvent.Kind.REVISED);
        assertThat(HistoryEvent.classify("中华人民共和国主席令第七十号公布")).isEqualTo(HistoryEvent.Kind.PROMULGATED);
        assertThat(HistoryEvent.classify("根据《国务院关于废止和修改部分行政法规的决定》修订")).isEqualTo(HistoryEvent.Kind.REVISED);
        assertThat(HistoryEvent.classify("国务院令第1号予以废止")).isEqualTo(HistoryEvent.Kind.REPEALED);
        assertThat(HistoryEvent.classify("执行")).isEqualTo(HistoryEvent.Kind.IN_FORCE);
        assertThat(HistoryEvent.classify("第七届全国人民代表大会第一次会议通过的《中华人民共和国宪法修正案》"))
                .isEqualTo(HistoryEvent.Kind.AMENDED);
    }
}
