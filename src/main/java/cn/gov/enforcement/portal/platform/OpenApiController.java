package cn.gov.enforcement.portal.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the hand-written OpenAPI 3.1 description of the public JSON API ({@value #LOCATION} on the class path) at
 * {@code GET /api/v1/openapi.yaml}, as {@code application/yaml} or, when asked for, {@code application/vnd.oai.openapi};
 * an {@code Accept} naming neither is answered 406 with the API's error body. Public and cached like the other answers
 * of published data ({@link PublicApiCacheFilter}). {@code OpenApiDescriptionIT} keeps the document and the
 * endpoints in step.
 */
@RestController
@JsonApi
class OpenApiController {

    /** Where the document lies on the class path. */
    static final String LOCATION = "api/openapi.yaml";

    /** YAML (RFC 9512), the type the document is served as by default. */
    static final String YAML = "application/yaml";

    /** The OpenAPI media type, for a client that asks for it. */
    static final String OPENAPI = "application/vnd.oai.openapi";

    private final byte[] document;

    OpenApiController() {
        try (InputStream in = new ClassPathResource(LOCATION).getInputStream()) {
            document = in.readAllBytes(); // read once: it changes only with a new build
        } catch (IOException e) {
            throw new UncheckedIOException("The API description " + LOCATION + " is missing from the build", e);
        }
    }

    @GetMapping(path = "/api/v1/openapi.yaml", produces = {YAML, OPENAPI})
    byte[] description() {
        return document;
    }
}
