package cn.gov.enforcement.portal.assistant;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the self-check assistant ({@code portal.assistant.*}).
 *
 * @param llmBaseUrl the base URL of an OpenAI-compatible chat API, e.g. {@code https://api.openai.com/v1} or
 *     Ollama's {@code http://localhost:11434/v1}; empty (the default) answers from the portal's sources only
 * @param llmModel the model name, e.g. {@code qwen2.5:7b}
 * @param llmApiKey the API key, if the endpoint needs one
 * @param llmTimeout how long to wait for the model before answering from the sources alone
 * @param questionsPerHour questions one client address may ask per hour
 */
@ConfigurationProperties(prefix = "portal.assistant")
public record AssistantSettings(String llmBaseUrl, String llmModel, String llmApiKey, Duration llmTimeout,
        Integer questionsPerHour) {

    public AssistantSettings {
        llmBaseUrl = llmBaseUrl == null || llmBaseUrl.isBlank() ? null : llmBaseUrl.strip().replaceAll("/+$", "");
        llmModel = llmModel == null || llmModel.isBlank() ? "qwen2.5:7b" : llmModel.strip();
        llmApiKey = llmApiKey == null || llmApiKey.isBlank() ? null : llmApiKey.strip();
        llmTimeout = llmTimeout == null ? Duration.ofSeconds(30) : llmTimeout;
        questionsPerHour = questionsPerHour == null ? 60 : questionsPerHour;
    }

    public boolean llmConfigured() {
        return llmBaseUrl != null;
    }
}
