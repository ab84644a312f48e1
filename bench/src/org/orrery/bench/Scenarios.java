package org.orrery.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
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

    static final List<String> ALL = List.of("dance", "exchange", "api-read", "refresh", "client-credentials");

    /** A scenario ready to run, or the reason it cannot. */
    record Prepared(LoadRun.Operation operation, String skipped) {

        static Prepared skip(String reason) {
            return new Prepared(null, reason);
        }
    }

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
            case "exchange" -> exchange();
            case "api-read" -> apiRead();
            case "refresh" -> refresh();
            case "client-credentials" -> clientCredentials();
            default -> throw new IllegalArgumentException("unknown scenario " + scenario + "; known: " + ALL);
        };
    }

    /** One researcher per worker, registered now, so that each dance of a worker starts without a live token. */
    private Prepared dance() throws IOException {
        String[] emails = new String[this.concurrency];
        String run = Long.toString(System.currentTimeMillis(), 36);
        for (int w = 0; w < this.concurrency; w++) {
            emails[w] = "bench-" + run + "-" + w + "@example.org";
            this.client.register(emails[w]);
        }
        return new Prepared(worker -> this.client.coldDance(emails[worker]), null);
    }

    /** Codes minted beforehand by signed-in browsers in parallel; the run ends early if they run out. */
    private Prepared exchange() throws Exception {
        Queue<String> pool = new ConcurrentLinkedQueue<>();
        ExecutorService minters = Executors.newFixedThreadPool(this.concurrency);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int m = 0; m < this.concurrency; m++) {
                int share = this.codes / this.concurrency + (m < this.codes % this.concurrency ? 1 : 0);
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
        return new Prepared(worker -> {
            String code = pool.poll();
            if (code == null) {
                throw new LoadRun.Exhausted();
            }
            this.client.exchange(code);
        }, null);
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
        return new Prepared(worker -> this.client.readRecord(researcher, tokens[worker]), null);
    }

    /** Each worker refreshes along its own chain, keeping the refresh token each answer returns (rotation). */
    private Prepared refresh() throws IOException {
        String[] chains = new String[this.concurrency];
        CookieJar browser = this.client.signedInBrowser();
        for (int w = 0; w < this.concurrency; w++) {
            chains[w] = Web.jsonString(this.client.exchange(this.client.code(browser)), "refresh_token");
        }
        for (int twice = 0; twice < 2; twice++) {
            HttpResponse<String> probe = this.client.grant("refresh_token", "refresh_token", chains[0]);
            if (probe.statusCode() != 200) {
                return Prepared.skip("refresh " + (twice + 1) + " of a chain: server answers " + probe.statusCode()
                        + " " + probe.body());
            }
            chains[0] = next(probe, chains[0]);
        }
        return new Prepared(worker -> {
            HttpResponse<String> refreshed = this.client.grant("refresh_token", "refresh_token", chains[worker]);
            Web.expect(refreshed, 200, "refresh");
            chains[worker] = next(refreshed, chains[worker]);
        }, null);
    }

    private Prepared clientCredentials() throws IOException {
        HttpResponse<String> probe = this.client.grant("client_credentials", "scope", "/read-public");
        if (probe.statusCode() != 200) {
            return Prepared.skip("server answers " + probe.statusCode() + " " + probe.body());
        }
        return new Prepared(worker -> Web.expect(this.client.grant("client_credentials", "scope", "/read-public"),
                200, "client credentials"), null);
    }

    private static String next(HttpResponse<String> refreshed, String current) {
        String rotated = Web.jsonString(refreshed.body(), "refresh_token");
        return rotated != null ? rotated : current;
    }
}
