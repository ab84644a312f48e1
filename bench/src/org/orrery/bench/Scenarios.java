package org.orrery.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The scenarios. Each one prepares what it needs outside the measurement (codes, tokens), then hands over the
 * operation that is measured. A grant the server does not offer (yet) makes its scenario skipped, with the
 * server's answer as the reason: the client-credentials and refresh scenarios run by themselves once those
 * grants exist.
 */
final class Scenarios {

    static final List<String> ALL = List.of("dance", "warm-dance", "exchange", "api-read", "userinfo", "refresh",
            "client-credentials");

    /** The scenarios whose operation is (mostly) a call of the token endpoint. */
    static final List<String> TOKEN_ENDPOINT = List.of("warm-dance", "exchange", "refresh", "client-credentials");

    private final DanceClient client;

    private final int concurrency;

    private final int codes;

    Scenarios(DanceClient client, int concurrency, int codes) {
        this.client = client;
        this.concurrency = concurrency;
        this.codes = codes;
    }

    Prepared prepare(String scenario) throws Exception {
        return switch (scenario) {
            case "dance" -> dance();
            case "warm-dance" -> warmDance();
            case "exchange" -> exchange(this.codes);
            case "api-read" -> apiRead();
            case "userinfo" -> userInfo();
            case "refresh" -> refresh();
            case "client-credentials" -> clientCredentials();
            default -> throw new IllegalArgumentException("unknown scenario " + scenario + "; known: " + ALL);
        };
    }

    /**
     * The operation for a second run of about this long at this rate: the same one, except that {@code exchange}
     * gets a new pool of codes (the first run may have used them all).
     */
    Prepared again(String scenario, Prepared first, double perSecond, Duration length) throws Exception {
        if (!scenario.equals("exchange")) {
            return first;
        }
        return exchange((int) Math.min(Integer.MAX_VALUE, Math.ceil(perSecond * length.toNanos() / 1e9 * 1.05) + 1));
    }

    /** One researcher per worker, registered now, so that each dance of a worker starts without a live token. */
    private Prepared dance() throws IOException {
        String[] emails = newResearchers("bench-");
        return Prepared.ready(worker -> this.client.coldDance(emails[worker]));
    }

    /**
     * One researcher per worker, registered and signed in now (a cookie jar per worker), who consents once; that
     * token stays live, so every later authorize of the worker is answered with a code at once. Checked here: if
     * authorize still asks for something, the scenario is skipped.
     */
    private Prepared warmDance() throws IOException {
        String[] emails = newResearchers("bench-warm-");
        CookieJar[] browsers = new CookieJar[this.concurrency];
        for (int w = 0; w < this.concurrency; w++) {
            browsers[w] = this.client.signedInBrowser(emails[w]);
            this.client.exchange(this.client.code(browsers[w]));
            String landed = this.client.authorize(browsers[w], DanceClient.SCOPE);
            if (!landed.startsWith(DanceClient.REDIRECT_URI) || !Web.query(landed).containsKey("code")) {
                return Prepared.skip("with a signed-in browser and a live token for the same scopes, authorize "
                        + "redirects to " + landed + " instead of straight to the client with a code");
            }
        }
        return Prepared.ready(worker -> this.client.warmDance(browsers[worker]));
    }

    private String[] newResearchers(String prefix) throws IOException {
        String[] emails = new String[this.concurrency];
        String run = Long.toString(System.currentTimeMillis(), 36);
        for (int w = 0; w < this.concurrency; w++) {
            emails[w] = prefix + run + "-" + w + "@example.org";
            this.client.register(emails[w]);
        }
        return emails;
    }

    /** Codes minted beforehand by signed-in browsers in parallel; the run ends early if they run out. */
    private Prepared exchange(int codes) throws Exception {
        Queue<String> pool = new ConcurrentLinkedQueue<>();
        ExecutorService minters = Executors.newFixedThreadPool(this.concurrency);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int m = 0; m < this.concurrency; m++) {
                int share = codes / this.concurrency + (m < codes % this.concurrency ? 1 : 0);
                done.add(minters.submit(() -> {
                    CookieJar browser = this.client.signedInBrowser();
                    for (int i = 0; i < share; i++) {
                        pool.add(this.client.code(browser));
                    }
                    return null;
                }));
            }
            for (Future<?> minted : done) {
                minted.get();
            }
        }
        finally {
            minters.shutdown();
        }
        return Prepared.ready(worker -> {
            String code = pool.poll();
            if (code == null) {
                throw new LoadRun.Exhausted();
            }
            this.client.exchange(code);
        });
    }

    private Prepared apiRead() throws IOException {
        String[] tokens = new String[this.concurrency];
        CookieJar browser = this.client.signedInBrowser();
        String orcid = null;
        for (int w = 0; w < this.concurrency; w++) {
            String answer = this.client.exchange(this.client.code(browser));
            tokens[w] = Web.jsonString(answer, "access_token");
            orcid = Web.jsonString(answer, "orcid");
        }
        String researcher = orcid;
        return Prepared.ready(worker -> this.client.readRecord(researcher, tokens[worker]));
    }

    /** One token with scope {@code openid} per worker; probed once. */
    private Prepared userInfo() throws IOException {
        String[] tokens = new String[this.concurrency];
        CookieJar browser = this.client.signedInBrowser();
        for (int w = 0; w < this.concurrency; w++) {
            tokens[w] = Web.jsonString(this.client.exchange(this.client.code(browser, "openid")), "access_token");
        }
        HttpResponse<String> probe = this.client.userInfo(tokens[0]);
        if (probe.statusCode() != 200) {
            return Prepared.skip("server answers " + probe.statusCode() + " " + probe.body());
        }
        return Prepared.ready(worker -> Web.expect(this.client.userInfo(tokens[worker]), 200, "userinfo"));
    }

    /** Each worker refreshes along its own chain, keeping the refresh token each answer returns (rotation). */
    private Prepared refresh() throws IOException {
        String[] chains = new String[this.concurrency];
        CookieJar browser = this.client.signedInBrowser();
        for (int w = 0; w < this.concurrency; w++) {
            chains[w] = Web.jsonString(this.client.exchange(this.client.code(browser)), "refresh_token");
        }
        return GrantScenarios.refresh(this.client.tokens(), chains);
    }

    private Prepared clientCredentials() throws IOException {
        return GrantScenarios.clientCredentials(this.client.tokens(), "/read-public");
    }
}
