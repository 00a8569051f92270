package com.retail.recon.ingest;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;

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
    void twoThreadsAddingTheSameKeys_atLeastOneSeesEachKey() {
        int keys = 200_000;
        SeenKeys seen = new SeenKeys(8_000_000);
        boolean[] first = new boolean[keys];
        boolean[] second = new boolean[keys];
        CompletableFuture<Void> a = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < keys; i++) {
                first[i] = seen.add("R-" + i, SeenKeys.KEY);
            }
        });
        CompletableFuture<Void> b = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < keys; i++) {
                second[i] = seen.add("R-" + i, SeenKeys.KEY);
            }
        });
        CompletableFuture.allOf(a, b).join();
        for (int i = 0; i < keys; i++) {
            assertThat(first[i] || second[i]).as("key %d seen by neither thread", i).isTrue();
        }
    }
}
