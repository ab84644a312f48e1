package org.orrery.notifications;

/** The kinds of inbox notification Orrery writes (ORCID's {@code NotificationType} {@code permission}, {@code amended}). */
public enum NotificationKind {

    /** A member client asks the researcher to grant it access (the API's {@code /notification-permission}). */
    PERMISSION,

    /** A client added, updated or deleted items of the record. */
    AMENDED
}
