package cn.gov.enforcement.portal.platform;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Tomcat's own error answers, for a request it refuses before the application sees it ({@code /%}, {@code /x%00},
 * {@code /a%2fb}: 400) or an error nothing wrote a body for: the portal's answer of {@link ErrorAnswers} (the page in
 * the reader's language, the API's JSON under {@code /api/}), with the security headers, in place of Tomcat's English
 * "HTTP Status 400 – Bad Request" page. Installed as the host's error report valve (Spring Boot's, which only hid the
 * server's version and the report, is replaced); ordered after Boot's customizer, which adds that one.
 */
@Component
class TomcatErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final ErrorAnswers answers;

    TomcatErrorReports(ErrorAnswers answers) {
        this.answers = answers;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Container host = context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.getPipeline().addValve(new PortalErrorReportValve(answers));
            if (host instanceof StandardHost standard) {
                // the host adds a valve of this class when it starts unless there is one: ours
                standard.setErrorReportValveClass(PortalErrorReportValve.class.getName());
            }
        });
    }

    /** The error report valve writing the portal's answer. */
    static final class PortalErrorReportValve extends ErrorReportValve {

        private static final Logger LOG = LoggerFactory.getLogger(PortalErrorReportValve.class);

        private final ErrorAnswers answers;

        PortalErrorReportValve(ErrorAnswers answers) {
            this.answers = answers;
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            // as Tomcat's: nothing for a status below 400, an answer already written, or an error reported already
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            try {
                ErrorAnswers.Answer answer = answers.answer(request, status, ErrorAnswers.isApi(request), null);
                SecurityHeaders.setAll(response);
                response.setContentType(answer.contentType());
                PrintWriter writer = response.getReporter();
                if (writer != null) {
                    writer.write(new String(answer.body(), StandardCharsets.UTF_8));
                    response.finishResponse();
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("Could not write the error answer {} for {}: {}", status, request.getRequestURI(), e.toString());
            }
        }
    }
}
