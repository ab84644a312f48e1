package org.orrery.clients;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Which redirect URIs may be registered (security rule 1): absolute {@code https} URIs without user-info or
 * fragment, private-use schemes of native apps, and {@code http} only on a loopback IP literal (RFC 8252 §7.3).
 */
public final class RedirectUriPolicy {

    private RedirectUriPolicy() {
    }

    /** A message naming what is wrong with the URI, or null when it may be registered. */
    public static String problemWith(String uri) {
        if (uri == null || uri.isBlank()) {
            return "A redirect URI may not be blank.";
        }
        if (uri.length() > 2000) {
            return "A redirect URI must be at most 2000 characters.";
        }
        URI parsed;
        try {
            parsed = new URI(uri.trim());
        }
        catch (URISyntaxException ex) {
            return "The redirect URI " + uri + " is not a valid URI.";
        }
        if (!parsed.isAbsolute() || parsed.getScheme() == null) {
            return "The redirect URI " + uri + " must be absolute.";
        }
        if (parsed.getRawFragment() != null) {
            return "The redirect URI " + uri + " may not contain a fragment.";
        }
        String scheme = parsed.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("javascript") || scheme.equals("data") || scheme.equals("file") || scheme.equals("vbscript")) {
            return "The redirect URI " + uri + " uses a scheme that is not allowed.";
        }
        if (scheme.equals("https") || scheme.equals("http")) {
            if (parsed.getRawUserInfo() != null) {
                return "The redirect URI " + uri + " may not contain user information.";
            }
            if (parsed.getHost() == null || parsed.getHost().isBlank()) {
                return "The redirect URI " + uri + " must name a host.";
            }
            if (scheme.equals("http") && !isLoopbackLiteral(parsed.getHost())) {
                return "The redirect URI " + uri
                        + " must use https (http is allowed only for http://127.0.0.1 and http://[::1]).";
            }
        }
        return null;
    }

    /** True for an absolute http(s) address with a host. */
    public static boolean isWebAddress(String value) {
        try {
            URI uri = new URI(value.trim());
            return uri.getScheme() != null
                    && (uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))
                    && uri.getHost() != null;
        }
        catch (URISyntaxException ex) {
            return false;
        }
    }

    public static boolean isLoopbackLiteral(String host) {
        return host != null && (host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("::1"));
    }
}
