package cn.gov.enforcement.portal.assistant;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * An OpenAI-compatible chat endpoint on a free local port for tests: it answers every {@code /v1/chat/completions}
 * request with one status and one text, after an optional delay or only when the test opens its gate, and keeps
 * every request's body and {@code Authorization} header.
 */
public final class FakeChatModel implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final Semaphore gate;

    private FakeChatModel(int status, String answer, Duration delay, Semaphore gate) {
        this.gate = gate;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "fake-chat-model");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/v1/chat/completions", exchange -> {
            requests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            try {
                if (gate != null) {
                    gate.tryAcquire(20, TimeUnit.SECONDS); // the model takes its time
                } else if (!delay.isZero()) {
                    Thread.sleep(delay.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = JSON.writeValueAsBytes(Map.of("choices",
                    List.of(Map.of("message", Map.of("role", "assistant", "content", answer)))));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    /** Answers every request at once with {@code status} and {@code answer}. */
    public static FakeChatModel answering(int status, String answer) {
        return new FakeChatModel(status, answer, Duration.ZERO, null);
    }

    /** Answers every request with {@code answer} after {@code delay}. */
    public static FakeChatModel slow(String answer, Duration delay) {
        return new FakeChatModel(200, answer, delay, null);
    }

    /** Answers a request only when the test {@linkplain #open(int) opens} the gate for it (or after 20 s). */
    public static FakeChatModel gated(String answer) {
        return new FakeChatModel(200, answer, Duration.ZERO, new Semaphore(0));
    }

    /** The base URL to configure, ending in {@code /v1/}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/";
    }

    /** Lets {@code answers} waiting or later requests of a {@linkplain #gated(String) gated} model answer. */
    public void open(int answers) {
        gate.release(answers);
    }

    /** The bodies of the requests received so far, in order. */
    public List<String> requests() {
        return requests;
    }

    /** The {@code Authorization} header of the last request ({@code "null"} when it had none). */
    public String lastAuthorization() {
        return authorizations.isEmpty() ? null : authorizations.get(authorizations.size() - 1);
    }

    @Override
    public void close() {
        if (gate != null) {
            gate.release(1_000); // nothing waits on a stopped server
        }
        server.stop(0);
    }
}
