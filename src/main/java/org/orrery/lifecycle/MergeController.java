package org.orrery.lifecycle;

import java.security.Principal;
import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.orrery.lifecycle.SelfServiceLifecycle.Outcome;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Merge duplicate records" (ORCID §5.5), as the record to keep: the researcher names the other record by iD or
 * e-mail and proves they hold it; a confirmation step (valid for 30 minutes, kept in the shared session) then
 * deprecates the other record into theirs.
 */
@Controller
class MergeController {

    /** Session attribute: the other record that passed the check, and until when the confirmation is open. */
    static final String PENDING = "orrery.lifecycle.pendingMerge";

    static final long CONFIRM_SECONDS = 1800;

    record Pending(String kept, String other, long until) implements java.io.Serializable {
    }

    private final MergeFlow merges;

    MergeController(MergeFlow merges) {
        this.merges = merges;
    }

    @GetMapping("/account/merge")
    String page(Principal principal, @RequestParam(required = false) String merged, Model model) {
        model.addAttribute("orcid", principal.getName());
        model.addAttribute("merged", merged != null && merged.length() <= 19 ? merged : null);
        return "lifecycle/merge";
    }

    @PostMapping("/account/merge")
    String check(Principal principal, @RequestParam(required = false) String otherId,
            @RequestParam(required = false) String password, @RequestParam(required = false) String code,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        String kept = principal.getName();
        MergeFlow.Check check = this.merges.check(kept, otherId, password, code, request.getRemoteAddr());
        model.addAttribute("orcid", kept);
        model.addAttribute("otherId", otherId == null || otherId.length() > 320 ? "" : otherId);
        if (check.outcome() != Outcome.DONE) {
            response.setStatus(check.outcome() == Outcome.TOO_MANY ? 429
                    : check.outcome() == Outcome.WRONG_STATE ? HttpServletResponse.SC_CONFLICT
                            : HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("errorKey", errorKey(check));
            model.addAttribute("errorArg", check.other() == null ? null : check.other().orcid().value());
            return "lifecycle/merge";
        }
        String other = check.other().orcid().value();
        request.getSession().setAttribute(PENDING,
                new Pending(kept, other, Instant.now().getEpochSecond() + CONFIRM_SECONDS));
        model.addAttribute("pending", other);
        model.addAttribute("pendingName", check.other().displayName());
        return "lifecycle/merge";
    }

    @PostMapping("/account/merge/confirm")
    String confirm(Principal principal, HttpSession session, Model model, HttpServletResponse response) {
        Object stored = session.getAttribute(PENDING);
        session.removeAttribute(PENDING);
        model.addAttribute("orcid", principal.getName());
        if (!(stored instanceof Pending pending) || !pending.kept().equals(principal.getName())
                || pending.until() < Instant.now().getEpochSecond()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("errorKey", "lifecycle.merge.error.expired");
            return "lifecycle/merge";
        }
        try {
            this.merges.merge(pending.kept(), pending.other());
        }
        catch (LifecycleException refused) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("errorKey", "lifecycle.merge.error." + refused.code().name());
            model.addAttribute("errorArg", pending.other());
            return "lifecycle/merge";
        }
        return "redirect:/account/merge?merged=" + pending.other();
    }

    private static String errorKey(MergeFlow.Check check) {
        return switch (check.outcome()) {
            case BAD_CODE -> "lifecycle.error.code";
            case TOO_MANY -> "lifecycle.merge.error.throttled";
            case WRONG_STATE -> "lifecycle.merge.error." + check.refusal().name();
            case INVALID_INPUT -> "lifecycle.merge.error.missing";
            default -> "lifecycle.merge.error.credentials";
        };
    }
}
