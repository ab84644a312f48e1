package org.orrery.accounts;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Ends a researcher's sessions on every node: Spring Session JDBC indexes each session by its principal's name (the
 * iD), and a deleted session is gone for all nodes at once.
 */
@Component
class ResearcherSessions {

    private final FindByIndexNameSessionRepository<?> sessions;

    ResearcherSessions(FindByIndexNameSessionRepository<?> sessions) {
        this.sessions = sessions;
    }

    /** Ends every session of the researcher except {@code keep} (may be null); returns how many ended. */
    int end(String orcid, String keep) {
        int ended = 0;
        for (String id : this.sessions.findByPrincipalName(orcid).keySet()) {
            if (!id.equals(keep)) {
                this.sessions.deleteById(id);
                ended++;
            }
        }
        return ended;
    }
}
