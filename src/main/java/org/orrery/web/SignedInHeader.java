package org.orrery.web;

import java.security.Principal;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.orrery.registry.ResearcherRepository;
import org.orrery.system.PageAttributes;
import org.springframework.stereotype.Component;

/** Tells every page's header whether someone is signed in ({@code signedIn}), and who: name and ORCID iD. */
@Component
class SignedInHeader implements PageAttributes {

    /** The signed-in researcher as the header shows them. */
    record SignedInResearcher(String name, String orcid) {
    }

    private final ResearcherRepository researchers;

    SignedInHeader(ResearcherRepository researchers) {
        this.researchers = researchers;
    }

    @Override
    public void addTo(Map<String, Object> model, HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        model.putIfAbsent("signedIn", principal != null);
        if (principal != null && !model.containsKey("signedInResearcher")) {
            this.researchers.findByOrcid(principal.getName())
                .map(researcher -> new SignedInResearcher(researcher.displayName(), researcher.orcid().value()))
                .ifPresent(researcher -> model.put("signedInResearcher", researcher));
        }
    }
}
