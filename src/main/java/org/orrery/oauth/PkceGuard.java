package org.orrery.oauth;

import java.util.regex.Pattern;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;

/**
 * PKCE at the token endpoint (security rule 3, RFC 7636), around the framework's client authentication, which
 * checks the secret and then the verifier against the challenge. This guard adds what it leaves out: the
 * verifier must follow RFC 7636's ABNF (43 to 128 characters of {@code [A-Za-z0-9-._~]}), and any PKCE failure
 * (mismatch, a verifier without a challenge, a challenge without a verifier) burns the code, so that it cannot be
 * tried again. A failure of the client's own credentials burns nothing. A repeated {@code code} or
 * {@code code_verifier} is refused before the framework's check, which would fail on it.
 */
final class PkceGuard implements AuthenticationProvider {

    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9\\-._~]{43,128}");

    private final AuthenticationProvider delegate;

    private final HashedAuthorizationService authorizations;

    PkceGuard(AuthenticationProvider delegate, HashedAuthorizationService authorizations) {
        this.delegate = delegate;
        this.authorizations = authorizations;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        var request = (OAuth2ClientAuthenticationToken) authentication;
        for (String name : new String[] { OAuth2ParameterNames.CODE, PkceParameterNames.CODE_VERIFIER }) {
            if (request.getAdditionalParameters().get(name) instanceof String[]) {
                // The framework's verifier check reads these as single values (and fails on a repeat); a repeated
                // parameter is refused as its token converter refuses it (RFC 6749 §3.2).
                throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST,
                        "OAuth 2.0 Parameter: " + name, null));
            }
        }
        Object code = request.getAdditionalParameters().get(OAuth2ParameterNames.CODE);
        boolean codeGrant = "authorization_code".equals(request.getAdditionalParameters().get(OAuth2ParameterNames.GRANT_TYPE))
                && code instanceof String;
        Authentication result;
        try {
            result = this.delegate.authenticate(authentication);
        }
        catch (OAuth2AuthenticationException ex) {
            String description = ex.getError().getDescription();
            if (codeGrant && OAuth2ErrorCodes.INVALID_GRANT.equals(ex.getError().getErrorCode()) && description != null
                    && (description.endsWith(PkceParameterNames.CODE_VERIFIER)
                            || description.endsWith(PkceParameterNames.CODE_CHALLENGE))) {
                burn((String) code);
                throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT,
                        description.endsWith(PkceParameterNames.CODE_CHALLENGE)
                                ? "code_verifier was sent but the authorization request had no code_challenge"
                                : "Invalid code_verifier",
                        null));
            }
            throw ex;
        }
        Object verifier = request.getAdditionalParameters().get(PkceParameterNames.CODE_VERIFIER);
        if (result != null && codeGrant && verifier != null && !VERIFIER.matcher(verifier.toString()).matches()) {
            burn((String) code);
            throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT,
                    "Invalid code_verifier: it must be 43 to 128 characters of A-Z a-z 0-9 - . _ ~", null));
        }
        return result;
    }

    private void burn(String code) {
        OAuth2Authorization authorization = this.authorizations.findByToken(code, CodeExchangeProvider.CODE);
        if (authorization != null) {
            var token = authorization.getToken(OAuth2AuthorizationCode.class);
            if (token != null && !token.isInvalidated()) {
                this.authorizations.save(OAuth2Authorization.from(authorization).invalidate(token.getToken()).build());
            }
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return this.delegate.supports(authentication);
    }
}
