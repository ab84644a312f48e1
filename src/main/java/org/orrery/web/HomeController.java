package org.orrery.web;

import java.security.Principal;

import org.orrery.oauth.OrreryProperties;
import org.orrery.registry.ResearcherRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The front page and the signed-in researcher's own page. */
@Controller
class HomeController {

    private final ResearcherRepository researchers;

    private final OrreryProperties properties;

    HomeController(ResearcherRepository researchers, OrreryProperties properties) {
        this.researchers = researchers;
        this.properties = properties;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("baseUrl", this.properties.baseUrl());
        return "home";
    }

    @GetMapping("/my-orcid")
    String myOrcid(Principal principal, Model model) {
        model.addAttribute("researcher", this.researchers.findByOrcid(principal.getName()).orElseThrow());
        model.addAttribute("baseUrl", this.properties.baseUrl());
        return "my-orcid";
    }
}
