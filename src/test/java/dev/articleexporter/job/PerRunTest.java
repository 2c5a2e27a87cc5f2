package dev.articleexporter.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The stamps of a run are loaded once for all its partitions in a process, also when one
 * partition has finished before the next one starts (as on a busy machine with two
 * threads, where a touched file was hashed twice).
 */
class PerRunTest {

    private final AtomicInteger made = new AtomicInteger();

    private final PerRun<Integer> perRun = new PerRun<>();

    private Integer get(long run) {
        return perRun.get(run, made::incrementAndGet);
    }

    @Test
    void aPartitionStartingAfterAnotherFinishedSharesItsValue() {
        assertThat(get(7)).isEqualTo(1);
        assertThat(get(7)).isEqualTo(1);
        assertThat(made).hasValue(1);
    }

    @Test
    void anotherRunGetsItsOwnAndAnEndedRunLetsGo() {
        get(7);
        assertThat(get(8)).isEqualTo(2);
        perRun.ended(7); // not the held run: nothing happens
        assertThat(get(8)).isEqualTo(2);
        perRun.ended(8);
        assertThat(get(8)).isEqualTo(3);
    }

}
