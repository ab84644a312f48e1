package org.orrery.notifications;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The researcher's inbox at {@code /inbox} (wave-2 spec §4.3): notifications newest first, ten more at a time,
 * archived ones on request; mark read, archive, archive selected, and for a permission notification "Grant
 * permissions" (marks it actioned and opens the client's authorization request on this registry) or "Archive
 * without granting permissions". Every change is a POST with the CSRF token, answered with 303.
 */
@Controller
class InboxController {

    static final String PAGE = "/inbox";

    static final int PAGE_SIZE = 10;

    private static final int MAX_SHOWN = 1000;

    private final Inbox inbox;

    private final DigestPreferences preferences;

    InboxController(Inbox inbox, DigestPreferences preferences) {
        this.inbox = inbox;
        this.preferences = preferences;
    }

    @GetMapping(PAGE)
    String page(Principal principal, @RequestParam(name = "archived", required = false) String archived,
            @RequestParam(name = "shown", required = false) String shown, Model model) {
        String orcid = principal.getName();
        boolean includeArchived = "true".equals(archived);
        int limit = Math.min(MAX_SHOWN, Math.max(PAGE_SIZE, number(shown, PAGE_SIZE)));
        List<InboxEntry> entries = this.inbox.page(orcid, includeArchived, limit).stream().map(InboxEntry::of).toList();
        int total = this.inbox.count(orcid, includeArchived);
        model.addAttribute("entries", entries);
        model.addAttribute("includeArchived", includeArchived);
        model.addAttribute("more", total > entries.size() && limit < MAX_SHOWN);
        model.addAttribute("nextShown", Math.min(MAX_SHOWN, limit + PAGE_SIZE));
        model.addAttribute("frequency", this.preferences.of(orcid).frequency().name());
        model.addAttribute("frequencies", DigestFrequency.values());
        return "notifications/inbox";
    }

    @PostMapping(PAGE + "/{id}/read")
    View read(Principal principal, @PathVariable String id) {
        if (!this.inbox.markRead(principal.getName(), id(id))) {
            throw notFound();
        }
        return seeOther(PAGE + "#notification-" + id);
    }

    @PostMapping(PAGE + "/{id}/archive")
    View archive(Principal principal, @PathVariable String id) {
        if (!this.inbox.archive(principal.getName(), id(id))) {
            throw notFound();
        }
        return seeOther(PAGE + "?done=archived");
    }

    @PostMapping(PAGE + "/archive")
    View archiveSelected(Principal principal, @RequestParam(name = "selected", required = false) List<String> selected) {
        List<Long> ids = new ArrayList<>();
        if (selected != null) {
            for (String value : selected.stream().limit(MAX_SHOWN).toList()) {
                long id = number(value, -1L);
                if (id > 0) {
                    ids.add(id);
                }
            }
        }
        int archived = this.inbox.archiveAll(principal.getName(), ids);
        return seeOther(PAGE + "?done=" + (archived == 0 ? "none" : "archived"));
    }

    @PostMapping(PAGE + "/{id}/grant")
    View grant(Principal principal, @PathVariable String id) {
        String path = this.inbox.grant(principal.getName(), id(id)).orElseThrow(InboxController::notFound);
        return seeOther(path);
    }

    @PostMapping(PAGE + "/frequency")
    View frequency(Principal principal, @RequestParam(name = "frequency", required = false) String frequency,
            java.util.Locale locale) {
        DigestFrequency chosen = DigestFrequency.parse(frequency);
        if (chosen == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Unknown frequency");
        }
        this.preferences.save(principal.getName(), chosen, locale);
        return seeOther(PAGE + "?done=frequency");
    }

    private static long id(String text) {
        long id = number(text, -1L);
        if (id <= 0) {
            throw notFound();
        }
        return id;
    }

    private static long number(String text, long fallback) {
        if (text == null || text.length() > 18) {
            return fallback;
        }
        try {
            return Long.parseLong(text);
        }
        catch (NumberFormatException ex) {
            return fallback;
        }
    }

    private static int number(String text, int fallback) {
        return (int) Math.min(Integer.MAX_VALUE, number(text, (long) fallback));
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such notification");
    }

    private static View seeOther(String url) {
        RedirectView view = new RedirectView(url, true);
        view.setStatusCode(HttpStatus.SEE_OTHER);
        view.setExposeModelAttributes(false);
        view.setExpandUriTemplateVariables(false);
        return view;
    }
}
