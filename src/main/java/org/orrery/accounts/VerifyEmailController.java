package org.orrery.accounts;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code /verify-email/{token}}: marks the address the link was sent to verified, whoever is signed in (or nobody),
 * and says so; a used, unknown or malformed link, or one for an address since removed, gets a page saying which.
 */
@Controller
class VerifyEmailController {

    private final EmailVerification verification;

    VerifyEmailController(EmailVerification verification) {
        this.verification = verification;
    }

    @GetMapping("/verify-email/{token}")
    String verify(@PathVariable String token, Model model, HttpServletResponse response) {
        EmailVerification.Result result = this.verification.verify(token);
        switch (result.outcome()) {
            case INVALID -> {
                return LinkProblem.show(AccountTokens.State.UNKNOWN, "verify", model, response);
            }
            case USED -> {
                return LinkProblem.show(AccountTokens.State.USED, "verify", model, response);
            }
            case GONE -> {
                response.setStatus(HttpStatus.GONE.value());
                model.addAttribute("kind", "verify");
                model.addAttribute("state", "GONE");
                return "accounts/link-problem";
            }
            default -> {
                model.addAttribute("address", result.address());
                model.addAttribute("already", result.outcome() == EmailVerification.Outcome.ALREADY_VERIFIED);
                model.addAttribute("primary", result.primary());
                return "accounts/verified";
            }
        }
    }
}
