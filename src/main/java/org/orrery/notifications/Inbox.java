package org.orrery.notifications;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A researcher's own inbox: the notifications, newest first, the unread count, and the researcher's actions on
 * them (read, archive, archive several, grant). Every action names the researcher, so nobody reaches another's
 * notifications.
 */
@Service
public class Inbox {

    private final NotificationRepository notifications;

    Inbox(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    public List<Notification> page(String orcid, boolean includeArchived, int limit) {
        return this.notifications.inbox(orcid, includeArchived, 0, limit);
    }

    public int count(String orcid, boolean includeArchived) {
        return this.notifications.count(orcid, includeArchived);
    }

    public int unreadCount(String orcid) {
        return this.notifications.unreadCount(orcid);
    }

    public Optional<Notification> find(String orcid, long putCode) {
        return this.notifications.find(orcid, putCode);
    }

    /** Marks it read; false when the researcher has no such notification. */
    @Transactional
    public boolean markRead(String orcid, long putCode) {
        if (this.notifications.find(orcid, putCode).isEmpty()) {
            return false;
        }
        this.notifications.markRead(orcid, putCode, Instant.now());
        return true;
    }

    /** Archives it (and so marks it read); false when the researcher has no such notification. */
    @Transactional
    public boolean archive(String orcid, long putCode) {
        if (this.notifications.find(orcid, putCode).isEmpty()) {
            return false;
        }
        Instant now = Instant.now();
        this.notifications.markRead(orcid, putCode, now);
        this.notifications.archive(orcid, putCode, now);
        return true;
    }

    /** Archives those of the given notifications that are the researcher's; answers how many. */
    @Transactional
    public int archiveAll(String orcid, Collection<Long> putCodes) {
        int archived = 0;
        for (Long putCode : putCodes) {
            if (putCode != null && archive(orcid, putCode)) {
                archived++;
            }
        }
        return archived;
    }

    /**
     * The researcher chose "Grant permissions": the notification is marked actioned and read; answers the
     * authorization path to send them to, or empty when it is not the researcher's permission notification.
     */
    @Transactional
    public Optional<String> grant(String orcid, long putCode) {
        Optional<Notification> found = this.notifications.find(orcid, putCode)
            .filter(n -> n.kind() == NotificationKind.PERMISSION && n.authorizationPath() != null);
        found.ifPresent(n -> this.notifications.markActioned(orcid, putCode, Instant.now()));
        return found.map(Notification::authorizationPath);
    }
}
