package org.orrery.web;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Matches requests that one of Orrery's controllers answers (whatever the method). Lets a visitor who is not
 * signed in see the "page not found" page for an address nothing serves, instead of being asked to sign in
 * first, while every real page still requires sign-in. The look-up runs on a copy of the request's
 * attributes, so it leaves no trace on the request itself.
 */
final class KnownPageMatcher implements RequestMatcher {

    private final HandlerMapping controllers;

    KnownPageMatcher(HandlerMapping controllers) {
        this.controllers = controllers;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        HttpServletRequest lookup = new PrivateAttributes(request);
        ServletRequestPathUtils.parseAndCache(lookup);
        try {
            return this.controllers.getHandler(lookup) != null;
        }
        catch (Exception ex) {
            // The path is mapped, only not for this method or media type.
            return true;
        }
    }

    /** Reads the request's attributes but keeps its own writes to itself. */
    private static final class PrivateAttributes extends HttpServletRequestWrapper {

        private final Map<String, Object> written = new HashMap<>();

        PrivateAttributes(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Object getAttribute(String name) {
            return this.written.containsKey(name) ? this.written.get(name) : super.getAttribute(name);
        }

        @Override
        public void setAttribute(String name, Object value) {
            this.written.put(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            this.written.put(name, null);
        }
    }
}
