package org.orrery.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs the chosen scenarios one after the other and prints the tables. After each token-endpoint scenario, with
 * {@code --half-peak}, the same operation runs again paced at half the throughput just measured; with a peer, the
 * scenarios it shares with Orrery run against the peer right after Orrery's, with the same concurrency and timing.
 */
final class Suite {

    private final Options options;

    private final ProcessMeter meter;

    private final Scenarios scenarios;

    private final PeerScenarios peerScenarios;

    private final ProcessMeter peerMeter;

    Suite(Options options, String base, ProcessMeter meter) {
        this.options = options;
        this.meter = meter;
        this.scenarios = new Scenarios(new DanceClient(base), options.concurrency(), options.codes());
        Peer peer = options.peer();
        this.peerScenarios = peer == null ? null : new PeerScenarios(peer, options.concurrency());
        this.peerMeter = peer == null ? ProcessMeter.none() : new ProcessMeter(peer.pid());
    }

    void run() throws Exception {
        List<LoadRun.Result> results = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<SideBySide> sideBySide = new ArrayList<>();
        for (String name : this.options.scenarios()) {
            System.err.println("preparing " + name);
            Prepared prepared = this.scenarios.prepare(name);
            LoadRun.Result ours = null;
            if (prepared.skipped() != null) {
                skipped.add(name + " (skipped: " + prepared.skipped().replace('|', '/') + ")");
            }
            else {
                ours = measure(name, prepared, this.meter, name);
                results.add(ours);
                if (this.options.halfPeak() && Scenarios.TOKEN_ENDPOINT.contains(name) && ours.operations() > 0) {
                    results.add(atHalfPeak(name, prepared, ours.throughput()));
                }
            }
            if (this.peerScenarios != null && PeerScenarios.ALL.contains(name)) {
                System.err.println("preparing " + name + " on " + this.options.peer().label());
                Prepared theirs = this.peerScenarios.prepare(name);
                sideBySide.add(new SideBySide(name, ours, prepared.skipped(), theirs.skipped() == null
                        ? measure(name, theirs, this.peerMeter, name + " on " + this.options.peer().label()) : null,
                        theirs.skipped()));
            }
        }
        Report.table(results, skipped);
        if (this.peerScenarios != null) {
            Report.sideBySide(this.options.peer().label(), sideBySide, this.peerMeter.present());
        }
    }

    private LoadRun.Result measure(String name, Prepared prepared, ProcessMeter server, String progress)
            throws InterruptedException {
        System.err.println("running " + progress);
        return LoadRun.run(name, this.options.concurrency(), this.options.warmup(), this.options.duration(), server,
                prepared.operation());
    }

    private LoadRun.Result atHalfPeak(String name, Prepared first, double peak) throws Exception {
        double rate = peak / 2;
        String label = String.format(Locale.ROOT, "%s @ 50%% (%.0f/s)", name, rate);
        Duration length = this.options.warmup().plus(this.options.duration());
        Prepared again = this.scenarios.again(name, first, rate, length);
        System.err.println("running " + label);
        return PacedRun.run(label, this.options.concurrency(), rate, this.options.warmup(), this.options.duration(),
                this.meter, again.operation());
    }
}
