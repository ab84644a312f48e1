package org.orrery.lifecycle;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.orrery.lifecycle.SelfServiceLifecycle.Outcome;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Reactivating a deactivated record (ORCID §5.4): an address is typed, a link is mailed when it belongs to a
 * deactivated record (the answer is the same whether or not it does), and the link's page sets the names and a
 * new password and reactivates the record.
 */
@Controller
class ReactivationController {

    private final SelfServiceLifecycle flows;

    ReactivationController(SelfServiceLifecycle flows) {
        this.flows = flows;
    }

    @GetMapping("/reactivate")
    String page(@RequestParam(required = false) String sent, Model model) {
        model.addAttribute("sent", sent != null);
        return "lifecycle/reactivate";
    }

    @PostMapping("/reactivate")
    String request(@RequestParam(required = false) String email, Locale locale) {
        this.flows.requestReactivation(email, locale);
        return "redirect:/reactivate?sent";
    }

    @GetMapping("/reactivate/confirm")
    String confirmPage(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        String orcid = this.flows.reactivationLink(token).orElse(null);
        if (orcid == null) {
            return DeactivationController.badLink(model, response);
        }
        return form(model, token, orcid, null, "", "");
    }

    @PostMapping("/reactivate/confirm")
    String confirm(@RequestParam(required = false) String token, @RequestParam(required = false) String givenNames,
            @RequestParam(required = false) String familyName, @RequestParam(required = false) String password,
            @RequestParam(required = false) String passwordConfirm, Model model, HttpServletResponse response) {
        String orcid = this.flows.reactivationLink(token).orElse(null);
        if (orcid == null) {
            return DeactivationController.badLink(model, response);
        }
        if (password == null || !password.equals(passwordConfirm)) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(model, token, orcid, "lifecycle.error.passwordsDiffer", givenNames, familyName);
        }
        Outcome outcome = this.flows.confirmReactivation(token, givenNames, familyName, password);
        return switch (outcome) {
            case DONE -> "redirect:/reactivate/done";
            case INVALID_INPUT -> {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                yield form(model, token, orcid, "lifecycle.error.reactivateInput", givenNames, familyName);
            }
            default -> DeactivationController.badLink(model, response);
        };
    }

    @GetMapping("/reactivate/done")
    String done(Model model) {
        return LifecyclePages.message(model, "lifecycle.reactivate.title",
                List.of(PageLine.text("reactivated-notice", "lifecycle.reactivate.done", null),
                        PageLine.link("signin-link", "lifecycle.reactivate.done.signin", "/signin")));
    }

    private static String form(Model model, String token, String orcid, String errorKey, String givenNames,
            String familyName) {
        model.addAttribute("token", token);
        model.addAttribute("orcid", orcid);
        model.addAttribute("errorKey", errorKey);
        model.addAttribute("givenNames", givenNames == null || givenNames.length() > 150 ? "" : givenNames);
        model.addAttribute("familyName", familyName == null || familyName.length() > 150 ? "" : familyName);
        return "lifecycle/reactivate-confirm";
    }
}
