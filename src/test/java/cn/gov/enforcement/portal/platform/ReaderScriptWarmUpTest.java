package cn.gov.enforcement.portal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.testsupport.WarmUps;
import org.junit.jupiter.api.Test;

/** The zh-TW phrase table is built once the portal is ready, on a thread of its own that the start does not wait for. */
class ReaderScriptWarmUpTest {

    @Test
    void the_phrase_table_is_built_on_a_low_priority_daemon_thread_once_the_portal_is_ready_and_one_line_says_how_long()
            throws Exception {
        WarmUps.assertLoadsInBackgroundOnceReady(ReaderScriptWarmUp.class, () -> new ReaderScriptWarmUp().loadInBackground(),
                ReaderScriptWarmUp.THREAD_NAME, "Phrase table for zh-TW pages ready after \\d+ ms .*");
        // and the table is ready for zh-TW pages
        assertThat(ReaderScript.toTaiwan("执法人员出示执法证件")).isEqualTo("執法人員出示執法證件");
    }
}
