package cn.gov.enforcement.portal.agency;

import cn.gov.enforcement.portal.platform.SampleFlag;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** Whether the agency directory shows sample agencies (the ones shipped in {@code knowledge-base/agencies}). */
@Component
class AgencySamples extends SampleFlag {

    AgencySamples(JdbcTemplate jdbc) {
        super(jdbc, "agency");
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(AgencyDirectoryChanged event) {
        changed();
    }
}
