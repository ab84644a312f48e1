package org.orrery.accounts;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;

/** The page for a mailed link that does not work, saying why: unknown (404) or used, expired, superseded (410). */
final class LinkProblem {

    private LinkProblem() {
    }

    /** Fills the model for {@code accounts/link-problem}; {@code kind} is "reset" or "verify". */
    static String show(AccountTokens.State state, String kind, Model model, HttpServletResponse response) {
        response.setStatus(state == AccountTokens.State.UNKNOWN ? HttpStatus.NOT_FOUND.value()
                : HttpStatus.GONE.value());
        model.addAttribute("kind", kind);
        model.addAttribute("state", state.name());
        return "accounts/link-problem";
    }
}
