package org.orrery.mail;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code /sandbox/mail}: in a sandbox, every message the registry queued, newest first, and each one whole at
 * {@code /sandbox/mail/{id}} (the text part with clickable links, the HTML part in a sandboxed frame that runs
 * no script). Outside a sandbox these paths answer 404 ({@code SandboxGuard}).
 */
@Controller
class SandboxMailController {

    private static final int SHOWN = 100;

    private final OutboxRepository outbox;

    SandboxMailController(OutboxRepository outbox) {
        this.outbox = outbox;
    }

    @GetMapping("/sandbox/mail")
    String list(Model model) {
        model.addAttribute("messages", this.outbox.newestFirst(null, SHOWN));
        return "sandbox/mail-list";
    }

    @GetMapping("/sandbox/mail/{id}")
    String message(@PathVariable String id, Model model, HttpServletResponse response) {
        var message = id.matches("[0-9]{1,18}") ? this.outbox.find(Long.parseLong(id)) : java.util.Optional.<OutboxRepository.Message>empty();
        if (message.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "sandbox/mail-missing";
        }
        model.addAttribute("message", message.get());
        model.addAttribute("text", SandboxMailText.segments(message.get().textBody()));
        return "sandbox/mail-message";
    }
}
