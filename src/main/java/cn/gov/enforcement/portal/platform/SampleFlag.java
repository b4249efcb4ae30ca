package cn.gov.enforcement.portal.platform;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@link SampleContent} for a module whose published rows carry a {@code sample} column. The answer is read once and
 * kept until the module reports a change ({@link #changed()}, from its change event after commit), because the page
 * footer asks on every page load and a table without samples would otherwise be scanned each time. A change reported
 * while the answer is being read makes the next call read again.
 */
public abstract class SampleFlag implements SampleContent {

    private record Answer(long generation, boolean samples) {}

    private final JdbcTemplate jdbc;
    private final String query;
    private final AtomicLong generation = new AtomicLong();
    private final AtomicReference<Answer> answer = new AtomicReference<>();

    /** {@code table} is a constant of the module, never input. */
    protected SampleFlag(JdbcTemplate jdbc, String table) {
        this.jdbc = jdbc;
        this.query = "select exists (select 1 from " + table + " where sample = true)";
    }

    @Override
    public boolean showsSamples() {
        long current = generation.get();
        Answer known = answer.get();
        if (known != null && known.generation() == current) {
            return known.samples();
        }
        boolean samples = Boolean.TRUE.equals(jdbc.queryForObject(query, Boolean.class));
        answer.set(new Answer(current, samples));
        return samples;
    }

    /** The module's published content changed: the next question reads the table again. */
    protected void changed() {
        generation.incrementAndGet();
    }
}
