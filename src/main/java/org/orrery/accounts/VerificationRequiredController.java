package org.orrery.accounts;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/** The page a gated action gets while the primary address is unverified (403, with a resend button). */
@Controller
class VerificationRequiredController {

    @RequestMapping(VerifiedEmailGate.REFUSED)
    String refused(HttpServletResponse response) {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        return "accounts/verification-required";
    }
}
