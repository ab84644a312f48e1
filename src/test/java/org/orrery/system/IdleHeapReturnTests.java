package org.orrery.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.time.Duration;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import org.junit.jupiter.api.Test;
import org.orrery.support.OrreryIntegrationTest;

/**
 * What an operator sees with {@code jcmd <pid> VM.flags} once a node is ready (the shared test server runs in this
 * JVM).
 */
class IdleHeapReturnTests extends OrreryIntegrationTest {

    private final HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);

    @Test
    void aReadyNodeLetsG1ReturnIdleHeap() {
        assumeTrue("true".equals(this.vm.getVMOption("UseG1GC").getValue()), "the JVM runs G1");
        assertThat(this.vm.getVMOption("G1PeriodicGCInterval").getValue()).isEqualTo("15000");
        assertThat(this.vm.getVMOption("G1PeriodicGCInterval").getOrigin()).isEqualTo(VMOption.Origin.MANAGEMENT);
        assertThat(this.vm.getVMOption("MaxHeapFreeRatio").getValue()).isEqualTo("30");
        assertThat(this.vm.getVMOption("MinHeapFreeRatio").getValue()).isEqualTo("10");
    }

    @Test
    void anOptionSomeoneAlreadySetIsLeftAsItIs() {
        assumeTrue("true".equals(this.vm.getVMOption("UseG1GC").getValue()), "the JVM runs G1");
        // set by the shared node's start, as an operator's jcmd or -XX option would have set it
        assertThat(this.vm.getVMOption("G1PeriodicGCInterval").getOrigin()).isNotEqualTo(VMOption.Origin.DEFAULT);
        new IdleHeapReturn(true, Duration.ofSeconds(60)).apply();
        assertThat(this.vm.getVMOption("G1PeriodicGCInterval").getValue()).isEqualTo("15000");
    }
}
