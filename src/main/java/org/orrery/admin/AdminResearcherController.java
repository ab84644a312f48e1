package org.orrery.admin;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.orrery.accounts.EmailVerification;
import org.orrery.audit.AuditEventType;
import org.orrery.audit.AuditTrail;
import org.orrery.lifecycle.Actor;
import org.orrery.lifecycle.LifecycleException;
import org.orrery.lifecycle.RecordLifecycle;
import org.orrery.lifecycle.RecordState;
import org.orrery.registry.ResearcherRepository;
import org.orrery.twofactor.TwoFactorService;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The console's start page (find a researcher) and a researcher's page: state, tokens, audit trail, actions. */
@Controller
class AdminResearcherController {

    private final AdminQueries queries;

    private final ResearcherRepository researchers;

    private final RecordLifecycle lifecycle;

    private final AuditTrail audit;

    private final TwoFactorService twoFactor;

    private final EmailVerification verification;

    AdminResearcherController(AdminQueries queries, ResearcherRepository researchers, RecordLifecycle lifecycle,
            AuditTrail audit, TwoFactorService twoFactor, EmailVerification verification) {
        this.twoFactor = twoFactor;
        this.verification = verification;
        this.queries = queries;
        this.researchers = researchers;
        this.lifecycle = lifecycle;
        this.audit = audit;
    }

    @GetMapping("/admin")
    String index(@RequestParam(name = "q", required = false) String query, Model model) {
        model.addAttribute("q", query == null ? "" : query);
        model.addAttribute("searched", query != null && !query.isBlank());
        model.addAttribute("found", this.queries.find(query));
        return "admin/index";
    }

    @GetMapping("/admin/researchers/{orcid}")
    String researcher(@PathVariable String orcid, Model model, HttpServletResponse response) {
        var researcher = this.researchers.findByOrcid(orcid);
        if (researcher.isEmpty()) {
            response.setStatus(404);
            model.addAttribute("refusal", "unknown-researcher");
            model.addAttribute("subject", orcid);
            return "admin/refused";
        }
        model.addAttribute("researcher", researcher.get());
        model.addAttribute("state", this.lifecycle.stateOf(orcid));
        model.addAttribute("tokens", this.queries.workingTokens(orcid));
        model.addAttribute("events", this.audit.ofResearcher(orcid, 50));
        model.addAttribute("twoFactorOn", this.twoFactor.enabledFor(orcid));
        return "admin/researcher";
    }

    @PostMapping("/admin/researchers/{orcid}/{action}")
    String act(@PathVariable String orcid, @PathVariable String action,
            @RequestParam(name = "reason", required = false) String reason,
            @RequestParam(name = "into", required = false) String into, Principal operator,
            RedirectAttributes redirect, HttpServletResponse response, Model model) {
        Actor actor = Actor.operator(operator.getName());
        var researcher = this.researchers.findByOrcid(orcid);
        if (researcher.isPresent() && (action.equals("reset-two-factor") || action.equals("resend-verification"))) {
            if (action.equals("reset-two-factor")) {
                this.twoFactor.disable(orcid);
            }
            else {
                this.verification.send(researcher.get(), researcher.get().email(), LocaleContextHolder.getLocale());
            }
            this.audit.record(AuditEventType.OPERATOR_ACTION, orcid, null, action, "by " + actor.describe());
            redirect.addFlashAttribute("done", action);
            return "redirect:/admin/researchers/" + orcid;
        }
        try {
            RecordState ignored = switch (action) {
                case "lock" -> this.lifecycle.lock(orcid, actor, reason);
                case "unlock" -> this.lifecycle.unlock(orcid, actor);
                case "deactivate" -> this.lifecycle.deactivate(orcid, actor);
                case "reactivate" -> this.lifecycle.reactivate(orcid, actor);
                case "deprecate" -> this.lifecycle.deprecate(orcid, into == null ? "" : into.strip(), actor);
                default -> null;
            };
            if (ignored == null) {
                response.setStatus(404);
                model.addAttribute("refusal", "unknown-action");
                model.addAttribute("subject", action);
                return "admin/refused";
            }
            redirect.addFlashAttribute("done", action);
        }
        catch (LifecycleException ex) {
            redirect.addFlashAttribute("failure", ex.code().name());
        }
        return "redirect:/admin/researchers/" + orcid;
    }

    /** The 403 page for a non-operator or an operator without two-factor (see {@link AdminAccess}). */
    @RequestMapping("/admin-refused")
    String refused(HttpServletRequest request, HttpServletResponse response, Model model) {
        Object refusal = request.getAttribute(AdminAccess.REFUSAL);
        response.setStatus(403);
        model.addAttribute("refusal", refusal == null ? "not-operator" : refusal);
        return "admin/refused";
    }
}
