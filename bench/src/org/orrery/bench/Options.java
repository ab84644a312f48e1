package org.orrery.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The command line of {@link Bench}: {@code --name value} pairs and the flag {@code --half-peak}, with defaults. */
record Options(Path jar, String base, long pid, String datasourceUrl, String datasourceUsername,
        String datasourcePassword, Path seed, List<String> jvmArgs, String label, int concurrency, Duration warmup,
        Duration duration, int codes, Duration idle, List<String> scenarios, Path logDir, boolean halfPeak,
        Peer peer) {

    static final String USAGE = """
            Usage: Bench (--jar orrery.jar --seed bench/seed.yml [--datasource-url URL --datasource-username U
                          --datasource-password P] [--jvm-args "-Xmx512m"] | --base http://host:port [--pid PID])
                         [--label NAME] [--concurrency 8] [--warmup 10s] [--duration 30s] [--codes 4000]
                         [--idle 10s] [--scenarios dance,warm-dance,exchange,api-read,userinfo,refresh,
                          client-credentials] [--log-dir bench/target] [--half-peak]
                         [--peer-token-endpoint URL --peer-client-id ID --peer-client-secret SECRET
                          [--peer-label NAME] [--peer-scope SCOPE] [--peer-client-auth basic|post]
                          [--peer-username U --peer-password P] [--peer-pid PID]
                          [--peer-authorize-endpoint URL --peer-redirect-uri URI [--peer-userinfo-endpoint URL]]]""";

    private static final List<String> FLAGS = List.of("half-peak");

    static Options parse(String[] args) {
        Map<String, String> given = new LinkedHashMap<>();
        int i = 0;
        while (i < args.length) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : null;
            if (name != null && FLAGS.contains(name)) {
                given.put(name, "true");
                i += 1;
            }
            else if (name != null && i + 1 < args.length) {
                given.put(name, args[i + 1]);
                i += 2;
            }
            else {
                throw new IllegalArgumentException("expected --name value pairs, got " + args[i] + "\n" + USAGE);
            }
        }
        String jar = given.remove("jar");
        String base = given.remove("base");
        if ((jar == null) == (base == null)) {
            throw new IllegalArgumentException("give --jar (start Orrery) or --base (a running Orrery)\n" + USAGE);
        }
        Peer peer;
        try {
            peer = Peer.from(given);
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(ex.getMessage() + "\n" + USAGE);
        }
        Options options = new Options(jar == null ? null : Path.of(jar), base,
                Long.parseLong(given.getOrDefault("pid", "-1")), given.remove("datasource-url"),
                given.remove("datasource-username"), given.remove("datasource-password"),
                given.containsKey("seed") ? Path.of(given.get("seed")) : null,
                split(given.getOrDefault("jvm-args", "-Xmx512m"), " "), given.getOrDefault("label", "orrery"),
                Integer.parseInt(given.getOrDefault("concurrency", "8")), duration(given.getOrDefault("warmup", "10s")),
                duration(given.getOrDefault("duration", "30s")), Integer.parseInt(given.getOrDefault("codes", "4000")),
                duration(given.getOrDefault("idle", "10s")),
                split(given.getOrDefault("scenarios", String.join(",", Scenarios.ALL)), ","),
                Path.of(given.getOrDefault("log-dir", "bench/target")), given.containsKey("half-peak"), peer);
        for (String known : List.of("pid", "seed", "jvm-args", "label", "concurrency", "warmup", "duration", "codes",
                "idle", "scenarios", "log-dir", "half-peak")) {
            given.remove(known);
        }
        if (!given.isEmpty()) {
            throw new IllegalArgumentException("unknown options " + given.keySet() + "\n" + USAGE);
        }
        if (options.jar() != null && options.seed() == null) {
            throw new IllegalArgumentException("--jar needs --seed (bench/seed.yml)\n" + USAGE);
        }
        return options;
    }

    /** Arguments for the started Orrery: database, seed file, no demo data, no rate limits (capacity is measured). */
    List<String> appArgs() {
        List<String> args = new ArrayList<>();
        args.add("--orrery.seed-file=" + this.seed.toAbsolutePath());
        args.add("--orrery.demo.enabled=false");
        args.add("--orrery.rate-limit.enabled=false");
        if (this.datasourceUrl != null) {
            args.add("--spring.datasource.url=" + this.datasourceUrl);
            args.add("--spring.datasource.username=" + (this.datasourceUsername == null ? "" : this.datasourceUsername));
            args.add("--spring.datasource.password=" + (this.datasourcePassword == null ? "" : this.datasourcePassword));
        }
        return args;
    }

    /** {@code 500ms}, {@code 30s}, {@code 2m}. */
    static Duration duration(String text) {
        if (text.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
        }
        long amount = Long.parseLong(text.substring(0, text.length() - 1));
        return switch (text.charAt(text.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            default -> throw new IllegalArgumentException("durations look like 500ms, 30s or 2m: " + text);
        };
    }

    private static List<String> split(String text, String separator) {
        return Arrays.stream(text.split(separator)).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
