package org.orrery.audit;

/** What an audit event records, with the words a researcher reads on their history page. */
public enum AuditEventType {

    SIGNED_IN("Signed in"),
    SIGN_IN_FAILED("Failed sign-in"),
    SIGN_IN_THROTTLED("Sign-in refused: too many failed attempts"),
    REGISTERED("Registered"),
    ACCESS_GRANTED("Granted access"),
    TOKEN_ISSUED("Access token issued"),
    TOKEN_REFRESHED("Access token refreshed"),
    TOKEN_REVOKED("Access revoked"),
    CLIENT_CREATED("API client registered"),
    CLIENT_SECRET_RESET("API client secret reset"),
    CLIENT_UPDATED("API client changed by an operator"),
    CLIENT_LOCKED("API client locked"),
    CLIENT_DEACTIVATED("API client deactivated"),
    CLIENT_REACTIVATED("API client reactivated"),
    CLIENT_TOKENS_REVOKED("Every token of an API client revoked by an operator"),
    OPERATOR_GRANTED("Operator role granted"),
    OPERATOR_REVOKED("Operator role withdrawn"),
    /** Another operator action (resend verification, reset two-factor, ...): what in {@code detail}. */
    OPERATOR_ACTION("Operator action"),
    /**
     * An item of a record added, changed or deleted, through the API or the record editor. The record feature's
     * write path records it as {@code audit.record(RECORD_WRITTEN, orcid, clientIdOrNull, null, "work 1234 added")}.
     */
    RECORD_WRITTEN("Record changed"),
    EMAIL_ADDED("Email address added"),
    EMAIL_VERIFIED("Email address verified"),
    EMAIL_REMOVED("Email address removed"),
    PRIMARY_EMAIL_CHANGED("Primary email address changed"),
    PASSWORD_RESET_REQUESTED("Password reset link sent"),
    PASSWORD_RESET("Password reset with an emailed link"),
    TWO_FACTOR_ENABLED("Two-factor sign-in turned on"),
    TWO_FACTOR_DISABLED("Two-factor sign-in turned off"),
    TWO_FACTOR_FAILED("Failed sign-in: wrong two-factor code"),
    TWO_FACTOR_BACKUP_CODE_USED("Signed in with a backup code"),
    PASSWORD_CHANGED("Password changed"),
    OTHER_SESSIONS_ENDED("Signed out of every other session"),
    /** Record lifecycle (package {@code org.orrery.lifecycle}); the detail names the actor. */
    RECORD_LOCKED("Record locked"),
    RECORD_UNLOCKED("Record unlocked"),
    RECORD_DEACTIVATED("Record deactivated"),
    RECORD_REACTIVATED("Record reactivated"),
    RECORD_DEPRECATED("Record deprecated (merged into another record)"),
    RECORD_MERGED("Another record merged into this one");

    private final String description;

    AuditEventType(String description) {
        this.description = description;
    }

    public String description() {
        return this.description;
    }
}
