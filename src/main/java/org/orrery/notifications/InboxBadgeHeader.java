package org.orrery.notifications;

import java.security.Principal;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.orrery.system.PageAttributes;
import org.springframework.stereotype.Component;

/**
 * Gives every page's header the signed-in researcher's unread notification count ({@code inboxBadge}). The count
 * is read only when a page shows it, and at most once per request.
 */
@Component
class InboxBadgeHeader implements PageAttributes {

    private final Inbox inbox;

    InboxBadgeHeader(Inbox inbox) {
        this.inbox = inbox;
    }

    /** The header's inbox link: {@link #unread()} reads the count on first use. */
    public static final class InboxBadge {

        private final Inbox inbox;

        private final String orcid;

        private Integer unread;

        InboxBadge(Inbox inbox, String orcid) {
            this.inbox = inbox;
            this.orcid = orcid;
        }

        public int unread() {
            if (this.unread == null) {
                this.unread = this.inbox.unreadCount(this.orcid);
            }
            return this.unread;
        }
    }

    @Override
    public void addTo(Map<String, Object> model, HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        if (principal != null) {
            model.putIfAbsent("inboxBadge", new InboxBadge(this.inbox, principal.getName()));
        }
    }
}
