package org.orrery.oauth;

/** Why a token stopped working (ORCID's {@code RevokeReason}, plus rotation by a refresh). */
public enum RevokeReason {
    CLIENT_REVOKED, USER_REVOKED, STAFF_REVOKED, RECORD_DEACTIVATED, AUTH_CODE_REUSED, REFRESH_TOKEN_REUSED, ROTATED
}
