package org.orrery.oauth;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The authorizations the current request has already loaded, by the kind and hash of the value presented. A code
 * exchange asks for the same authorization four times (the PKCE check, the record-state guard, the grant and the
 * framework's provider behind it), and each load is three queries. Forgotten whenever the request saves or
 * removes one, so a load after a write reads the database again; outside a request nothing is kept.
 */
final class RequestLoadedAuthorizations {

    private static final String ATTRIBUTE = RequestLoadedAuthorizations.class.getName();

    /** The authorization this request loaded under this key, or the one {@code load} finds (kept if found). */
    OAuth2Authorization find(String key, Supplier<OAuth2Authorization> load) {
        Map<String, OAuth2Authorization> loaded = loaded();
        OAuth2Authorization found = loaded == null ? null : loaded.get(key);
        if (found == null) {
            found = load.get();
            if (found != null && loaded != null) {
                loaded.put(key, found);
            }
        }
        return found;
    }

    void forget() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.removeAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, OAuth2Authorization> loaded() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return null;
        }
        Object kept = request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (kept == null) {
            kept = new HashMap<String, OAuth2Authorization>();
            request.setAttribute(ATTRIBUTE, kept, RequestAttributes.SCOPE_REQUEST);
        }
        return (Map<String, OAuth2Authorization>) kept;
    }
}
