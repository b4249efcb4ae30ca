package cn.gov.enforcement.portal.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The error page Tomcat forwards an error to ({@code /error}): the portal's own answer for its status
 * ({@link ErrorAnswers}) in place of Spring Boot's whitelabel page and JSON body ({@code server.error.whitelabel}
 * is off). An error of an address under {@code /api/} is answered in the API's JSON. Opened directly, {@code /error}
 * is an address of no page: 404. A failure (5xx) is logged with the reference the page shows.
 */
@Controller
class ErrorPageController implements ErrorController {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorPageController.class);

    private final ErrorAnswers answers;

    ErrorPageController(ErrorAnswers answers) {
        this.answers = answers;
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer number && number >= 400 ? number : HttpServletResponse.SC_NOT_FOUND;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String address = uri == null ? request.getRequestURI() : uri.toString();
        String reference = null;
        if (status >= 500) {
            reference = ErrorAnswers.newReference();
            LOG.error("Request {} {} failed with {} (reference {})", request.getMethod(), address, status, reference,
                    (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
        }
        if (response.isCommitted()) {
            return;
        }
        answers.write(request, response, status, address.startsWith(request.getContextPath() + "/api/"), reference);
    }
}
