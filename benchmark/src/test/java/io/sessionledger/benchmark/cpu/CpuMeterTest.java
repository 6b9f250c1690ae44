package io.sessionledger.benchmark.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuMeterTest {

    @Test
    void theSystemIsTheLauncherAndEveryProcessBelowIt() {
        // 1 init, 10 launcher, 11 and 12 its services, 13 a child of a service, 20 someone else's
        Map<Long, Long> parents = Map.of(1L, 0L, 10L, 1L, 11L, 10L, 12L, 10L, 13L, 11L, 20L, 1L);

        assertThat(CpuMeter.descendants(10, parents)).containsExactlyInAnyOrder(10L, 11L, 12L, 13L);
    }

    @Test
    void cpuPerOperationSubtractsNothingAndSaysHowBusyTheMachineWas() {
        CpuSample start = new CpuSample(0, 100.0, 10.0, 50.0);
        CpuSample end = new CpuSample(10_000_000_000L, 118.0, 11.0, 60.0);

        CpuUse.PerOperation per = end.since(start).per(1000);

        assertThat(per.machineMs()).isEqualTo(18.0);
        assertThat(per.loadGeneratorMs()).isEqualTo(1.0);
        assertThat(per.systemMs()).isEqualTo(10.0);
        assertThat(per.busyCores()).isEqualTo(1.8);
    }

    @Test
    void thisMachineCanBeMeasured() {
        CpuMeter meter = new CpuMeter(ProcessHandle.current().pid(), null);
        if (!meter.available()) {
            return; // not Linux: the harness then reports no CPU figures
        }
        CpuSample sample = meter.sample();

        assertThat(sample.machine()).isPositive();
        assertThat(sample.system()).as("this JVM is its own process tree").isPositive();
    }
}
