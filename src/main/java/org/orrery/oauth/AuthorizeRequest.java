package org.orrery.oauth;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpSession;

/**
 * A {@code GET} to an authorization-server path with the given query parameters, made from another request of
 * the same connection: same scheme, host, port, address and {@code Accept} headers, but no body, no cookies, no
 * session and no credentials of its own, and request attributes of its own.
 */
final class AuthorizeRequest extends HttpServletRequestWrapper {

    private static final Set<String> DROPPED_HEADERS = Set.of("authorization", "cookie", "content-type",
            "content-length", "transfer-encoding");

    private final String path;

    private final Map<String, String[]> parameters = new LinkedHashMap<>();

    private final String queryString;

    private final Map<String, Object> attributes;

    AuthorizeRequest(HttpServletRequest request, String path, Map<String, String> parameters) {
        super(request);
        this.path = path;
        this.attributes = new HashMap<>();
        StringJoiner query = new StringJoiner("&");
        parameters.forEach((name, value) -> {
            if (value != null) {
                this.parameters.put(name, new String[] { value });
                query.add(encode(name) + "=" + encode(value));
            }
        });
        this.queryString = query.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String getMethod() {
        return "GET";
    }

    /**
     * A forward (to the error page) forwards the request this one was made from, as a {@code GET} and with the
     * attributes the forwarding code set (the framework's own stay behind): forwarding this request itself would
     * carry its own path over the target's.
     */
    @Override
    public RequestDispatcher getRequestDispatcher(String target) {
        HttpServletRequest outer = (HttpServletRequest) getRequest();
        RequestDispatcher dispatcher = outer.getRequestDispatcher(target);
        return new RequestDispatcher() {
            @Override
            public void forward(ServletRequest request, ServletResponse response) throws ServletException, IOException {
                AuthorizeRequest.this.attributes.forEach((name, value) -> {
                    if (!name.startsWith("org.springframework.") && !name.startsWith("__spring")) {
                        outer.setAttribute(name, value);
                    }
                });
                dispatcher.forward(new HttpServletRequestWrapper(outer) {
                    @Override
                    public String getMethod() {
                        return "GET";
                    }
                }, response);
            }

            @Override
            public void include(ServletRequest request, ServletResponse response) throws ServletException, IOException {
                dispatcher.include(request, response);
            }
        };
    }

    @Override
    public String getRequestURI() {
        return getContextPath() + this.path;
    }

    @Override
    public StringBuffer getRequestURL() {
        HttpServletRequest request = (HttpServletRequest) getRequest();
        StringBuffer outer = request.getRequestURL();
        String uri = request.getRequestURI();
        int at = outer.length() - uri.length();
        return new StringBuffer(outer.substring(0, Math.max(at, 0))).append(getRequestURI());
    }

    @Override
    public String getServletPath() {
        return this.path;
    }

    @Override
    public String getPathInfo() {
        return null;
    }

    @Override
    public String getQueryString() {
        return this.queryString.isEmpty() ? null : this.queryString;
    }

    @Override
    public String getParameter(String name) {
        String[] values = this.parameters.get(name);
        return values == null ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return Collections.unmodifiableMap(this.parameters);
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(this.parameters.keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
        String[] values = this.parameters.get(name);
        return values == null ? null : values.clone();
    }

    @Override
    public String getHeader(String name) {
        return DROPPED_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT)) ? null : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        return DROPPED_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT)) ? Collections.emptyEnumeration()
                : super.getHeaders(name);
    }

    @Override
    public String getContentType() {
        return null;
    }

    @Override
    public int getContentLength() {
        return -1;
    }

    @Override
    public long getContentLengthLong() {
        return -1;
    }

    @Override
    public jakarta.servlet.http.Cookie[] getCookies() {
        return null;
    }

    @Override
    public HttpSession getSession(boolean create) {
        return create ? super.getSession(true) : null;
    }

    @Override
    public HttpSession getSession() {
        return getSession(true);
    }

    @Override
    public String getRequestedSessionId() {
        return null;
    }

    @Override
    public Object getAttribute(String name) {
        return this.attributes.get(name);
    }

    @Override
    public Enumeration<String> getAttributeNames() {
        return Collections.enumeration(this.attributes.keySet());
    }

    @Override
    public void setAttribute(String name, Object value) {
        if (value == null) {
            this.attributes.remove(name);
        }
        else {
            this.attributes.put(name, value);
        }
    }

    @Override
    public void removeAttribute(String name) {
        this.attributes.remove(name);
    }
}
