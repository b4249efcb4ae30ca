package cn.gov.enforcement.portal.platform;

/**
 * The values of the security headers every answer carries beside Spring Security's defaults (set by the security
 * chains, and again by {@link ApiErrorFilter} when it rewrites a failed answer from scratch).
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
}
