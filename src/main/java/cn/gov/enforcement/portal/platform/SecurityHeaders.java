package cn.gov.enforcement.portal.platform;

/**
 * The values of the security headers every answer carries beside Spring Security's defaults (set by the security
 * chains, and again by {@link #setAll} where an answer is written outside them).
 */
public final class SecurityHeaders {

    /** A link to another site tells it the portal's address only, never the page (a case number, a search). */
    public static final String REFERRER_POLICY = "strict-origin-when-cross-origin";

    /** No page of the portal uses the camera, the microphone, the location or the other sensors and payments. */
    public static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
            + "magnetometer=(), gyroscope=(), accelerometer=()";

    /**
     * Everything a page uses comes from the portal itself: no script, style, image, font or connection of another site,
     * no plug-ins, no other {@code <base>}, forms sent only to the portal, and no framing by any site (as
     * {@code X-Frame-Options: DENY}). Inline scripts and styles and {@code eval} stay allowed because Vaadin Flow needs
     * them (its bootstrap page starts the client engine inline; the engine builds functions from the expressions the
     * server sends); a nonce-based strict policy would take Vaadin's own inline code apart.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; "
            + "script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private SecurityHeaders() {}

    /**
     * Sets every security header on an answer written where the security chains' header writer does not reach (an
     * error answer rewritten from scratch, a request the firewall or Tomcat refused): Spring Security's defaults
     * (never sniffed, framed or cached) and the three above.
     */
    public static void setAll(jakarta.servlet.http.HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-XSS-Protection", "0");
        response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
        response.setHeader("Pragma", "no-cache");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", REFERRER_POLICY);
        response.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    }
}
