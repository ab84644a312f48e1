package org.orrery.system;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * How one face answers an error that reached the servlet container's error page (a refusal by the firewall or
 * the HTTP layer, an unknown address, a method not allowed) for the paths it owns: the OAuth endpoints' JSON,
 * the API's ORCID error body. Every other path gets the registry's HTML error page.
 */
public interface ErrorAnswer {

    /** True when the path (without the context path) belongs to this face. */
    boolean owns(String path);

    /** Writes the error body; the status is already set. */
    void write(int status, HttpServletRequest request, HttpServletResponse response) throws IOException;
}
