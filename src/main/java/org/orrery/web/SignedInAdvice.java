package org.orrery.web;

import java.security.Principal;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells every page's header whether someone is signed in. */
@ControllerAdvice
class SignedInAdvice {

    @ModelAttribute("signedIn")
    boolean signedIn(Principal principal) {
        return principal != null;
    }
}
