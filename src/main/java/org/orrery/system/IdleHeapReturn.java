package org.orrery.system;

import java.lang.management.ManagementFactory;
import java.time.Duration;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Lets an idle node give its unused heap back to the operating system, so that a plain {@code java -jar} does not
 * sit on the few hundred MiB its start-up touched (bench/RESULTS.md, "Idle RSS"). Once the node is ready it sets
 * three of G1's manageable options, each only where the operator left it at the JVM's default: a periodic
 * collection after {@code orrery.memory.idle-collection-interval} without any (it never runs on a busy node),
 * and free-heap ratios that let that collection shrink the heap. Off with
 * {@code orrery.memory.return-idle-heap=false}; without G1 (another collector chosen) it does nothing.
 */
@Component
class IdleHeapReturn {

    private static final Logger log = LoggerFactory.getLogger(IdleHeapReturn.class);

    private final boolean enabled;

    private final Duration interval;

    IdleHeapReturn(@Value("${orrery.memory.return-idle-heap:true}") boolean enabled,
            @Value("${orrery.memory.idle-collection-interval:15s}") Duration interval) {
        this.enabled = enabled;
        this.interval = interval;
    }

    @EventListener(ApplicationReadyEvent.class)
    void apply() {
        if (!this.enabled) {
            return;
        }
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        if (vm == null || !"true".equals(value(vm, "UseG1GC"))) {
            return;
        }
        // MinHeapFreeRatio must stay at or below MaxHeapFreeRatio at every step: lower it first.
        setIfDefault(vm, "MinHeapFreeRatio", "10");
        setIfDefault(vm, "MaxHeapFreeRatio", "30");
        setIfDefault(vm, "G1PeriodicGCInterval", String.valueOf(this.interval.toMillis()));
    }

    private static void setIfDefault(HotSpotDiagnosticMXBean vm, String name, String value) {
        if (!isDefault(vm, name)) {
            return;
        }
        try {
            vm.setVMOption(name, value);
        }
        catch (IllegalArgumentException | SecurityException ex) {
            log.debug("Could not set {}={}: {}", name, value, ex.getMessage());
        }
    }

    private static boolean isDefault(HotSpotDiagnosticMXBean vm, String name) {
        try {
            return vm.getVMOption(name).getOrigin() == VMOption.Origin.DEFAULT;
        }
        catch (IllegalArgumentException ex) {
            return false;
        }
    }

    private static String value(HotSpotDiagnosticMXBean vm, String name) {
        try {
            return vm.getVMOption(name).getValue();
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }
}
