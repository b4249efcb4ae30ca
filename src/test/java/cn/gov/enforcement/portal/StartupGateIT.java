package cn.gov.enforcement.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.server.VaadinServiceInitListener;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Requests that come while the portal is still starting (platform.StartupGate). The start is held twice, as a slow
 * machine holds it: while Vaadin's servlet is initialised, which Spring Boot does after the port already takes
 * connections (a public page was then sent to the staff sign-in: Vaadin's security rules cannot tell a public page
 * without the servlet), and in an application runner, where the first administrator is created. Each request gets
 * the 503 "starting" answer in the reader's language; after the start the page itself.
 */
class StartupGateIT {

    private static final CountDownLatch SERVLET_HELD = new CountDownLatch(1);
    private static final CountDownLatch SERVLET_RELEASE = new CountDownLatch(1);
    private static final CountDownLatch RUNNER_HELD = new CountDownLatch(1);
    private static final CountDownLatch RUNNER_RELEASE = new CountDownLatch(1);

    /** The holds, as a source of the application (no annotation: no other test's component scan finds it). */
    static class HeldStart {

        /** Runs while Vaadin's servlet is initialised, after the port opened. */
        @Bean
        VaadinServiceInitListener holdVaadinServlet() {
            return event -> hold(SERVLET_HELD, SERVLET_RELEASE);
        }

        /** Runs after the portal's own runners (the first administrator), before the portal is ready. */
        @Bean
        @Order(Ordered.LOWEST_PRECEDENCE)
        ApplicationRunner holdRunners() {
            return args -> hold(RUNNER_HELD, RUNNER_RELEASE);
        }

        private static void hold(CountDownLatch held, CountDownLatch release) {
            held.countDown();
            try {
                release.await(3, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void aRequestDuringTheStartIsAskedToWaitAndNeverSentToTheSignIn() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        // as arguments of the command line: they take precedence over application.yml, as the tests' settings do
        List<String> arguments = new ArrayList<>();
        IntegrationTest.testProperties((name, value) -> arguments.add("--" + name + "=" + value.get()));
        arguments.add("--server.port=" + port);
        SpringApplication application = PortalApplication.application();
        application.addPrimarySources(List.of(HeldStart.class));
        CompletableFuture<ConfigurableApplicationContext> started = CompletableFuture.supplyAsync(
                () -> application.run(arguments.toArray(String[]::new)));
        try {
            awaitHold(SERVLET_HELD, started);
            String base = "http://localhost:" + port;

            // the port is open, Vaadin's servlet is not ready yet: a public page is not sent to the sign-in
            HttpResponse<String> risks = get(base + "/risks?q=%E5%BA%97&sector=x");
            assertThat(risks.headers().firstValue("Location")).isEmpty();
            assertThat(risks.statusCode()).isEqualTo(503);
            assertThat(risks.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(risks.headers().firstValue("Cache-Control")).hasValueSatisfying(
                    cache -> assertThat(cache).contains("no-store"));
            assertThat(risks.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(risks.body()).contains("<html lang=\"zh-CN\"", "平台正在启动", "本页将在 5 秒后自动刷新",
                    "<meta http-equiv=\"refresh\" content=\"5\">", "href=\"/risks?q=%E5%BA%97&amp;sector=x\"");
            for (String path : new String[] {"/", "/regulations", "/staff", "/login"}) {
                HttpResponse<String> page = get(base + path);
                assertThat(page.statusCode()).as(path).isEqualTo(503);
                assertThat(page.headers().firstValue("Location")).as(path).isEmpty();
            }
            HttpResponse<String> english = get(base + "/regulations?lang=en");
            assertThat(english.statusCode()).isEqualTo(503);
            assertThat(english.body()).contains("The portal is starting", "reloads itself in 5 seconds");
            HttpResponse<String> api = get(base + "/api/v1/risk-points");
            assertThat(api.statusCode()).isEqualTo(503);
            assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            assertThat(api.body()).contains("\"error\":\"service_unavailable\"", "平台正在启动，请 5 秒后再试。");
            // a monitor still reads the health
            assertThat(get(base + "/actuator/health").headers().firstValue("Retry-After")).isEmpty();

            // Vaadin's servlet is ready; the runners (the first administrator) are still at work
            SERVLET_RELEASE.countDown();
            awaitHold(RUNNER_HELD, started);
            assertThat(get(base + "/risks").statusCode()).isEqualTo(503);

            RUNNER_RELEASE.countDown();
            started.get(3, TimeUnit.MINUTES);
            HttpResponse<String> ready = get(base + "/risks");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.headers().firstValue("Retry-After")).isEmpty();
            assertThat(ready.body()).doesNotContain("平台正在启动");
            assertThat(get(base + "/staff").headers().firstValue("Location")).hasValueSatisfying(
                    location -> assertThat(location).endsWith("/login"));
        } finally {
            SERVLET_RELEASE.countDown();
            RUNNER_RELEASE.countDown();
            // a start that failed has been reported by the assertions above
            ConfigurableApplicationContext context = started.handle((running, failure) -> running)
                    .get(3, TimeUnit.MINUTES);
            if (context != null) {
                context.close();
            }
        }
    }

    private HttpResponse<String> get(String address) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(address)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Waits until the start reaches the hold; a start that failed before it fails the test with its cause. */
    private static void awaitHold(CountDownLatch held, CompletableFuture<?> started) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!held.await(200, TimeUnit.MILLISECONDS)) {
            if (started.isDone()) {
                started.get();
                throw new AssertionError("The portal started without reaching the hold");
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The start did not reach the hold within 3 minutes");
            }
        }
    }
}
