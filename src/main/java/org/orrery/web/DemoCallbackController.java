package org.orrery.web;

import jakarta.servlet.http.HttpServletRequest;

import org.orrery.oauth.OrreryProperties;
import org.orrery.system.DemoSandbox;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The demo client's redirect URI in a sandbox: shows the code (or the error) that came back and the curl line
 * that exchanges it, so a newcomer can finish a dance without writing a client.
 */
@Controller
class DemoCallbackController {

    private final OrreryProperties properties;

    DemoCallbackController(OrreryProperties properties) {
        this.properties = properties;
    }

    @GetMapping("/demo/callback")
    String callback(@RequestParam(name = "code", required = false) String code,
            @RequestParam(name = "state", required = false) String state,
            @RequestParam(name = "error", required = false) String error,
            @RequestParam(name = "error_description", required = false) String errorDescription,
            HttpServletRequest request, Model model) {
        model.addAttribute("code", code);
        model.addAttribute("state", state);
        model.addAttribute("error", error);
        model.addAttribute("errorDescription", errorDescription);
        model.addAttribute("tokenUrl", this.properties.baseUrl() + "/oauth/token");
        model.addAttribute("clientId", DemoSandbox.CLIENT_ID);
        model.addAttribute("clientSecret", DemoSandbox.CLIENT_SECRET);
        model.addAttribute("redirectUri", request.getRequestURL().toString());
        return "demo-callback";
    }
}
