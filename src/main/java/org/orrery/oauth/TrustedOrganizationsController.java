package org.orrery.oauth;

import java.security.Principal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Account settings, "Trusted organizations": each client that holds working access (the rule of remembered
 * consent), what it may do in ORCID's words and since when, and a button that revokes its access. Also ORCID's JSON listing at {@code /account/get-trusted-orgs.json}.
 */
@Controller
class TrustedOrganizationsController {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private final TrustedOrganizations trusted;

    TrustedOrganizationsController(TrustedOrganizations trusted) {
        this.trusted = trusted;
    }

    @GetMapping("/account/trusted-organizations")
    String page(Principal principal, Model model) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (TrustedOrganizations.Grant grant : this.trusted.of(principal.getName())) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("clientId", grant.clientId());
            row.put("name", grant.clientName());
            row.put("website", grant.clientWebsite());
            row.put("access", ConsentController.scopeLines(grant.scopes()));
            row.put("granted", DAY.format(grant.grantedAt()));
            row.put("grantedIso", grant.grantedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
            rows.add(row);
        }
        model.addAttribute("grants", rows);
        return "account/trusted-organizations";
    }

    @PostMapping("/account/trusted-organizations/revoke")
    String revoke(@RequestParam("clientId") String clientId, Principal principal) {
        this.trusted.revoke(principal.getName(), clientId);
        return "redirect:/account/trusted-organizations?revoked";
    }

    @GetMapping(path = "/account/get-trusted-orgs.json", produces = "application/json")
    @ResponseBody
    ResponseEntity<List<Map<String, Object>>> json(Principal principal) {
        List<Map<String, Object>> body = new ArrayList<>();
        for (TrustedOrganizations.Grant grant : this.trusted.of(principal.getName())) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", grant.clientName());
            entry.put("clientId", grant.clientId());
            entry.put("websiteValue", grant.clientWebsite());
            entry.put("approvalDate", grant.grantedAt().toEpochMilli());
            entry.put("scopePaths", List.copyOf(grant.scopes()));
            body.add(entry);
        }
        return ResponseEntity.ok(body);
    }
}
