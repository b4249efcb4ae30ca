package cn.gov.enforcement.portal.search;

import java.util.Locale;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when the portal must start its own search node: {@code portal.search.mode=embedded}, or
 * mode {@code auto} (the default) and no {@code spring.elasticsearch.uris}.
 */
class EmbeddedModeCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return embedded(context.getEnvironment())
                ? ConditionOutcome.match("embedded search node")
                : ConditionOutcome.noMatch("external search cluster");
    }

    static boolean embedded(Environment env) {
        String mode = env.getProperty("portal.search.mode", "auto").trim().toLowerCase(Locale.ROOT);
        return switch (mode) {
            case "embedded" -> true;
            case "external" -> false;
            case "auto", "" -> {
                String uris = env.getProperty("spring.elasticsearch.uris", "");
                yield uris.isBlank();
            }
            default -> throw new IllegalStateException(
                    "portal.search.mode must be auto, embedded or external, not " + mode);
        };
    }
}
