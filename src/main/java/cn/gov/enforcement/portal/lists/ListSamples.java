package cn.gov.enforcement.portal.lists;

import cn.gov.enforcement.portal.platform.SampleContent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Whether the public lists show sample entries (published entries marked {@code sample}). */
@Component
class ListSamples implements SampleContent {

    private final JdbcTemplate jdbc;

    ListSamples(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean showsSamples() {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from lists_entry where sample = true)",
                Boolean.class));
    }
}
