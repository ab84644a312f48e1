package org.orrery.twofactor;

import java.security.Principal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.orrery.audit.AuditEventType;
import org.orrery.audit.AuditTrail;
import org.orrery.registry.Researcher;
import org.orrery.registry.ResearcherRepository;
import org.orrery.throttle.SignInThrottle;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /account/two-factor}: turning two-factor sign-in on (a new secret as a QR code and as text, confirmed by a
 * first code, then the backup codes shown once) and off (password and a code). Both are audited and mailed.
 */
@Controller
class TwoFactorController {

    static final String PAGE = "/account/two-factor";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private final TwoFactorService twoFactor;

    private final ResearcherRepository researchers;

    private final PasswordEncoder passwords;

    private final SignInThrottle throttle;

    private final AuditTrail audit;

    private final SecurityMail mail;

    private final String issuer;

    TwoFactorController(TwoFactorService twoFactor, ResearcherRepository researchers, PasswordEncoder passwords,
            SignInThrottle throttle, AuditTrail audit, SecurityMail mail,
            @Value("${orrery.two-factor.issuer:Orrery}") String issuer) {
        this.twoFactor = twoFactor;
        this.researchers = researchers;
        this.passwords = passwords;
        this.throttle = throttle;
        this.audit = audit;
        this.mail = mail;
        this.issuer = issuer;
    }

    @GetMapping(PAGE)
    String page(Principal principal, Model model) {
        return status(principal.getName(), model, null);
    }

    @PostMapping(PAGE + "/setup")
    String setUp(Principal principal, Model model, HttpServletResponse response) {
        String orcid = principal.getName();
        if (this.twoFactor.enabledFor(orcid)) {
            return status(orcid, model, null);
        }
        if (!this.twoFactor.available()) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return status(orcid, model, "security.twofactor.unavailable");
        }
        return setUpPage(orcid, this.twoFactor.setUp(orcid, true), model, null);
    }

    @PostMapping(PAGE + "/confirm")
    String confirm(@RequestParam(name = "verificationCode", required = false) String code, Principal principal,
            Model model, HttpServletResponse response) {
        String orcid = principal.getName();
        if (this.twoFactor.enabledFor(orcid) || !this.twoFactor.available()) {
            return status(orcid, model, null);
        }
        List<String> backupCodes = this.twoFactor.confirm(orcid, code);
        if (backupCodes == null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            TwoFactorService.SetUp waiting = this.twoFactor.setUp(orcid, false);
            if (waiting == null) {
                return status(orcid, model, "security.twofactor.setup.none");
            }
            return setUpPage(orcid, waiting, model,
                    code == null || code.isBlank() ? "security.twofactor.code.missing" : "security.twofactor.code.wrong");
        }
        this.audit.record(AuditEventType.TWO_FACTOR_ENABLED, orcid, null, null, null);
        this.mail.send(orcid, "two-factor-enabled", null);
        model.addAttribute("mode", "codes");
        model.addAttribute("backupCodes", backupCodes);
        return "account/two-factor";
    }

    @PostMapping(PAGE + "/disable")
    String disable(@RequestParam(name = "password", required = false) String password,
            @RequestParam(name = "verificationCode", required = false) String code, Principal principal,
            HttpServletRequest request, Model model, HttpServletResponse response) {
        String orcid = principal.getName();
        if (!this.twoFactor.enabledFor(orcid)) {
            return status(orcid, model, null);
        }
        String account = TwoFactorCodeProvider.accountKey(orcid);
        String address = SignInThrottle.addressKey(request.getRemoteAddr());
        Instant blocked = this.throttle.blockedUntil(account, address);
        if (blocked != null) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("waitSeconds", secondsUntil(blocked));
            return status(orcid, model, "security.twofactor.throttled");
        }
        Researcher researcher = this.researchers.findByOrcid(orcid).orElseThrow();
        boolean passwordRight = password != null && password.length() <= 1000
                && this.passwords.matches(password, researcher.passwordHash());
        // the code is checked (and used up) only after a right password
        if (!passwordRight || !this.twoFactor.verify(orcid, code)) {
            Instant until = this.throttle.recordFailure(account, address);
            this.audit.record(AuditEventType.TWO_FACTOR_FAILED, orcid, null, passwordRight ? "BAD_CODE"
                    : "BAD_CREDENTIALS", "turning two-factor off");
            response.setStatus(until != null ? HttpStatus.TOO_MANY_REQUESTS.value() : HttpStatus.BAD_REQUEST.value());
            return status(orcid, model, passwordRight ? "security.twofactor.code.wrong" : "security.password.wrong");
        }
        this.throttle.clear(account);
        this.twoFactor.disable(orcid);
        this.audit.record(AuditEventType.TWO_FACTOR_DISABLED, orcid, null, null, null);
        this.mail.send(orcid, "two-factor-disabled", request.getRemoteAddr());
        response.setStatus(HttpStatus.SEE_OTHER.value());
        response.setHeader("Location", PAGE + "?disabled");
        return null;
    }

    private String status(String orcid, Model model, String error) {
        boolean on = this.twoFactor.enabledFor(orcid);
        model.addAttribute("mode", on ? "on" : "off");
        model.addAttribute("available", this.twoFactor.available());
        model.addAttribute("error", error);
        if (on) {
            Instant since = this.twoFactor.enabledAt(orcid);
            model.addAttribute("since", since == null ? "" : DAY.format(since));
            model.addAttribute("unusedBackupCodes", this.twoFactor.unusedBackupCodes(orcid));
        }
        return "account/two-factor";
    }

    private String setUpPage(String orcid, TwoFactorService.SetUp setUp, Model model, String error) {
        String uri = QrCode.otpauthUri(this.issuer, orcid, setUp.base32Secret());
        model.addAttribute("mode", "setup");
        model.addAttribute("secret", setUp.base32Secret());
        model.addAttribute("otpauthUri", uri);
        model.addAttribute("qrSvg", QrCode.svg(uri));
        model.addAttribute("error", error);
        return "account/two-factor";
    }

    private static long secondsUntil(Instant until) {
        return Math.max(1, (until.toEpochMilli() - System.currentTimeMillis() + 999) / 1000);
    }
}
