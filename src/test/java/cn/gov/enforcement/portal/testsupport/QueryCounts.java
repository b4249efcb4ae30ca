package cn.gov.enforcement.portal.testsupport;

import jakarta.persistence.EntityManagerFactory;
import java.util.Arrays;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;

/**
 * Hibernate's statistics of the test's Spring context, switched on when first asked: how often the JPA queries ran
 * and how many collections were loaded. Other threads of the context (schedules) count too: ask about the queries
 * of the code under test only.
 */
public final class QueryCounts {

    private final Statistics statistics;

    public QueryCounts(EntityManagerFactory entityManagerFactory) {
        this.statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
    }

    /** How often the JPQL queries that contain this text ran, since statistics were switched on. */
    public long executions(String queryText) {
        return Arrays.stream(statistics.getQueries()).filter(q -> q.contains(queryText))
                .mapToLong(q -> statistics.getQueryStatistics(q).getExecutionCount()).sum();
    }

    /** How many collections of this role (entity class name, dot, field) were loaded. */
    public long collectionLoads(String role) {
        return statistics.getCollectionStatistics(role).getLoadCount()
                + statistics.getCollectionStatistics(role).getFetchCount();
    }

    /** Statements prepared by Hibernate in every thread. */
    public long statements() {
        return statistics.getPrepareStatementCount();
    }
}
