package org.orrery.oauth;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers {@code /oauth/token} on the API faces too ({@code /api/oauth/token}, {@code /pub/oauth/token}), as
 * ORCID's token endpoint answers on its member and public API hosts. The request is handed on unchanged but for
 * its path, before any security filter sees it.
 */
final class FaceTokenPathFilter extends OncePerRequestFilter {

    static final String TOKEN_PATH = "/oauth/token";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/api" + TOKEN_PATH) || path.equals("/pub" + TOKEN_PATH)) {
            chain.doFilter(new HttpServletRequestWrapper(request) {
                @Override
                public String getRequestURI() {
                    return request.getContextPath() + TOKEN_PATH;
                }

                @Override
                public StringBuffer getRequestURL() {
                    StringBuffer url = new StringBuffer(request.getRequestURL());
                    url.setLength(url.length() - path.length());
                    return url.append(TOKEN_PATH);
                }

                @Override
                public String getServletPath() {
                    return TOKEN_PATH;
                }

                @Override
                public String getPathInfo() {
                    return null;
                }
            }, response);
            return;
        }
        chain.doFilter(request, response);
    }
}
