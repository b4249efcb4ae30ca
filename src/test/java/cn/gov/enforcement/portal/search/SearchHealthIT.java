package cn.gov.enforcement.portal.search;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The whole portal on the test run's node: health shows Elasticsearch, indexes work through Spring. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SearchHealthIT extends IntegrationTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    SearchIndexes indexes;

    @Autowired
    ApplicationContext context;

    @Test
    @SuppressWarnings("unchecked")
    void actuator_health_shows_elasticsearch_up() {
        ResponseEntity<Map> response = http.getForEntity("/actuator/health", Map.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> components = (Map<String, Object>) response.getBody().get("components");
        assertThat(components).containsKey("elasticsearch");
        assertThat(((Map<String, Object>) components.get("elasticsearch")).get("status")).isEqualTo("UP");
        assertThat(context.getBean("elasticsearchHealthIndicator"))
                .as("the portal's check, which logs an outage once, not Boot's, which logs every failing call")
                .isInstanceOf(SearchHealthIndicator.class);
    }

    @Test
    void external_mode_starts_no_node_of_its_own_and_the_indexes_reach_the_test_node() {
        assertThat(context.getBeansOfType(EmbeddedSearchNode.class)).isEmpty();

        indexes.rebuild("test-items", List.of(new IndexDocument("spring-1", Map.of("title", "集成测试"))), n -> {});

        assertThat(indexes.count("test-items")).isEqualTo(1);
    }
}
