package cn.gov.enforcement.portal.assistant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One call of an OpenAI-compatible chat completions API ({@code POST <base>/chat/completions}), as OpenAI,
 * Ollama ({@code /v1}), vLLM and most hosted Chinese models offer it: a system message, the earlier turns of
 * the conversation and a user message in, the first choice's text out.
 */
final class ChatEndpoint {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AssistantSettings settings;
    private final HttpClient http;

    ChatEndpoint(AssistantSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.llmTimeout()).build();
    }

    /** One message of the conversation; role {@code user} or {@code assistant}. */
    record Message(String role, String content) {}

    /**
     * Sends the request and returns at once; no thread waits for the model meanwhile.
     *
     * @param history earlier messages of the conversation, sent between the system and the user message
     * @return the model's text; completed exceptionally (an {@link IOException}, possibly wrapped) when the endpoint
     *     cannot be reached, answers an error or no text, or does not answer within the timeout
     */
    CompletableFuture<String> completeLater(String system, List<Message> history, String user) {
        HttpRequest request;
        try {
            request = request(system, history, user);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        CappedBody body = new CappedBody(MAX_RESPONSE_BYTES);
        CompletableFuture<HttpResponse<String>> exchange = http.sendAsync(request, info -> body);
        CompletableFuture<String> answer = exchange
                .thenApply(response -> {
                    try {
                        return text(response);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                // the request's timeout ends with the response's headers; a model that stalls in its body too
                .orTimeout(settings.llmTimeout().toMillis(), TimeUnit.MILLISECONDS);
        // given up on (the timeout, say): the connection and what was received of the body go too
        answer.whenComplete((text, failure) -> {
            if (failure != null) {
                exchange.cancel(true);
                body.abort(new IOException("The language model's answer was given up on"));
            }
        });
        return answer;
    }

    /** More than any answer of a chat model (a few thousand characters): a longer response is refused as it comes. */
    static final long MAX_RESPONSE_BYTES = 1 << 20;

    /**
     * A response body read as UTF-8 text, of at most {@code max} bytes: a longer one, or an {@link #abort}, cancels the
     * rest of the body and fails with an {@link IOException}.
     */
    static final class CappedBody implements HttpResponse.BodySubscriber<String> {

        private final HttpResponse.BodySubscriber<String> text = HttpResponse.BodySubscribers.ofString(
                StandardCharsets.UTF_8);
        private final CompletableFuture<String> result = new CompletableFuture<>();
        private final long max;
        private long received;
        private volatile java.util.concurrent.Flow.Subscription subscription;

        CappedBody(long max) {
            this.max = max;
            text.getBody().whenComplete((value, failure) -> {
                if (failure != null) {
                    result.completeExceptionally(failure);
                } else {
                    result.complete(value);
                }
            });
        }

        @Override
        public java.util.concurrent.CompletionStage<String> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
            subscription = s;
            text.onSubscribe(s);
        }

        @Override
        public void onNext(List<java.nio.ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (java.nio.ByteBuffer item : items) {
                received += item.remaining();
            }
            if (received > max) {
                abort(new IOException("The language model's answer is longer than " + max + " bytes"));
                return;
            }
            text.onNext(items);
        }

        @Override
        public void onError(Throwable failure) {
            text.onError(failure);
        }

        @Override
        public void onComplete() {
            text.onComplete();
        }

        /** Stops reading: the rest of the body is not asked for, and the text fails with {@code why}. */
        void abort(IOException why) {
            java.util.concurrent.Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
            result.completeExceptionally(why);
        }
    }

    private HttpRequest request(String system, List<Message> history, String user) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", settings.llmModel());
        body.put("temperature", 0.2);
        body.put("stream", false);
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", system);
        for (Message m : history) {
            messages.addObject().put("role", m.role()).put("content", m.content());
        }
        messages.addObject().put("role", "user").put("content", user);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.llmBaseUrl() + "/chat/completions"))
                .timeout(settings.llmTimeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
        if (settings.llmApiKey() != null) {
            request.header("Authorization", "Bearer " + settings.llmApiKey());
        }
        return request.build();
    }

    private static String text(HttpResponse<String> response) throws IOException {
        if (response.statusCode() != 200) {
            throw new IOException("The language model answered HTTP " + response.statusCode());
        }
        JsonNode text = JSON.readTree(response.body()).path("choices").path(0).path("message").path("content");
        if (!text.isTextual() || text.asText().isBlank()) {
            throw new IOException("The language model answered no text");
        }
        return text.asText().strip();
    }
}
