package org.orrery.system;

import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.apache.tomcat.util.http.InvalidParameterException;

/**
 * A request whose parameters read as none when the container cannot decode them. The error page for such a
 * request is rendered on the same request, and every filter and interceptor on its way (CSRF, language) asks for
 * a parameter again; without this each of them would fail anew and the container would log the failure with a
 * stack trace and answer with its own report instead of the registry's page.
 */
class ParameterSafeRequest extends HttpServletRequestWrapper {

    ParameterSafeRequest(HttpServletRequest request) {
        super(request);
    }

    @Override
    public String getParameter(String name) {
        try {
            return super.getParameter(name);
        }
        catch (InvalidParameterException ex) {
            return null;
        }
    }

    @Override
    public String[] getParameterValues(String name) {
        try {
            return super.getParameterValues(name);
        }
        catch (InvalidParameterException ex) {
            return null;
        }
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        try {
            return super.getParameterMap();
        }
        catch (InvalidParameterException ex) {
            return Map.of();
        }
    }

    @Override
    public Enumeration<String> getParameterNames() {
        try {
            return super.getParameterNames();
        }
        catch (InvalidParameterException ex) {
            return Collections.emptyEnumeration();
        }
    }
}
