package io.sessionledger.command.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

class WorkAheadTest {

    @Test
    void everyItemIsHandedOnWithItsWorkInTheOrderItCame() throws Exception {
        List<String> received = new ArrayList<>();
        WorkAhead<Integer, String> ahead = new WorkAhead<>(7, item -> {
            sleepUpTo(2); // batches finish out of order
            return "w" + item;
        }, (item, work) -> received.add(item + ":" + work));

        for (int i = 0; i < 100; i++) {
            ahead.add(i);
        }
        ahead.finish();

        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            expected.add(i + ":w" + i);
        }
        assertThat(received).isEqualTo(expected);
    }

    @Test
    void aFailureOfTheWorkReachesTheReader() {
        WorkAhead<Integer, String> ahead = new WorkAhead<>(3, item -> {
            if (item == 4) {
                throw new IllegalArgumentException("item 4");
            }
            return "ok";
        }, (item, work) -> { });

        assertThatThrownBy(() -> {
            for (int i = 0; i < 10; i++) {
                ahead.add(i);
            }
            ahead.finish();
        }).isInstanceOf(IllegalArgumentException.class).hasMessage("item 4");
        ahead.abandon();
    }

    private static void sleepUpTo(int millis) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(millis + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
