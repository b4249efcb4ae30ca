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

    private SecurityHeaders() {}
}
