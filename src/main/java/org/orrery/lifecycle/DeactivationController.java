package org.orrery.lifecycle;

import java.security.Principal;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.orrery.lifecycle.SelfServiceLifecycle.Outcome;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Deactivate record" (ORCID §5.4): the signed-in researcher asks for a link, which is mailed to their address;
 * the link's page asks their password (and code when two-factor is on) and deactivates the record.
 */
@Controller
class DeactivationController {

    private final SelfServiceLifecycle flows;

    private final RecordLifecycle lifecycle;

    DeactivationController(SelfServiceLifecycle flows, RecordLifecycle lifecycle) {
        this.flows = flows;
        this.lifecycle = lifecycle;
    }

    @GetMapping("/account/deactivate")
    String page(Principal principal, Model model, HttpServletRequest request) {
        model.addAttribute("sent", request.getParameter("sent") != null);
        model.addAttribute("tooMany", request.getParameter("tooMany") != null);
        model.addAttribute("orcid", principal.getName());
        return "lifecycle/deactivate";
    }

    @PostMapping("/account/deactivate")
    String request(Principal principal, Locale locale) {
        Outcome outcome = this.flows.requestDeactivation(principal.getName(), locale);
        return outcome == Outcome.DONE ? "redirect:/account/deactivate?sent" : "redirect:/account/deactivate?tooMany";
    }

    @GetMapping("/account/deactivate/confirm")
    String confirmPage(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        String orcid = this.flows.deactivationLink(token).orElse(null);
        if (orcid == null) {
            return badLink(model, response);
        }
        return form(model, token, orcid, null);
    }

    @PostMapping("/account/deactivate/confirm")
    String confirm(@RequestParam(required = false) String token, @RequestParam(required = false) String password,
            @RequestParam(required = false) String code, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        String orcid = this.flows.deactivationLink(token).orElse(null);
        Outcome outcome = this.flows.confirmDeactivation(token, password, code);
        switch (outcome) {
            case DONE -> {
                new SecurityContextLogoutHandler().logout(request, response, null);
                return "redirect:/account/deactivate/done";
            }
            case BAD_PASSWORD, BAD_CODE -> {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                return this.flows.deactivationLink(token).isPresent()
                        ? form(model, token, orcid, outcome == Outcome.BAD_CODE ? "lifecycle.error.code"
                                : "lifecycle.error.password")
                        : badLink(model, response);
            }
            case WRONG_STATE -> {
                response.setStatus(HttpServletResponse.SC_CONFLICT);
                return LifecyclePages.message(model, "lifecycle.deactivate.title", List.of(PageLine.text(
                        "state-message", "lifecycle.deactivate.wrongState", orcid)));
            }
            default -> {
                return badLink(model, response);
            }
        }
    }

    @GetMapping("/account/deactivate/done")
    String done(Model model) {
        return LifecyclePages.message(model, "lifecycle.deactivate.title",
                List.of(PageLine.text("deactivated-notice", "lifecycle.deactivate.done", null),
                        PageLine.link("reactivate-link", "lifecycle.deactivate.done.reactivate", "/reactivate")));
    }

    private String form(Model model, String token, String orcid, String errorKey) {
        model.addAttribute("token", token);
        model.addAttribute("orcid", orcid);
        model.addAttribute("needsCode", this.flows.needsCode(orcid));
        model.addAttribute("errorKey", errorKey);
        model.addAttribute("state", this.lifecycle.stateOf(orcid).status().name());
        return "lifecycle/deactivate-confirm";
    }

    static String badLink(Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return LifecyclePages.message(model, "lifecycle.link.title",
                List.of(PageLine.text("bad-link", "lifecycle.link.invalid", null)));
    }
}
