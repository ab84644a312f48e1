package org.orrery.account;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * A researcher's other browser sessions, found in the shared session store by principal name (Spring Session
 * JDBC's index), so ending them holds on every node at once.
 */
@Component
class OtherSessions {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    OtherSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    /** How many sessions of the researcher exist besides this one. */
    int count(String orcid, String currentSessionId) {
        return (int) this.sessions.findByPrincipalName(orcid).keySet().stream()
            .filter(id -> !id.equals(currentSessionId))
            .count();
    }

    /** Ends every session of the researcher except this one; returns how many it ended. */
    int end(String orcid, String currentSessionId) {
        int ended = 0;
        for (String id : this.sessions.findByPrincipalName(orcid).keySet()) {
            if (!id.equals(currentSessionId)) {
                this.sessions.deleteById(id);
                ended++;
            }
        }
        return ended;
    }
}
