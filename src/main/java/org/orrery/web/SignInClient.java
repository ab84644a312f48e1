package org.orrery.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.orrery.clients.ClientRegistration;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/** The application a researcher signs in for: the client of the authorization request that sent them here. */
final class SignInClient {

    private static final HttpSessionRequestCache SAVED = new HttpSessionRequestCache();

    private SignInClient() {
    }

    /** The client id of the saved authorization request, or null when there is none or it is not an id. */
    static String of(HttpServletRequest request, HttpServletResponse response) {
        SavedRequest saved = request.getSession(false) == null ? null : SAVED.getRequest(request, response);
        String[] clientIds = saved == null ? null : saved.getParameterValues("client_id");
        if (clientIds == null || clientIds.length != 1 || !ClientRegistration.CLIENT_ID.matcher(clientIds[0]).matches()) {
            return null;
        }
        return clientIds[0];
    }
}
