package org.orrery.web;

import java.time.Instant;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.util.Locale;

import org.orrery.accounts.EmailVerification;
import org.orrery.audit.AuditEventType;
import org.orrery.audit.AuditTrail;
import org.orrery.registry.Researcher;
import org.orrery.registry.ResearcherRegistration;
import org.orrery.registry.ResearcherRepository;
import org.orrery.registry.ResearcherUserDetailsService;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The register page: mints an iD, signs the new researcher in and, when they came from an application,
 * continues the authorization they started. Registration goes on the audit trail.
 */
@Controller
class RegisterController {

    private final ResearcherRegistration registration;

    private final ResearcherUserDetailsService users;

    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    private final RequestCache requests = new HttpSessionRequestCache();

    private final ResearcherRepository researchers;

    private final AuditTrail audit;

    private final EmailVerification verification;

    private final TransactionTemplate transactions;

    private final FieldErrors fieldErrors;

    RegisterController(ResearcherRegistration registration, ResearcherUserDetailsService users,
            ResearcherRepository researchers, AuditTrail audit, EmailVerification verification,
            TransactionTemplate transactions, FieldErrors fieldErrors) {
        this.fieldErrors = fieldErrors;
        this.verification = verification;
        this.transactions = transactions;
        this.researchers = researchers;
        this.audit = audit;
        this.registration = registration;
        this.users = users;
    }

    @GetMapping("/register")
    String form(@RequestParam(name = "given_names", required = false) String givenNames,
            @RequestParam(name = "family_names", required = false) String familyNames,
            @RequestParam(name = "email", required = false) String email, Model model) {
        model.addAttribute("form", new ResearcherRegistration.Application(givenNames, familyNames, email, null));
        model.addAttribute("errors", Map.of());
        return "register";
    }

    @PostMapping("/register")
    String register(@RequestParam(name = "givenNames", required = false) String givenNames,
            @RequestParam(name = "familyName", required = false) String familyName,
            @RequestParam(name = "email", required = false) String email,
            @RequestParam(name = "password", required = false) String password, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        var application = new ResearcherRegistration.Application(givenNames, familyName, email, password);
        Map<String, String> errors = this.registration.validate(application);
        Researcher researcher = null;
        if (errors.isEmpty()) {
            try {
                // The verification mail is queued in the registration's transaction: both happen or neither.
                Locale language = LocaleContextHolder.getLocale();
                researcher = this.transactions.execute(status -> {
                    Researcher registered = this.registration.register(application);
                    this.verification.send(registered, registered.email(), language);
                    return registered;
                });
            }
            catch (IllegalArgumentException ex) {
                errors = Map.of("email", ex.getMessage());
            }
        }
        if (researcher == null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("form", new ResearcherRegistration.Application(givenNames, familyName, email, null));
            model.addAttribute("errors", this.fieldErrors.in(errors, LocaleContextHolder.getLocale()));
            return "register";
        }
        this.audit.record(AuditEventType.REGISTERED, researcher.orcid().value(), SignInClient.of(request, response),
                null, null);
        signIn(researcher, request, response);
        this.researchers.recordSignIn(researcher.orcid().value(), Instant.now());
        SavedRequest saved = this.requests.getRequest(request, response);
        response.setStatus(HttpStatus.SEE_OTHER.value());
        response.setHeader("Location", saved != null ? saved.getRedirectUrl() : request.getContextPath() + "/my-orcid");
        return null;
    }

    private void signIn(Researcher researcher, HttpServletRequest request, HttpServletResponse response) {
        UserDetails user = this.users.loadUserByUsername(researcher.orcid().value());
        var authentication = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        this.contexts.saveContext(context, request, response);
    }
}
