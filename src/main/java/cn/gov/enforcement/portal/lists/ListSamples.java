package cn.gov.enforcement.portal.lists;

import cn.gov.enforcement.portal.platform.SampleFlag;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** Whether the public lists show sample entries (published entries marked {@code sample}). */
@Component
class ListSamples extends SampleFlag {

    ListSamples(JdbcTemplate jdbc) {
        super(jdbc, "lists_entry");
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ListsChanged event) {
        changed();
    }
}
