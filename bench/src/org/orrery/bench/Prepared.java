package org.orrery.bench;

/** A scenario ready to run (its measured operation), or the reason it cannot run. */
record Prepared(LoadRun.Operation operation, String skipped) {

    static Prepared ready(LoadRun.Operation operation) {
        return new Prepared(operation, null);
    }

    static Prepared skip(String reason) {
        return new Prepared(null, reason);
    }
}
