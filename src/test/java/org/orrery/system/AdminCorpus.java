package org.orrery.system;

import java.util.List;

import org.orrery.system.BadInput.Endpoint;
import org.orrery.system.BadInput.Expect;

/**
 * The operators' console's routes for the bad-input corpus, in a signed-in operator's session: pages, actions on an
 * unknown record or client (which store nothing whatever the input), and the client form (strict values only).
 */
final class AdminCorpus {

    static final String UNKNOWN_ORCID = "0000-0002-9999-999X";

    static final String UNKNOWN_CLIENT = "APP-NOSUCHCLIENT0000";

    private AdminCorpus() {
    }

    static List<Endpoint> pages(String cookie, String csrf) {
        List<String[]> operator = CorpusEndpoints.session(cookie);
        return List.of(
                CorpusEndpoints.get("console search", "/admin", Expect.PAGE, operator, "q", "Lovelace"),
                CorpusEndpoints.get("console researcher", "/admin/researchers/0000-0002-1694-233X", Expect.PAGE,
                        operator, "x", "1").light(),
                CorpusEndpoints.get("console unknown researcher", "/admin/researchers/not-an-id", Expect.PAGE,
                        operator, "x", "1").light(),
                CorpusEndpoints.get("console clients", "/admin/clients", Expect.PAGE, operator, "x", "1").light(),
                CorpusEndpoints.get("console client", "/admin/clients/APP-TEST000000000001", Expect.PAGE, operator,
                        "x", "1").light(),
                CorpusEndpoints.get("console mail", "/admin/mail", Expect.PAGE, operator, "x", "1").light(),
                CorpusEndpoints.get("console audit", "/admin/audit", Expect.PAGE, operator, "orcid",
                        "0000-0002-1694-233X", "clientId", "APP-TEST000000000001", "type", "SIGNED_IN", "since",
                        "2026-01-01", "until", "2026-12-31"),
                CorpusEndpoints.post("console lock unknown record", "/admin/researchers/" + UNKNOWN_ORCID + "/lock",
                        Expect.PAGE, operator, "reason", "spam", "_csrf", csrf),
                CorpusEndpoints.post("console deprecate unknown record",
                        "/admin/researchers/" + UNKNOWN_ORCID + "/deprecate", Expect.PAGE, operator, "into",
                        "0000-0002-1694-233X", "_csrf", csrf).light(),
                CorpusEndpoints.post("console lock unknown client", "/admin/clients/" + UNKNOWN_CLIENT + "/lock",
                        Expect.PAGE, operator, "_csrf", csrf),
                CorpusEndpoints.post("console edit unknown client", "/admin/clients/" + UNKNOWN_CLIENT + "/edit",
                        Expect.PAGE, operator, "name", "X", "redirectUris", "https%3A%2F%2Fx.org%2Fcb", "type",
                        "member", "_csrf", csrf).light());
    }

    /** The form that stores: refused for one strict value at a time. */
    static List<Endpoint> storingForms(String cookie, String csrf) {
        return List.of(CorpusEndpoints.post("console client form", "/admin/clients", Expect.PAGE,
                CorpusEndpoints.session(cookie), "name", "Corpus%20Client", "description", "From%20the%20corpus",
                "website", "https%3A%2F%2Fcorpus.example.org", "type", "member", "redirectUris",
                "https%3A%2F%2Fcorpus.example.org%2Fcb", "matching", "exact", "scope", "%2Fwebhook", "_csrf", csrf));
    }
}
