package cn.gov.enforcement.portal.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.testsupport.WarmUps;
import org.junit.jupiter.api.Test;

/** The segmenter's dictionary is loaded once the portal is ready, on a thread of its own that the start does not wait for. */
class SegmenterWarmUpTest {

    @Test
    void the_dictionary_loads_on_a_low_priority_daemon_thread_once_the_portal_is_ready_and_one_line_says_how_long()
            throws Exception {
        WarmUps.assertLoadsInBackgroundOnceReady(SegmenterWarmUp.class, () -> new SegmenterWarmUp().loadInBackground(),
                SegmenterWarmUp.THREAD_NAME, "Word segmenter's dictionary ready for the self-check assistant after \\d+ ms .*");
        // and the segmenter is ready for questions
        assertThat(AssistantService.questionWords("执法人员来检查")).isNotEmpty();
    }
}
