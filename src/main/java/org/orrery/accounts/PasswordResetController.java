package org.orrery.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /reset-password}: asks for an address and mails a link; {@code /reset-password/{token}}: sets a new
 * password. A link that is unknown, malformed, used, expired or superseded gets a page that says which and offers a
 * new link.
 */
@Controller
class PasswordResetController {

    private final PasswordReset reset;

    PasswordResetController(PasswordReset reset) {
        this.reset = reset;
    }

    @GetMapping("/reset-password")
    String form() {
        return "accounts/reset-request";
    }

    @PostMapping("/reset-password")
    String request(@RequestParam(name = "email", required = false) String email, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        PasswordReset.Requested requested = this.reset.request(email, request.getRemoteAddr(),
                LocaleContextHolder.getLocale());
        switch (requested) {
            case INVALID -> {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                model.addAttribute("error", "accounts.reset.invalidEmail");
                model.addAttribute("email", email == null || email.length() > 320 ? "" : email);
                return "accounts/reset-request";
            }
            case THROTTLED -> {
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                response.setHeader("Retry-After", String.valueOf(PasswordReset.THROTTLE_WINDOW.toSeconds()));
                return "accounts/reset-throttled";
            }
            default -> {
                return "accounts/reset-requested";
            }
        }
    }

    @GetMapping("/reset-password/{token}")
    String link(@PathVariable String token, Model model, HttpServletResponse response) {
        AccountTokens.Lookup link = this.reset.check(token);
        if (link.state() != AccountTokens.State.VALID) {
            return LinkProblem.show(link.state(), "reset", model, response);
        }
        model.addAttribute("token", token);
        model.addAttribute("needsCode", this.reset.needsCode(link));
        return "accounts/reset-form";
    }

    @PostMapping("/reset-password/{token}")
    String submit(@PathVariable String token, @RequestParam(name = "password", required = false) String password,
            @RequestParam(name = "retypedPassword", required = false) String retyped,
            @RequestParam(name = "verificationCode", required = false) String code, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        HttpSession session = request.getSession(false);
        PasswordReset.Outcome outcome = this.reset.reset(token, password, retyped, code,
                session == null ? null : session.getId(), request.getRemoteAddr());
        if (outcome.done()) {
            return "accounts/reset-done";
        }
        if (outcome.problem() == null) {
            return LinkProblem.show(outcome.linkState(), "reset", model, response);
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("token", token);
        model.addAttribute("needsCode", this.reset.needsCode(this.reset.check(token)));
        model.addAttribute("error", outcome.problem());
        return "accounts/reset-form";
    }
}
