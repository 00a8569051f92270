package com.retail.recon.ingest;

/**
 * A bounded, thread-safe "seen this key before?": a split-block Bloom filter (the layout Parquet uses). It
 * never answers "no" for a key it was given before. For a new key it answers "yes" now and then (well under
 * 1% at 12 or more bits per key), which costs its user only a closer look at that key. Memory is fixed at
 * construction, whatever the number of keys.
 *
 * <p>A key is a string and a number, so that callers need not build a string per row: an order line's key
 * is its order id and line number; an order id alone uses one of the negative tags.
 */
final class SeenKeys {

    /** Tags for keys without a number: line numbers are at least 1, so these never collide with one. */
    static final long ORDER = -1;
    static final long KEY = -2;

    private static final int[] SALT = {0x47b6137b, 0x44974d91, 0x8824ad5b, 0xa2b7289d, 0x705495c7, 0x2df1424b,
            0x9efc4947, 0x5c6bfb31};
    private static final int LOCK_STRIPES = 1024;

    /** Blocks of 8 words (512 bits); a key sets one bit in each word of its block. */
    private final long[] words;
    private final int blocks;
    /** Null only in {@link #withoutLocking}, the tests' proof that their race is real. */
    private final Object[] locks;

    SeenKeys(long bits) {
        this(bits, true);
    }

    private SeenKeys(long bits, boolean locking) {
        blocks = (int) Math.max(1, Math.min(Integer.MAX_VALUE / 8, (bits + 511) / 512));
        words = new long[blocks * 8];
        locks = locking ? new Object[LOCK_STRIPES] : null;
        for (int i = 0; locking && i < LOCK_STRIPES; i++) {
            locks[i] = new Object();
        }
    }

    /** The same filter without its locks: two threads adding one key at once may then both miss it. */
    static SeenKeys withoutLocking(long bits) {
        return new SeenKeys(bits, false);
    }

    /** Records the key; true when it was (probably) recorded before, by any thread. */
    boolean add(String text, long number) {
        long hash = hash(text, number);
        int block = (int) (((hash >>> 32) * blocks) >>> 32);
        int base = block * 8;
        int low = (int) hash;
        if (locks == null) {
            return set(base, low);
        }
        // one lock per stripe of blocks: two threads that add the same key are ordered, so one of them sees it
        synchronized (locks[block & (LOCK_STRIPES - 1)]) {
            return set(base, low);
        }
    }

    /** Sets the key's bit in each word of its block; true when all were set already. */
    private boolean set(int base, int low) {
        boolean seen = true;
        for (int i = 0; i < 8; i++) {
            long bit = 1L << ((low * SALT[i]) >>> 26);
            if ((words[base + i] & bit) == 0) {
                seen = false;
                words[base + i] |= bit;
            }
        }
        return seen;
    }

    /** FNV-1a over the characters and the number, then a full avalanche (MurmurHash3's finaliser). */
    private static long hash(String text, long number) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h = (h ^ text.charAt(i)) * 0x100000001b3L;
        }
        h = (h ^ number) * 0x100000001b3L;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
