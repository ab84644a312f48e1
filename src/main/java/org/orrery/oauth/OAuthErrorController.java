package org.orrery.oauth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/** The page shown instead of a redirect when an authorization request cannot be answered safely. */
@Controller
class OAuthErrorController {

    @RequestMapping("/oauth/error")
    String error(HttpServletRequest request, HttpServletResponse response, Model model) {
        Object message = request.getAttribute(AuthorizationResponder.ERROR_ATTRIBUTE);
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("message", message != null ? message
                : "Something went wrong with this authorization request. Please start again from the application.");
        return "oauth/error";
    }
}
