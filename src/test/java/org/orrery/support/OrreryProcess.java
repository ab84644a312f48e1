package org.orrery.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.orrery.OrreryApplication;

/**
 * An Orrery started as a separate operating-system process ({@code java -cp <test classpath>
 * org.orrery.OrreryApplication --name=value ...}), so that a test can kill it the way a crash does
 * ({@link #kill}: SIGKILL, no shutdown hooks, no graceful close of the pool) and start another one on the same
 * database. Its output goes to a log file under target/.
 */
public final class OrreryProcess implements AutoCloseable {

    private final Process process;

    private final int port;

    private final Path log;

    private OrreryProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts one with these settings ({@code server.port} among them) and waits until its health answers UP. */
    public static OrreryProcess start(Map<String, String> settings) {
        return start(settings, List.of("-Xmx384m", "-XX:TieredStopAtLevel=1"));
    }

    /** The same, with these JVM options instead of the usual small heap and quick compiler. */
    public static OrreryProcess start(Map<String, String> settings, List<String> jvmOptions) {
        int port = Integer.parseInt(settings.get("server.port"));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(OrreryApplication.class.getName());
        settings.forEach((name, value) -> command.add("--" + name + "=" + value));
        command.add("--spring.main.banner-mode=off");
        try {
            Path dir = Files.createDirectories(Path.of("target", "orrery-processes"));
            Path log = dir.resolve("orrery-" + port + "-" + UUID.randomUUID() + ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .directory(new File(".").getAbsoluteFile())
                .start();
            OrreryProcess started = new OrreryProcess(process, port, log);
            started.awaitHealthy(Duration.ofSeconds(90));
            return started;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private void awaitHealthy(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!this.process.isAlive()) {
                throw new IllegalStateException("Orrery process exited with " + this.process.exitValue()
                        + " before it was healthy; see " + this.log.toAbsolutePath());
            }
            try {
                HttpResponse<String> health = Http.get(url() + "/actuator/health");
                if (health.statusCode() == 200) {
                    return;
                }
            }
            catch (RuntimeException notYetListening) {
                // keep polling
            }
            sleep(200);
        }
        this.process.destroyForcibly();
        throw new IllegalStateException("Orrery process not healthy within " + timeout + "; see " + this.log);
    }

    /** Kills the process as a crash would (SIGKILL) and waits until it is gone. */
    public void kill() {
        this.process.destroyForcibly();
        try {
            this.process.waitFor();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    public String url() {
        return "http://localhost:" + this.port;
    }

    public int port() {
        return this.port;
    }

    /** The operating system's id of the process (for {@code jcmd}). */
    public long pid() {
        return this.process.pid();
    }

    public Path log() {
        return this.log;
    }

    @Override
    public void close() {
        if (this.process.isAlive()) {
            kill();
        }
    }

    /** True when the tests run on PostgreSQL ({@code orrery.test.datasource.url} names one). */
    public static boolean onPostgresql() {
        return System.getProperty("orrery.test.datasource.url", "").startsWith("jdbc:postgresql:");
    }

    /**
     * A schema of its own in the test PostgreSQL database (created here; the URL selects it with
     * {@code currentSchema}), so that what a fault test writes and breaks stays out of the shared server's data.
     */
    public record PostgresqlSchema(String name, String url, String username, String password) implements AutoCloseable {

        public static PostgresqlSchema create(String prefix) {
            String base = System.getProperty("orrery.test.datasource.url");
            String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            PostgresqlSchema schema = new PostgresqlSchema(name,
                    base + (base.contains("?") ? "&" : "?") + "currentSchema=" + name,
                    System.getProperty("orrery.test.datasource.username"),
                    System.getProperty("orrery.test.datasource.password"));
            schema.execute(base, "CREATE SCHEMA " + name);
            return schema;
        }

        /** Runs one statement as the test user, connected to the test database. */
        public void execute(String sql) {
            execute(System.getProperty("orrery.test.datasource.url"), sql);
        }

        /** Runs one statement as the test user, connected to another database of the same server. */
        public void executeOn(String database, String sql) {
            execute(ForkDatabase.withDatabase(System.getProperty("orrery.test.datasource.url"), database), sql);
        }

        /** The name of the test database. */
        public String database() {
            return ForkDatabase.database(System.getProperty("orrery.test.datasource.url"));
        }

        private void execute(String url, String sql) {
            try (Connection connection = DriverManager.getConnection(url, this.username, this.password);
                    Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
            catch (SQLException ex) {
                throw new IllegalStateException(sql + ": " + ex.getMessage(), ex);
            }
        }

        @Override
        public void close() {
            execute("DROP SCHEMA IF EXISTS " + this.name + " CASCADE");
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
