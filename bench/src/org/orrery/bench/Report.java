package org.orrery.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Prints the results as Markdown, ready to paste into bench/RESULTS.md. */
final class Report {

    private Report() {
    }

    static void header(String label, Options options) {
        System.out.printf("### %s — %s%n%n", label,
                ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")));
        System.out.printf("Machine: %s, %d cores, %s; Java %s; load driver on the same machine.%n", cpuModel(),
                Runtime.getRuntime().availableProcessors(), memory(), System.getProperty("java.version"));
        System.out.printf("Load average before the run: %s (other work on the machine shares its cores).%n",
                ProcessMeter.machineLoad());
        System.out.printf("Concurrency %d, warm-up %ds, measured %ds per scenario; server JVM %s.%n%n",
                options.concurrency(), options.warmup().toSeconds(), options.duration().toSeconds(),
                options.jar() == null ? "(not started by the driver)" : String.join(" ", options.jvmArgs()));
        if (options.halfPeak()) {
            System.out.println("Rows `@ 50%`: the same operation paced open-loop at half the throughput just measured,"
                    + " latency from each operation's due time.");
        }
        if (options.peer() != null) {
            System.out.printf("Side by side with %s.%n", options.peer());
        }
        if (options.halfPeak() || options.peer() != null) {
            System.out.println();
        }
    }

    static void startUp(Duration ready, Duration firstToken, long idleRssMib, Duration idle) {
        System.out.printf("| start-up | value |%n|---|---|%n");
        System.out.printf("| launch → health UP | %d ms |%n", ready.toMillis());
        System.out.printf("| launch → first access token (one cold dance) | %d ms |%n", firstToken.toMillis());
        System.out.printf("| idle RSS (%ds after the first token) | %d MiB |%n%n", idle.toSeconds(), idleRssMib);
    }

    static void table(List<LoadRun.Result> results, List<String> skipped) {
        System.out.println("| scenario | conc. | ops | ops/s | p50 ms | p99 ms | errors | server CPU % | server CPU ms/op | server RSS MiB (peak) | load after |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        for (LoadRun.Result r : results) {
            System.out.println(String.format(Locale.ROOT, "| %s | %d | %d | %.1f | %.2f | %.2f | %d | %s | %s | %s | %s |",
                    r.scenario(), r.concurrency(), r.operations(), r.throughput(), r.p50Millis(), r.p99Millis(),
                    r.errors(), cpuPercent(r), cpuPerOperation(r), rss(r), r.machineLoad()));
        }
        for (String line : skipped) {
            System.out.println("| " + line + " | | | | | | | | | | |");
        }
        System.out.println();
        System.out.println("Load average after the run: " + ProcessMeter.machineLoad());
        for (LoadRun.Result r : results) {
            if (r.firstError() != null) {
                System.out.println((r.errors() > 0 ? "First error in " : "Note on ") + r.scenario() + ": "
                        + r.firstError());
            }
        }
    }

    /** The comparison with the peer: Orrery's figures, the peer's, and Orrery's throughput over the peer's. */
    static void sideBySide(String peer, List<SideBySide> rows, boolean peerMetered) {
        System.out.println();
        System.out.printf("| scenario | Orrery ops/s | Orrery p50 ms | Orrery p99 ms | %1$s ops/s | %1$s p50 ms | %1$s p99 ms"
                + " | ratio Orrery/%1$s | errors Orrery / %1$s |%2$s%n", peer,
                peerMetered ? String.format(" %1$s CPU %% | %1$s CPU ms/op | %1$s RSS MiB (peak) |", peer) : "");
        System.out.println("|---|---|---|---|---|---|---|---|---|" + (peerMetered ? "---|---|---|" : ""));
        for (SideBySide row : rows) {
            LoadRun.Result ours = row.orrery();
            LoadRun.Result theirs = row.peer();
            System.out.printf("| %s | %s | %s | %s | %s |%s%n", row.scenario(), figures(ours, row.orrerySkipped()),
                    figures(theirs, row.peerSkipped()),
                    ours != null && theirs != null && theirs.operations() > 0
                            ? String.format(Locale.ROOT, "%.2f", ours.throughput() / theirs.throughput()) : "—",
                    (ours == null ? "—" : ours.errors()) + " / " + (theirs == null ? "—" : theirs.errors()),
                    peerMetered ? (theirs == null ? "  |  |  |" : String.format(" %s | %s | %s |", cpuPercent(theirs),
                            cpuPerOperation(theirs), rss(theirs))) : "");
        }
        System.out.println();
        for (SideBySide row : rows) {
            if (row.peer() != null && row.peer().firstError() != null) {
                System.out.println((row.peer().errors() > 0 ? "First error in " : "Note on ") + row.scenario()
                        + " on " + peer + ": " + row.peer().firstError());
            }
        }
    }

    /** Throughput, p50 and p99 as three cells, or the reason the side was skipped in the first. */
    private static String figures(LoadRun.Result r, String skipped) {
        if (r == null) {
            return "skipped: " + (skipped == null ? "not run" : skipped.replace('|', '/')) + " | | ";
        }
        return String.format(Locale.ROOT, "%.1f | %.2f | %.2f", r.throughput(), r.p50Millis(), r.p99Millis());
    }

    private static String cpuPercent(LoadRun.Result r) {
        return r.serverCpuPercent() < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f", r.serverCpuPercent());
    }

    private static String cpuPerOperation(LoadRun.Result r) {
        double millis = r.serverCpuMillisPerOperation();
        return millis < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", millis);
    }

    private static String rss(LoadRun.Result r) {
        return r.serverPeakRssMib() < 0 ? "n/a" : String.valueOf(r.serverPeakRssMib());
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
        }
        catch (IOException ex) {
            return "unknown CPU";
        }
    }

    private static String memory() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024 / 1024 + " GiB RAM").findFirst()
                .orElse("? RAM");
        }
        catch (IOException ex) {
            return "? RAM";
        }
    }
}
