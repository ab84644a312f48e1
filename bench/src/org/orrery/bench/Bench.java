package org.orrery.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;

/**
 * Orrery's load driver: starts Orrery from its jar (or targets a running one), measures start-up to the first
 * token and idle memory, then runs each scenario with warm-up and a fixed duration at a fixed concurrency and
 * prints throughput, p50, p99, errors and the server's CPU and RSS; optionally also at half of peak, and side by
 * side with another OAuth server. See bench/README.md.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        }
        catch (IllegalArgumentException ex) {
            System.err.println(ex.getMessage());
            System.exit(2);
            return;
        }
        Files.createDirectories(options.logDir());
        Report.header(options.label(), options);
        if (options.jar() == null) {
            new Suite(options, options.base(), new ProcessMeter(options.pid())).run();
            return;
        }
        try (OrreryServer server = OrreryServer.launch(options.jar(), freePort(), options.jvmArgs(),
                options.appArgs(), options.logDir().resolve("orrery-" + options.label() + ".log"))) {
            Duration ready = server.awaitReady(Duration.ofMinutes(3));
            new DanceClient(server.base()).coldDance(DanceClient.EMAIL);
            Duration firstToken = server.sinceLaunch();
            Thread.sleep(options.idle().toMillis());
            ProcessMeter meter = new ProcessMeter(server.pid());
            Report.startUp(ready, firstToken, meter.rssMib(), options.idle());
            new Suite(options, server.base(), meter).run();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
