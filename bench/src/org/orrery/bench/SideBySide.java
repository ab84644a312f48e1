package org.orrery.bench;

/** One scenario measured on Orrery and on the peer; each side has a result or the reason it was skipped. */
record SideBySide(String scenario, LoadRun.Result orrery, String orrerySkipped, LoadRun.Result peer,
        String peerSkipped) {
}
