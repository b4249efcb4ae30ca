package cn.gov.enforcement.portal.agency;

import cn.gov.enforcement.portal.platform.SampleContent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Whether the agency directory shows sample agencies (the ones shipped in {@code knowledge-base/agencies}). */
@Component
class AgencySamples implements SampleContent {

    private final JdbcTemplate jdbc;

    AgencySamples(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean showsSamples() {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from agency where sample = true)",
                Boolean.class));
    }
}
