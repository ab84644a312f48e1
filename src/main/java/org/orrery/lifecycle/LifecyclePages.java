package org.orrery.lifecycle;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The pages that explain a record's state where the researcher meets it: after signing in to a deactivated or
 * deprecated record, and when a locked record's holder tries to authorize an application.
 */
@Controller
public class LifecyclePages {

    /** Lifecycle pages anyone may open (the web security chain permits them). */
    public static final String[] PUBLIC_PATHS = { InactiveRecordSignIn.PAGE, "/reactivate", "/reactivate/confirm",
            "/reactivate/done", "/account/deactivate/confirm", "/account/deactivate/done" };

    static final String MESSAGE = "lifecycle/message";

    private final RecordLifecycle lifecycle;

    LifecyclePages(RecordLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @GetMapping(InactiveRecordSignIn.PAGE)
    String signInRefused(HttpSession session, Model model) {
        Object orcid = session == null ? null : session.getAttribute(InactiveRecordSignIn.SESSION_ATTRIBUTE);
        RecordState state = orcid == null ? null : this.lifecycle.find(orcid.toString()).orElse(null);
        if (state == null || state.isActive() || state.status() == RecordState.Status.LOCKED) {
            return "redirect:/signin";
        }
        List<PageLine> lines = new ArrayList<>();
        if (state.status() == RecordState.Status.DEPRECATED) {
            lines.add(PageLine.text("state-message", "lifecycle.signin.deprecated", state.orcid()));
            lines.add(PageLine.text("kept-orcid", "lifecycle.signin.deprecated.kept", state.deprecatedInto()));
            lines.add(PageLine.link("kept-signin-link", "lifecycle.signin.deprecated.link",
                    "/signin?orcid=" + state.deprecatedInto()));
        }
        else {
            lines.add(PageLine.text("state-message", "lifecycle.signin.deactivated", state.orcid()));
            lines.add(PageLine.link("reactivate-link", "lifecycle.signin.deactivated.link", "/reactivate"));
        }
        return message(model, "lifecycle.signin.title", lines);
    }

    @GetMapping(InactiveRecordAuthorizeFilter.REFUSED_PAGE)
    String cannotAuthorize(Principal principal, Model model, HttpServletResponse response) {
        RecordState state = this.lifecycle.find(principal.getName()).orElse(null);
        if (state == null || state.isActive()) {
            return message(model, "lifecycle.authorize.title",
                    List.of(PageLine.text("state-message", "lifecycle.authorize.active", null)));
        }
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        return message(model, "lifecycle.authorize.title",
                List.of(PageLine.text("state-message", "lifecycle.authorize.locked", state.orcid()),
                        PageLine.text("state-help", "lifecycle.authorize.locked.help", null)));
    }

    /**
     * The public page of a record that is not active ({@code {base}/{orcid}}, ORCID §5.4–§5.6): it shows the
     * state and none of the record's data. Null for an active record (the caller shows the record).
     */
    public static String publicPage(RecordLifecycle lifecycle, String orcid, Model model) {
        RecordState state = lifecycle.find(orcid).orElse(null);
        if (state == null || state.isActive()) {
            return null;
        }
        model.addAttribute("orcid", state.orcid());
        model.addAttribute("state", state.status().name());
        model.addAttribute("kept", state.deprecatedInto());
        return "lifecycle/public-state";
    }

    /** Fills the generic message page. */
    static String message(Model model, String titleKey, List<PageLine> lines) {
        model.addAttribute("titleKey", titleKey);
        model.addAttribute("lines", lines);
        return MESSAGE;
    }
}
