package cn.gov.enforcement.portal.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers every request that comes while the portal is still starting with 503 and {@code Retry-After}: a page in
 * the reader's language that reloads itself ({@link ErrorAnswers#writeStarting}), the API's JSON under {@code /api/}.
 *
 * <p>The web server takes connections before the start is over: Spring Boot opens the port first and only then
 * initialises Vaadin's servlet (a few seconds, more on a busy machine), and the application runners (the first
 * administrator) and the start-up listeners run after that. Until Vaadin's servlet is initialised, Vaadin's security
 * rules cannot tell a public page from a staff page ({@code RequestUtil.isAnonymousRoute} is false without the
 * servlet's route registry), so a public page such as {@code /risks} was sent to the staff sign-in. The gate stays
 * shut until Spring Boot declares the application ready for traffic ({@link ReadinessState#ACCEPTING_TRAFFIC}, after
 * the runners and the listeners of the ready event) and never shuts again: a portal that is stopping is left to the
 * web server's own shutdown. The health endpoints ({@code /actuator/health}) are always answered, so a monitor sees
 * the portal's state during the start.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
public class StartupGate extends OncePerRequestFilter {

    /** Seconds the answer asks to wait before trying again ({@code Retry-After}, the page's reload). */
    static final int RETRY_AFTER_SECONDS = 5;

    private final ErrorAnswers answers;
    private volatile boolean open;

    public StartupGate(ErrorAnswers answers) {
        this.answers = answers;
    }

    /** Opens the gate when the application first accepts traffic. */
    @EventListener
    void readiness(AvailabilityChangeEvent<ReadinessState> event) {
        if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
            open = true;
        }
    }

    /** Whether requests reach the portal (the start is over). */
    public boolean isOpen() {
        return open;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (open) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/actuator/health") || path.startsWith("/actuator/health/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        answers.writeStarting(request, response, RETRY_AFTER_SECONDS);
    }
}
