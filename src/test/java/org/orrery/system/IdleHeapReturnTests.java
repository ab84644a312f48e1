package org.orrery.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.support.OrreryIntegrationTest;
import org.orrery.support.OrreryProcess;
import org.orrery.support.OwnEmbeddedDatabase;

/**
 * What an operator sees with {@code jcmd <pid> VM.flags -all} once a node started with the JVM's defaults (G1 on a
 * machine like this one) is ready. The node runs as a process of its own: the test JVMs run the serial collector
 * (pom.xml, {@code orrery.test.jvm-args}), under which there is nothing to set.
 */
@OwnEmbeddedDatabase
class IdleHeapReturnTests extends OrreryIntegrationTest {

    /** One line of {@code VM.flags -all}: type, name, value, then its kind and where its value came from. */
    private static final Pattern FLAG = Pattern
        .compile("^\\s*\\S+\\s+(\\w+)\\s+:?=\\s+(\\S+)\\s+\\{[^}]*\\}\\s+\\{([^}]*)\\}", Pattern.MULTILINE);

    @TempDir
    Path dir;

    @Test
    void aReadyNodeLetsG1ReturnIdleHeapAndLeavesWhatTheOperatorSetAlone() throws Exception {
        int port = freePort();
        Map<String, String> settings = new HashMap<>();
        settings.put("server.port", String.valueOf(port));
        settings.put("orrery.base-url", "http://localhost:" + port);
        settings.put("spring.datasource.url", "jdbc:h2:file:" + this.dir.resolve("orrery").toAbsolutePath());
        settings.put("orrery.seed-file", testSeedFile());
        settings.put("orrery.search.index-dir", this.dir.resolve("search-index").toAbsolutePath().toString());
        // an operator's own choice for one of the three options, given on the command line
        try (OrreryProcess node = OrreryProcess.start(settings,
                List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseG1GC", "-XX:MaxHeapFreeRatio=50"))) {
            Map<String, String[]> flags = flagsOnceSet(node.pid(), "G1PeriodicGCInterval");
            assertThat(flags.get("G1PeriodicGCInterval")).containsExactly("15000", "management");
            assertThat(flags.get("MinHeapFreeRatio")).containsExactly("10", "management");
            assertThat(flags.get("MaxHeapFreeRatio")).containsExactly("50", "command line");
        }
    }

    /**
     * The node's flags as {@code jcmd} shows them once this one is no longer at its default (a node answers its
     * health check a moment before its ready event has run).
     */
    private static Map<String, String[]> flagsOnceSet(long pid, String name) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            Map<String, String[]> flags = flags(pid);
            String[] flag = flags.get(name);
            if ((flag != null && !flag[1].equals("default")) || Instant.now().isAfter(deadline)) {
                return flags;
            }
            Thread.sleep(200);
        }
    }

    private static Map<String, String[]> flags(long pid) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid), "VM.flags", "-all").redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(jcmd.waitFor(60, TimeUnit.SECONDS)).as("jcmd finishes").isTrue();
        Map<String, String[]> flags = new HashMap<>();
        Matcher line = FLAG.matcher(out);
        while (line.find()) {
            flags.put(line.group(1), new String[] { line.group(2), line.group(3) });
        }
        return flags;
    }
}
