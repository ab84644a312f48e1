package org.orrery.accounts;

import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.orrery.audit.AuditEventType;
import org.orrery.audit.AuditTrail;
import org.orrery.record.Visibility;
import org.orrery.registry.Researcher;
import org.orrery.registry.ResearcherRepository;
import org.orrery.system.PlainText;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * {@code /account/emails}: the signed-in researcher's addresses. Add one (a verification link is mailed to it),
 * remove one, resend a link, make a verified one primary (mailed to both addresses and audited), and choose who
 * sees each. Every change answers 303 back to the page with what happened.
 */
@Controller
class EmailsController {

    static final String PAGE = "/account/emails";

    static final int MAX_ADDRESSES = 10;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+");

    private final EmailAddresses addresses;

    private final EmailVerification verification;

    private final ResearcherRepository researchers;

    private final AccountMails mails;

    private final AuditTrail audit;

    private final TransactionTemplate transactions;

    EmailsController(EmailAddresses addresses, EmailVerification verification, ResearcherRepository researchers,
            AccountMails mails, AuditTrail audit, TransactionTemplate transactions) {
        this.addresses = addresses;
        this.verification = verification;
        this.researchers = researchers;
        this.mails = mails;
        this.audit = audit;
        this.transactions = transactions;
    }

    @GetMapping(PAGE)
    String page(Principal principal, Model model) {
        model.addAttribute("addresses", this.addresses.of(principal.getName()));
        model.addAttribute("visibilities", Visibility.values());
        return "accounts/emails";
    }

    @PostMapping(PAGE)
    View add(Principal principal, @RequestParam(name = "email", required = false) String email,
            RedirectAttributes redirect) {
        String orcid = principal.getName();
        if (email == null || email.length() > 320 || !EMAIL.matcher(email.trim()).matches()
                || PlainText.hasForbiddenCharacters(email, false)) {
            return back(redirect, "error", "accounts.emails.invalid");
        }
        if (this.addresses.of(orcid).size() >= MAX_ADDRESSES) {
            return back(redirect, "error", "accounts.emails.tooMany");
        }
        String address = ResearcherRepository.normalizeEmail(email);
        Locale language = LocaleContextHolder.getLocale();
        try {
            this.transactions.executeWithoutResult(status -> {
                this.addresses.add(orcid, address);
                this.verification.send(researcher(orcid), address, language);
                this.audit.record(AuditEventType.EMAIL_ADDED, orcid, null, null, null);
            });
        }
        catch (DuplicateKeyException ex) {
            return back(redirect, "error", "accounts.emails.taken");
        }
        return back(redirect, "notice", "accounts.emails.added");
    }

    @PostMapping(PAGE + "/remove")
    View remove(Principal principal, @RequestParam(name = "address", required = false) String address,
            RedirectAttributes redirect) {
        Optional<EmailAddress> own = own(principal, address);
        if (own.isEmpty()) {
            return back(redirect, "error", "accounts.emails.notYours");
        }
        if (own.get().primary()) {
            return back(redirect, "error", "accounts.emails.primaryStays");
        }
        this.addresses.remove(principal.getName(), own.get().address());
        this.audit.record(AuditEventType.EMAIL_REMOVED, principal.getName(), null, null, null);
        return back(redirect, "notice", "accounts.emails.removed");
    }

    @PostMapping(PAGE + "/primary")
    View primary(Principal principal, @RequestParam(name = "address", required = false) String address,
            RedirectAttributes redirect) {
        String orcid = principal.getName();
        Optional<EmailAddress> next = own(principal, address);
        if (next.isEmpty()) {
            return back(redirect, "error", "accounts.emails.notYours");
        }
        if (!next.get().verified()) {
            return back(redirect, "error", "accounts.emails.verifyFirst");
        }
        if (next.get().primary()) {
            return back(redirect, "notice", "accounts.emails.primaryChanged");
        }
        Locale language = LocaleContextHolder.getLocale();
        this.transactions.executeWithoutResult(status -> {
            List<EmailAddress> all = this.addresses.of(orcid);
            EmailAddress current = all.stream().filter(EmailAddress::primary).findFirst().orElseThrow();
            Researcher researcher = researcher(orcid);
            this.addresses.makePrimary(orcid, next.get(), current);
            this.mails.primaryEmailChanged(researcher, current.address(), next.get().address(), language);
            this.audit.record(AuditEventType.PRIMARY_EMAIL_CHANGED, orcid, null, null, null);
        });
        return back(redirect, "notice", "accounts.emails.primaryChanged");
    }

    @PostMapping(PAGE + "/visibility")
    View visibility(Principal principal, @RequestParam(name = "address", required = false) String address,
            @RequestParam(name = "visibility", required = false) String visibility, RedirectAttributes redirect) {
        Optional<EmailAddress> own = own(principal, address);
        Visibility chosen;
        try {
            chosen = Visibility.parse(visibility);
        }
        catch (IllegalArgumentException ex) {
            chosen = null;
        }
        if (own.isEmpty()) {
            return back(redirect, "error", "accounts.emails.notYours");
        }
        if (chosen == null) {
            return back(redirect, "error", "accounts.emails.badVisibility");
        }
        this.addresses.setVisibility(principal.getName(), own.get(), chosen);
        return back(redirect, "notice", "accounts.emails.visibilitySaved");
    }

    @PostMapping(PAGE + "/resend")
    View resend(Principal principal, @RequestParam(name = "address", required = false) String address,
            RedirectAttributes redirect) {
        Optional<EmailAddress> own = own(principal, address);
        if (own.isEmpty()) {
            return back(redirect, "error", "accounts.emails.notYours");
        }
        if (own.get().verified()) {
            return back(redirect, "notice", "accounts.emails.alreadyVerified");
        }
        if (!this.verification.resend(principal.getName(), own.get().address(), LocaleContextHolder.getLocale())) {
            return back(redirect, "error", "accounts.emails.resendThrottled");
        }
        return back(redirect, "notice", "accounts.emails.resent");
    }

    private Optional<EmailAddress> own(Principal principal, String address) {
        return this.addresses.find(address).filter(found -> found.orcid().equals(principal.getName()));
    }

    private Researcher researcher(String orcid) {
        return this.researchers.findByOrcid(orcid).orElseThrow();
    }

    private static View back(RedirectAttributes redirect, String kind, String key) {
        redirect.addFlashAttribute(kind, key);
        RedirectView view = new RedirectView(PAGE, true);
        view.setStatusCode(HttpStatus.SEE_OTHER);
        return view;
    }
}
