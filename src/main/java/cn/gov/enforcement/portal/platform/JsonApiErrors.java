package cn.gov.enforcement.portal.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
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
 * ({@link InputRejectedException}), fields a service refused ({@link ValidationFailure}, with each field's message in
 * {@code problems}) and a bad parameter are 400 {@code bad_request}, a body of a type the
 * endpoint does not read 415 {@code unsupported_media_type}; anything else that goes wrong is logged and
 * answered 500 {@code internal_error}. Controllers build their own expected answers (404, 429) with
 * {@link #response}. The errors no controller answers (no endpoint at the address, a refused caller) get
 * the same shape from {@link #statusBody}, written by {@link ApiErrorFilter}.
 */
@RestControllerAdvice(annotations = JsonApi.class)
public class JsonApiErrors {

    public static final String BAD_REQUEST = "bad_request";
    public static final String NOT_FOUND = "not_found";
    public static final String INTERNAL_ERROR = "internal_error";
    public static final String RATE_LIMITED = "rate_limited";
    public static final String TOO_LARGE = "too_large";
    public static final String UNAUTHORIZED = "unauthorized";
    public static final String FORBIDDEN = "forbidden";
    public static final String METHOD_NOT_ALLOWED = "method_not_allowed";
    public static final String NOT_ACCEPTABLE = "not_acceptable";
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type";
    public static final String SERVICE_UNAVAILABLE = "service_unavailable";

    private static final Logger log = LoggerFactory.getLogger(JsonApiErrors.class);
    private static final ObjectMapper JSON = new ObjectMapper();

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

    /**
     * 503 {@code service_unavailable} with {@code Retry-After}: a service the answer needs (the search node) does not
     * answer for now; the caller may try again, unlike after a 500.
     */
    public static ResponseEntity<Map<String, Object>> unavailable(long retryAfterSeconds, String message) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_JSON)
                .header("Retry-After", String.valueOf(retryAfterSeconds)).body(body(SERVICE_UNAVAILABLE, message));
    }

    /** The error body alone, for an answer that needs more headers (e.g. {@code Retry-After}). */
    public static Map<String, Object> body(String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        return body;
    }

    /**
     * The body of an error answer whose status alone tells what went wrong, for an error no controller answered
     * itself: 400 {@code bad_request}, 401 {@code unauthorized}, 403 {@code forbidden}, 404 {@code not_found}, 405
     * {@code method_not_allowed}, 406 {@code not_acceptable}, 415 {@code unsupported_media_type}, any other 4xx
     * {@code bad_request}, 5xx {@code internal_error}; the message in the caller's language.
     */
    public Map<String, Object> statusBody(int status, HttpServletRequest request) {
        Kind kind = switch (status) {
            case 401 -> new Kind(UNAUTHORIZED, "platform.api.unauthorized");
            case 403 -> new Kind(FORBIDDEN, "platform.api.forbidden");
            case 404 -> new Kind(NOT_FOUND, "platform.api.notFound");
            case 405 -> new Kind(METHOD_NOT_ALLOWED, "platform.api.methodNotAllowed");
            case 406 -> new Kind(NOT_ACCEPTABLE, "platform.api.notAcceptable");
            case 415 -> new Kind(UNSUPPORTED_MEDIA_TYPE, "platform.api.unsupportedMediaType");
            default -> status >= 500 ? new Kind(INTERNAL_ERROR, "platform.api.failure")
                    : new Kind(BAD_REQUEST, "platform.api.badRequest");
        };
        return body(kind.code(), message(request, kind.messageKey()));
    }

    /** The code and the message key of an error. */
    private record Kind(String code, String messageKey) {}

    /** Writes an error answer straight to the servlet response (for filters, which no controller advice reaches). */
    public static void write(HttpServletResponse response, int status, Map<String, Object> body) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        JSON.writeValue(response.getOutputStream(), body);
        response.flushBuffer();
    }

    @ExceptionHandler(InputRejectedException.class)
    ResponseEntity<Map<String, Object>> rejectedInput(InputRejectedException e, HttpServletRequest request) {
        return response(HttpStatus.BAD_REQUEST, BAD_REQUEST, message(request, e.messageKey(), e.args()));
    }

    /**
     * Input a service refused field by field ({@link ValidationFailure}): 400 {@code bad_request} with the first
     * problem's message and {@code "problems": [{"field", "message"}]}, every one in the caller's language.
     */
    @ExceptionHandler(ValidationFailure.class)
    ResponseEntity<Map<String, Object>> refusedFields(ValidationFailure refused, HttpServletRequest request) {
        List<Map<String, Object>> problems = refused.problems().stream()
                .map(p -> Map.<String, Object>of("field", p.field(), "message", message(request, p.messageKey(), p.args())))
                .toList();
        Map<String, Object> body = body(BAD_REQUEST, (String) problems.get(0).get("message"));
        body.put("problems", problems);
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    /** A body that is no JSON the endpoint reads: 400 with the message its API names. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> badBody(Exception e, HttpServletRequest request, HandlerMethod handler) {
        return response(HttpStatus.BAD_REQUEST, BAD_REQUEST, message(request, api(handler).badParameterKey()));
    }

    /**
     * A parameter of the wrong type ({@code page=abc}, {@code page=1.5}, a number beyond the type's range): 400 naming
     * the parameter, what it takes and, shortened, what came.
     */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> badParameter(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        Class<?> type = e.getRequiredType();
        String value = e.getValue() == null ? "" : e.getValue().toString();
        String shown = TextChecks.shortened(value, 20);
        boolean whole = type == int.class || type == Integer.class || type == long.class || type == Long.class;
        String key = !whole ? "platform.api.badValue"
                : value.strip().matches("[+-]?\\d+") ? "platform.api.numberOutOfRange" : "platform.api.notWholeNumber";
        return response(HttpStatus.BAD_REQUEST, BAD_REQUEST, message(request, key, e.getName(), shown));
    }

    /** A required parameter left out: 400 naming it. */
    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, Object>> missingParameter(MissingServletRequestParameterException e,
            HttpServletRequest request) {
        return response(HttpStatus.BAD_REQUEST, BAD_REQUEST,
                message(request, "platform.api.missingParameter", e.getParameterName()));
    }

    /** A body no converter of the endpoint reads: 415, telling in {@code Accept} the types it reads. */
    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> unsupportedBody(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).headers(e.getHeaders())
                .contentType(MediaType.APPLICATION_JSON).body(statusBody(e.getStatusCode().value(), request));
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
