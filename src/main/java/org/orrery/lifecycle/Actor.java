package org.orrery.lifecycle;

import java.util.Objects;

/**
 * Who changes a record's state: the researcher (by their iD), an operator (by name) or the system (by the job's
 * name). Recorded with every state change in the audit trail.
 */
public record Actor(Kind kind, String name) {

    /** The three kinds of actor. */
    public enum Kind {
        RESEARCHER, OPERATOR, SYSTEM
    }

    public Actor {
        Objects.requireNonNull(kind, "kind");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("An actor needs a name (an iD for a researcher)");
        }
        name = name.strip();
    }

    public static Actor researcher(String orcid) {
        return new Actor(Kind.RESEARCHER, orcid);
    }

    public static Actor operator(String name) {
        return new Actor(Kind.OPERATOR, name);
    }

    public static Actor system(String name) {
        return new Actor(Kind.SYSTEM, name);
    }

    /** How the audit trail names the actor, e.g. {@code operator:alice}. */
    public String describe() {
        return this.kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + this.name;
    }
}
