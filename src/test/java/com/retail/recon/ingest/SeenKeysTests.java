package com.retail.recon.ingest;

import org.junit.jupiter.api.Test;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;

import static org.assertj.core.api.Assertions.assertThat;

/** The screen's filter: never misses a key it was given, rarely claims one it was not. */
class SeenKeysTests {

    @Test
    void aKeyAddedBefore_isAlwaysSeen() {
        SeenKeys seen = new SeenKeys(2_000_000);
        for (int i = 0; i < 100_000; i++) {
            seen.add("112-" + i, i % 7 + 1);
        }
        for (int i = 0; i < 100_000; i++) {
            assertThat(seen.add("112-" + i, i % 7 + 1)).as("key %d", i).isTrue();
        }
    }

    @Test
    void newKeys_areRarelySeen_atTwentyBitsPerKey() {
        SeenKeys seen = new SeenKeys(2_000_000);
        for (int i = 0; i < 100_000; i++) {
            seen.add("112-" + i, 1);
        }
        int falsePositives = 0;
        for (int i = 100_000; i < 200_000; i++) {
            if (seen.add("112-" + i, 1)) {
                falsePositives++;
            }
        }
        assertThat(falsePositives).as("false positives among 100,000 new keys").isLessThan(500);
    }

    @Test
    void theNumberIsPartOfTheKey_andTheTagsDoNotCollideWithLineNumbers() {
        SeenKeys seen = new SeenKeys(1 << 16);
        assertThat(seen.add("O-1", 1)).isFalse();
        assertThat(seen.add("O-1", 2)).isFalse();
        assertThat(seen.add("O-1", SeenKeys.ORDER)).isFalse();
        assertThat(seen.add("O-1", SeenKeys.KEY)).isFalse();
        assertThat(seen.add("O-1", 1)).isTrue();
    }

    @Test
    void twoThreadsAddingTheSameKeysAtTheSameTime_atLeastOneSeesEachKey() {
        for (int round = 0; round < 50; round++) {
            assertThat(keysSeenByNeitherOfTwoThreads(new SeenKeys(1 << 20))).as("round %d", round).isZero();
        }
    }

    @Test
    void withoutItsLocks_theFilterLosesKeysToTheSameRace_soTheTestAboveCanFail() {
        // The race is real: without locking, two threads that add one key at the same moment can both find a
        // bit unset and both answer "new". Rounds until it shows (it usually does within a few).
        long deadline = System.nanoTime() + 20_000_000_000L;
        int lost = 0;
        while (lost == 0 && System.nanoTime() < deadline) {
            lost = keysSeenByNeitherOfTwoThreads(SeenKeys.withoutLocking(1 << 20));
        }
        assertThat(lost).as("keys both unlocked threads called new").isPositive();
    }

    /**
     * Two threads add the same 20,000 keys in the same order, released together in batches of 100 so that
     * they stay close to each other, on the same keys at the same time; returns how many keys neither saw.
     */
    private static int keysSeenByNeitherOfTwoThreads(SeenKeys seen) {
        int keys = 20_000;
        int batch = 100;
        String[] names = new String[keys];
        for (int i = 0; i < keys; i++) {
            names[i] = "R-" + i;
        }
        boolean[][] saw = new boolean[2][keys];
        CyclicBarrier together = new CyclicBarrier(2);
        Runnable[] threads = new Runnable[2];
        for (int t = 0; t < 2; t++) {
            boolean[] mine = saw[t];
            threads[t] = () -> {
                try {
                    for (int from = 0; from < keys; from += batch) {
                        together.await();
                        for (int i = from; i < from + batch; i++) {
                            mine[i] = seen.add(names[i], SeenKeys.KEY);
                        }
                    }
                } catch (InterruptedException | BrokenBarrierException e) {
                    throw new IllegalStateException(e);
                }
            };
        }
        Thread first = new Thread(threads[0]);
        Thread second = new Thread(threads[1]);
        first.start();
        second.start();
        try {
            first.join();
            second.join();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        int neither = 0;
        for (int i = 0; i < keys; i++) {
            if (!saw[0][i] && !saw[1][i]) {
                neither++;
            }
        }
        return neither;
    }
}
