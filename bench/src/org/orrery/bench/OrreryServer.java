package org.orrery.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** An Orrery started from its jar as a separate process, for start-up figures and server-side meters. */
final class OrreryServer implements AutoCloseable {

    private final Process process;

    private final long launchedAt;

    private final String base;

    private OrreryServer(Process process, long launchedAt, String base) {
        this.process = process;
        this.launchedAt = launchedAt;
        this.base = base;
    }

    static OrreryServer launch(Path jar, int port, List<String> jvmArgs, List<String> appArgs, Path log)
            throws IOException {
        String base = "http://127.0.0.1:" + port;
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-jar");
        command.add(jar.toString());
        command.add("--server.port=" + port);
        command.add("--orrery.base-url=" + base);
        command.addAll(appArgs);
        long launchedAt = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
            .start();
        return new OrreryServer(process, launchedAt, base);
    }

    /** Polls the health endpoint until it answers 200; returns the time since launch. */
    Duration awaitReady(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!this.process.isAlive()) {
                throw new IllegalStateException("Orrery exited with status " + this.process.exitValue()
                        + " during start-up; see its log");
            }
            try {
                HttpResponse<String> health = Web.get(this.base + "/actuator/health", null);
                if (health.statusCode() == 200) {
                    return sinceLaunch();
                }
            }
            catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("Orrery did not become ready within " + timeout);
    }

    Duration sinceLaunch() {
        return Duration.ofNanos(System.nanoTime() - this.launchedAt);
    }

    String base() {
        return this.base;
    }

    long pid() {
        return this.process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        this.process.destroy();
        if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
            this.process.destroyForcibly().waitFor();
        }
    }
}
