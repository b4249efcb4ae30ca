package cn.gov.enforcement.portal.rating;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The officers' list shows the start of each comment, never half an emoji. */
class RatingQueuePreviewTest {

    @Test
    void the_preview_counts_code_points_and_never_splits_an_emoji() {
        String emoji = "😡";
        String comment = "差".repeat(RatingQueueView.PREVIEW - 1) + emoji + "后面还有";
        String preview = RatingQueueView.preview(comment);
        assertThat(preview).isEqualTo("差".repeat(RatingQueueView.PREVIEW - 1) + emoji + "…");
        assertThat(preview.codePointCount(0, preview.length())).isEqualTo(RatingQueueView.PREVIEW + 1);
        // emoji all the way: 120 whole emoji, no lone surrogate
        String angry = emoji.repeat(RatingQueueView.PREVIEW + 5);
        assertThat(RatingQueueView.preview(angry)).isEqualTo(emoji.repeat(RatingQueueView.PREVIEW) + "…");
        // a comment of 120 code points (but more UTF-16 units) is shown whole
        String whole = emoji.repeat(RatingQueueView.PREVIEW);
        assertThat(RatingQueueView.preview(whole)).isEqualTo(whole);
        assertThat(RatingQueueView.preview(null)).isEmpty();
        assertThat(RatingQueueView.preview("很好")).isEqualTo("很好");
    }
}
