package org.orrery.clients;

/** Where a client is in its life: only an {@code ACTIVE} client is served (ORCID's locked and deactivated clients). */
public enum ClientState {
    ACTIVE, LOCKED, DEACTIVATED
}
