package cn.gov.enforcement.portal.platform;

import com.vaadin.flow.server.VaadinRequest;
import java.util.Locale;

/** The address a page's request came from, as the key of per-client limits. */
public final class ClientAddress {

    private ClientAddress() {}

    /** The limit key of the current Vaadin request's remote address ({@link #key}); "unknown" outside a request. */
    public static String current() {
        VaadinRequest request = VaadinRequest.getCurrent();
        return key(request == null ? null : request.getRemoteAddr());
    }

    /**
     * The key a remote address is limited under: an IPv4 address as it is; an IPv6 address by its /64 prefix, the
     * network one subscriber gets (a single line can use any of its 2^64 addresses, so counting each apart would let
     * one client multiply every limit); "unknown" for none.
     */
    public static String key(String address) {
        if (address == null || address.isBlank()) {
            return "unknown";
        }
        String a = address.strip();
        if (a.startsWith("[") && a.endsWith("]")) {
            a = a.substring(1, a.length() - 1);
        }
        if (a.indexOf(':') < 0) {
            return a;
        }
        int zone = a.indexOf('%');
        if (zone >= 0) {
            a = a.substring(0, zone);
        }
        if (a.contains(".")) {
            // IPv4-mapped or -embedded (::ffff:203.0.113.7): the IPv4 address
            return a.substring(a.lastIndexOf(':') + 1);
        }
        String[] groups = expand(a.toLowerCase(Locale.ROOT));
        return groups == null ? a : String.join(":", groups[0], groups[1], groups[2], groups[3]) + "::/64";
    }

    /** The eight groups of an IPv6 address without leading zeros, or null when it is not one. */
    private static String[] expand(String a) {
        int gap = a.indexOf("::");
        String[] head = gap < 0 ? a.split(":", -1) : (gap == 0 ? new String[0] : a.substring(0, gap).split(":", -1));
        String[] tail = gap < 0 ? new String[0]
                : (gap + 2 == a.length() ? new String[0] : a.substring(gap + 2).split(":", -1));
        if ((gap < 0 && head.length != 8) || head.length + tail.length > (gap < 0 ? 8 : 7)) {
            return null;
        }
        String[] groups = new String[8];
        java.util.Arrays.fill(groups, "0");
        for (int i = 0; i < head.length; i++) {
            groups[i] = group(head[i]);
        }
        for (int i = 0; i < tail.length; i++) {
            groups[8 - tail.length + i] = group(tail[i]);
        }
        for (String g : groups) {
            if (g == null) {
                return null;
            }
        }
        return groups;
    }

    private static String group(String g) {
        if (g.isEmpty() || g.length() > 4 || !g.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return null;
        }
        return Integer.toHexString(Integer.parseInt(g, 16));
    }
}
