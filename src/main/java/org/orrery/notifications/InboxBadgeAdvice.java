package org.orrery.notifications;

import java.security.Principal;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page's header the signed-in researcher's unread notification count ({@code inboxBadge}). The count
 * is read only when a page shows it, and at most once per request.
 */
@ControllerAdvice
class InboxBadgeAdvice {

    private final Inbox inbox;

    InboxBadgeAdvice(Inbox inbox) {
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

    @ModelAttribute("inboxBadge")
    InboxBadge inboxBadge(Principal principal) {
        return principal == null ? null : new InboxBadge(this.inbox, principal.getName());
    }
}
