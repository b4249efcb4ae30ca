package cn.gov.enforcement.portal.account;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.IntegrationTest;
import cn.gov.enforcement.portal.testsupport.StaffAccounts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;

/**
 * The administrators' endpoints over HTTP Basic: refused to officers and to an administrator whose password someone
 * else set until they have replaced it in the portal, as the pages do.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ActuatorAccessIT extends IntegrationTest {

    @Autowired TestRestTemplate http;
    @Autowired AccountService accounts;

    @Test
    void an_administrator_with_a_password_someone_else_set_is_refused_until_it_is_replaced() {
        SecurityContextHolder.setContext(new SecurityContextImpl(new UsernamePasswordAuthenticationToken("test-admin",
                null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN")))));
        String initial;
        String officerPassword;
        try {
            // the accounts of an earlier run against the same database are reused with new initial passwords
            initial = StaffAccounts.createOrReset(accounts, new AccountService.NewUser("basic-admin", "贺示例", Role.ADMIN,
                    null));
            officerPassword = StaffAccounts.createOrReset(accounts, new AccountService.NewUser("basic-officer", "贺同事",
                    Role.OFFICER, "sample-traffic-police"));
        } finally {
            SecurityContextHolder.clearContext();
        }

        // no endpoint beyond health and info is exposed by default: an allowed request finds nothing (404), a refused
        // one is refused before that (401 without an account, 403 with the wrong one)
        assertThat(http.getForEntity("/actuator/metrics", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("basic-officer", officerPassword).getForEntity("/actuator/metrics", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("basic-admin", initial).getForEntity("/actuator/metrics", String.class)
                .getStatusCode()).as("initial password not yet replaced").isEqualTo(HttpStatus.FORBIDDEN);

        SecurityContextHolder.setContext(new SecurityContextImpl(new UsernamePasswordAuthenticationToken("basic-admin",
                null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN")))));
        accounts.changeOwnPassword(initial, "he-own-secret-42", "he-own-secret-42");
        SecurityContextHolder.clearContext();
        assertThat(http.withBasicAuth("basic-admin", "he-own-secret-42").getForEntity("/actuator/metrics", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        @SuppressWarnings("unchecked")
        Map<String, Object> health = http.withBasicAuth("basic-admin", "he-own-secret-42")
                .getForObject("/actuator/health", Map.class);
        assertThat(health).as("details for administrators").containsKey("components");
    }
}
