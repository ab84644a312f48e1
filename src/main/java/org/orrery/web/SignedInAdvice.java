package org.orrery.web;

import java.security.Principal;

import org.orrery.registry.ResearcherRepository;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells every page's header whether someone is signed in, and who: name and ORCID iD. A request made with a bearer
 * token (the API) renders no page, so its researcher is not looked up: that query was 7.5 % of a member-API read's
 * CPU (bench/RESULTS.md).
 */
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
        if (principal == null || principal instanceof BearerTokenAuthentication) {
            return null;
        }
        return this.researchers.findByOrcid(principal.getName())
            .map(researcher -> new SignedInResearcher(researcher.displayName(), researcher.orcid().value()))
            .orElse(null);
    }
}
