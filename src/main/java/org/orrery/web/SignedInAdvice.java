package org.orrery.web;

import java.security.Principal;

import org.orrery.registry.ResearcherRepository;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells every page's header whether someone is signed in, and who: name and ORCID iD. */
@ControllerAdvice
class SignedInAdvice {

    /** The signed-in researcher as the header shows them. */
    record SignedInResearcher(String name, String orcid) {
    }

    private final ResearcherRepository researchers;

    SignedInAdvice(ResearcherRepository researchers) {
        this.researchers = researchers;
    }

    @ModelAttribute("signedIn")
    boolean signedIn(Principal principal) {
        return principal != null;
    }

    @ModelAttribute("signedInResearcher")
    SignedInResearcher signedInResearcher(Principal principal) {
        if (principal == null) {
            return null;
        }
        return this.researchers.findByOrcid(principal.getName())
            .map(researcher -> new SignedInResearcher(researcher.displayName(), researcher.orcid().value()))
            .orElse(null);
    }
}
