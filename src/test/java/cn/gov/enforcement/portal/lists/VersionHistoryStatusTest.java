package cn.gov.enforcement.portal.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class VersionHistoryStatusTest {

    private static List<ListsBackOffice.VersionSummary> versions(EntryStatus... statuses) {
        return IntStream.range(0, statuses.length).mapToObj(i -> new ListsBackOffice.VersionSummary(i + 1, statuses[i],
                false, "editor", Instant.EPOCH)).toList();
    }

    private static List<Boolean> superseded(List<ListsBackOffice.VersionSummary> versions) {
        return IntStream.range(0, versions.size()).mapToObj(i -> ListEntryHistoryView.superseded(versions, i)).toList();
    }

    @Test
    void a_published_version_is_replaced_once_a_later_one_is_published_or_the_entry_withdrawn() {
        assertThat(superseded(versions(EntryStatus.PUBLISHED, EntryStatus.PUBLISHED))).containsExactly(true, false);
        assertThat(superseded(versions(EntryStatus.PUBLISHED, EntryStatus.WITHDRAWN))).containsExactly(true, false);
        // still the public version while the next one is written or reviewed
        assertThat(superseded(versions(EntryStatus.PUBLISHED, EntryStatus.DRAFT))).containsExactly(false, false);
        assertThat(superseded(versions(EntryStatus.PUBLISHED, EntryStatus.IN_REVIEW))).containsExactly(false, false);
    }

    @Test
    void a_draft_or_review_version_saved_over_is_replaced_and_a_withdrawn_one_stays_withdrawn() {
        assertThat(superseded(versions(EntryStatus.DRAFT, EntryStatus.IN_REVIEW, EntryStatus.DRAFT)))
                .containsExactly(true, true, false);
        assertThat(superseded(versions(EntryStatus.WITHDRAWN, EntryStatus.DRAFT))).containsExactly(false, false);
        assertThat(superseded(versions(EntryStatus.DRAFT))).containsExactly(false);
    }
}
