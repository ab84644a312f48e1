package org.orrery.account;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.orrery.audit.AuditEventType;
import org.orrery.audit.AuditTrail;
import org.orrery.registry.Researcher;
import org.orrery.registry.ResearcherRepository;
import org.orrery.system.PlainText;
import org.orrery.throttle.SignInThrottle;
import org.orrery.twofactor.SecondFactor;
import org.orrery.twofactor.SecurityMail;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Account settings ({@code /account}): change the password (the current one required; every other session ends),
 * see whether two-factor sign-in is on, sign out of every other session, and links to trusted organizations,
 * account history and email addresses. Every change is audited; a password change is mailed.
 */
@Controller
class AccountController {

    static final int MIN_PASSWORD_LENGTH = 8;

    static final int MAX_PASSWORD_BYTES = 72;

    private final ResearcherRepository researchers;

    private final PasswordEncoder passwords;

    private final SecondFactor secondFactor;

    private final OtherSessions otherSessions;

    private final SignInThrottle throttle;

    private final AuditTrail audit;

    private final SecurityMail mail;

    AccountController(ResearcherRepository researchers, PasswordEncoder passwords, SecondFactor secondFactor,
            OtherSessions otherSessions, SignInThrottle throttle, AuditTrail audit, SecurityMail mail) {
        this.researchers = researchers;
        this.passwords = passwords;
        this.secondFactor = secondFactor;
        this.otherSessions = otherSessions;
        this.throttle = throttle;
        this.audit = audit;
        this.mail = mail;
    }

    @GetMapping("/account")
    String settings(Principal principal, HttpServletRequest request, Model model) {
        return page(principal.getName(), request, model, null);
    }

    @PostMapping("/account/password")
    @Transactional
    public String changePassword(@RequestParam(name = "currentPassword", required = false) String current,
            @RequestParam(name = "newPassword", required = false) String chosen,
            @RequestParam(name = "confirmPassword", required = false) String confirmation, Principal principal,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        String orcid = principal.getName();
        String account = SignInThrottle.accountKey(orcid);
        String address = SignInThrottle.addressKey(request.getRemoteAddr());
        Instant blocked = this.throttle.blockedUntil(account, address);
        if (blocked != null) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("waitSeconds", Math.max(1, (blocked.toEpochMilli() - System.currentTimeMillis() + 999) / 1000));
            return page(orcid, request, model, "security.account.throttled");
        }
        Researcher researcher = this.researchers.findByOrcid(orcid).orElseThrow();
        if (current == null || current.isEmpty() || current.length() > 1000
                || !this.passwords.matches(current, researcher.passwordHash())) {
            this.throttle.recordFailure(account, address);
            this.audit.record(AuditEventType.SIGN_IN_FAILED, orcid, null, "BAD_CREDENTIALS", "changing the password");
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(orcid, request, model, "security.password.current.wrong");
        }
        String problem = problemWith(chosen, confirmation);
        if (problem != null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(orcid, request, model, problem);
        }
        this.researchers.updatePasswordHash(orcid, this.passwords.encode(chosen));
        int ended = this.otherSessions.end(orcid, request.getSession().getId());
        this.audit.record(AuditEventType.PASSWORD_CHANGED, orcid, null, null,
                ended == 0 ? null : ended + " other session(s) ended");
        this.mail.send(orcid, "password-changed", request.getRemoteAddr());
        return seeOther(response, "/account?passwordChanged");
    }

    @PostMapping("/account/sessions/end-others")
    String endOtherSessions(Principal principal, HttpServletRequest request, HttpServletResponse response) {
        String orcid = principal.getName();
        int ended = this.otherSessions.end(orcid, request.getSession().getId());
        this.audit.record(AuditEventType.OTHER_SESSIONS_ENDED, orcid, null, null, ended + " session(s) ended");
        return seeOther(response, "/account?sessionsEnded=" + ended);
    }

    private String page(String orcid, HttpServletRequest request, Model model, String error) {
        model.addAttribute("orcid", orcid);
        model.addAttribute("twoFactorOn", this.secondFactor.enabledFor(orcid));
        model.addAttribute("otherSessions", this.otherSessions.count(orcid, request.getSession().getId()));
        model.addAttribute("error", error);
        model.addAttribute("passwordChanged", error == null && request.getParameter("passwordChanged") != null);
        String ended = error == null ? request.getParameter("sessionsEnded") : null;
        model.addAttribute("sessionsEnded", ended != null && ended.matches("\\d{1,6}") ? Integer.valueOf(ended) : null);
        return "account/settings";
    }

    /** The message key of what is wrong with a new password, or null. */
    private static String problemWith(String chosen, String confirmation) {
        if (chosen == null || chosen.length() < MIN_PASSWORD_LENGTH) {
            return "security.password.new.short";
        }
        if (chosen.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            return "security.password.new.long";
        }
        if (PlainText.hasForbiddenCharacters(chosen, false)) {
            return "security.password.new.characters";
        }
        if (!chosen.equals(confirmation)) {
            return "security.password.new.mismatch";
        }
        return null;
    }

    private static String seeOther(HttpServletResponse response, String location) {
        response.setStatus(HttpStatus.SEE_OTHER.value());
        response.setHeader("Location", location);
        return null;
    }
}
