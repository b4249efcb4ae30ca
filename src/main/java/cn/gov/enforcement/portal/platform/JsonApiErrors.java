package cn.gov.enforcement.portal.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The error answers of every {@link JsonApi} controller, as one JSON shape:
 * {@code {"error": "<code>", "message": "<text in the caller's language>"}} (language from {@code ?lang=}
 * or Accept-Language, see {@link LanguagePreference#forApiRequest}). A refused input
 * ({@link InputRejectedException}) and a bad parameter are 400 {@code bad_request}; anything else that
 * goes wrong is logged and answered 500 {@code internal_error}. Controllers build their own expected
 * answers (404, 429) with {@link #response}.
 */
@RestControllerAdvice(annotations = JsonApi.class)
public class JsonApiErrors {

    public static final String BAD_REQUEST = "bad_request";
    public static final String NOT_FOUND = "not_found";
    public static final String INTERNAL_ERROR = "internal_error";
    public static final String RATE_LIMITED = "rate_limited";

    private static final Logger log = LoggerFactory.getLogger(JsonApiErrors.class);

    private final Translations translations;

    public JsonApiErrors(Translations translations) {
        this.translations = translations;
    }

    /** An error answer: the status, a JSON body with the machine-readable code and the message. */
    public static ResponseEntity<Map<String, Object>> response(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body(code, message));
    }

    /** 429 {@code rate_limited} with the message, telling the client in {@code Retry-After} when to ask again. */
    public static ResponseEntity<Map<String, Object>> rateLimited(long retryAfterSeconds, String message) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).contentType(MediaType.APPLICATION_JSON)
                .header("Retry-After", String.valueOf(retryAfterSeconds)).body(body(RATE_LIMITED, message));
    }

    /** The error body alone, for an answer that needs more headers (e.g. {@code Retry-After}). */
    public static Map<String, Object> body(String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        return body;
    }

    @ExceptionHandler(InputRejectedException.class)
    ResponseEntity<Map<String, Object>> rejectedInput(InputRejectedException e, HttpServletRequest request) {
        return response(HttpStatus.BAD_REQUEST, BAD_REQUEST, message(request, e.messageKey(), e.args()));
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
            HttpMessageNotReadableException.class, HttpMediaTypeNotSupportedException.class})
    ResponseEntity<Map<String, Object>> badParameter(Exception e, HttpServletRequest request, HandlerMethod handler) {
        return response(HttpStatus.BAD_REQUEST, BAD_REQUEST, message(request, api(handler).badParameterKey()));
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<Map<String, Object>> failure(RuntimeException e, HttpServletRequest request, HandlerMethod handler) {
        log.error("API request {} ({}) failed", request.getRequestURI(), handler.getBeanType().getSimpleName(), e);
        return response(HttpStatus.INTERNAL_SERVER_ERROR, INTERNAL_ERROR, message(request, api(handler).failureKey()));
    }

    private static JsonApi api(HandlerMethod handler) {
        JsonApi api = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), JsonApi.class);
        if (api == null) { // only reachable when the advice is registered by hand for another controller
            throw new IllegalStateException(handler.getBeanType() + " is not a @JsonApi controller");
        }
        return api;
    }

    private String message(HttpServletRequest request, String key, Object... args) {
        return translations.get(LanguagePreference.forApiRequest(request), key, args);
    }
}
