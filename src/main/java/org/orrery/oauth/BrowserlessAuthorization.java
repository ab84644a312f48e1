package org.orrery.oauth;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.web.authentication.ClientSecretBasicAuthenticationConverter;
import org.springframework.security.oauth2.server.authorization.web.authentication.ClientSecretPostAuthenticationConverter;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.DelegatingAuthenticationConverter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * The two halves of a sandbox's browser-less authorization, both done by the real authorization server's own
 * parts: the client authenticates exactly as at the token endpoint (the framework's {@code client_secret_basic}
 * and {@code client_secret_post} converters and secret check, answered by the token endpoint's error writer),
 * and the authorization request runs through the authorization endpoint's own filter chain as a
 * {@code GET /oauth/authorize}, with the researcher signed in for that one request and their consent given
 * ({@link SandboxConsent}). Whatever that chain answers (the redirect with the code, or an error redirect or
 * page) is the answer.
 */
@Component
public class BrowserlessAuthorization {

    private final DelegatingAuthenticationConverter credentials = new DelegatingAuthenticationConverter(
            List.of(new ClientSecretBasicAuthenticationConverter(), new ClientSecretPostAuthenticationConverter()));

    private final ClientSecretAuthenticationProvider secrets;

    private final TokenErrorWriter errors = new TokenErrorWriter();

    private final ObjectProvider<SecurityFilterChain> authorizationServerChain;

    public BrowserlessAuthorization(RegisteredClientRepository clients, HashedAuthorizationService authorizations,
            @Qualifier("authorizationServerChain") ObjectProvider<SecurityFilterChain> authorizationServerChain) {
        this.secrets = new ClientSecretAuthenticationProvider(clients, authorizations);
        this.secrets.setPasswordEncoder(new ClientSecretMatcher());
        this.authorizationServerChain = authorizationServerChain;
    }

    /**
     * The client the request authenticates as, or null after answering the token endpoint's error (401
     * {@code invalid_client}, or 400 for malformed credentials).
     */
    public String authenticateClient(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            Authentication presented = this.credentials.convert(request);
            if (!(presented instanceof OAuth2ClientAuthenticationToken)) {
                throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT,
                        "Client authentication failed: client_id", null));
            }
            var authenticated = (OAuth2ClientAuthenticationToken) this.secrets.authenticate(presented);
            return authenticated.getRegisteredClient().getClientId();
        }
        catch (OAuth2AuthenticationException ex) {
            this.errors.onAuthenticationFailure(request, response, ex);
            return null;
        }
    }

    /** Answers with the token endpoint's error format (for refusals before the authorization request runs). */
    public void refuse(HttpServletRequest request, HttpServletResponse response, String code, String description)
            throws IOException {
        this.errors.write(response, OAuth2ErrorCodes.INVALID_CLIENT.equals(code) ? 401 : 400,
                new OAuth2Error(code, description, null));
    }

    /**
     * Runs {@code GET /oauth/authorize} with these parameters as the signed-in researcher, with consent given,
     * and lets the authorization endpoint answer.
     */
    public void authorize(HttpServletRequest request, HttpServletResponse response, Map<String, String> parameters,
            Authentication researcher) throws IOException, ServletException {
        var inner = new AuthorizeRequest(request, AuthorizationServerConfig.AUTHORIZE, parameters);
        SecurityContext context = new SecurityContextImpl(researcher);
        inner.setAttribute(RequestAttributeSecurityContextRepository.DEFAULT_REQUEST_ATTR_NAME, context);
        SecurityContext outer = SecurityContextHolder.getContext();
        var proxy = new FilterChainProxy(this.authorizationServerChain.getObject());
        try {
            SandboxConsent.given(() -> {
                proxy.doFilter(inner, response, (req, res) -> {
                    throw new ServletException("The authorization endpoint did not answer the request");
                });
                return null;
            });
        }
        catch (IOException | ServletException | RuntimeException ex) {
            throw ex;
        }
        catch (Exception ex) {
            throw new ServletException(ex);
        }
        finally {
            SecurityContextHolder.setContext(outer);
        }
    }
}
