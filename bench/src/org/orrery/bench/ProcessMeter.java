package org.orrery.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time and resident memory of one process, read from Linux's /proc; every answer is -1 without a pid. */
final class ProcessMeter {

    private final long pid;

    private final long ticksPerSecond;

    ProcessMeter(long pid) {
        this.pid = pid;
        this.ticksPerSecond = clockTicks();
    }

    static ProcessMeter none() {
        return new ProcessMeter(-1);
    }

    boolean present() {
        return this.pid > 0;
    }

    /** User plus system CPU time so far, in nanoseconds. */
    long cpuNanos() {
        if (!present()) {
            return -1;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + this.pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * 1_000_000_000L / this.ticksPerSecond;
        }
        catch (IOException | RuntimeException ex) {
            return -1;
        }
    }

    /** Resident set size now, in MiB. */
    long rssMib() {
        if (!present()) {
            return -1;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + this.pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        }
        catch (IOException | RuntimeException ex) {
            return -1;
        }
        return -1;
    }

    /** The machine's 1, 5 and 15 minute load averages. */
    static String machineLoad() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        }
        catch (IOException ex) {
            return "unknown";
        }
    }

    private static long clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
            String out = new String(getconf.getInputStream().readAllBytes()).trim();
            return Long.parseLong(out);
        }
        catch (IOException | RuntimeException ex) {
            return 100;
        }
    }
}
