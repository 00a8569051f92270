package com.retail.recon.generate;

/**
 * Identifiers that look like a real shop's and are unique by construction: each is a bijective scramble
 * (a small Feistel network) of a key made of the day and a sequence number, so two orders or two
 * confirmations never collide, whatever the scale, and nothing needs to be remembered.
 */
final class Ids {

    private static final long TEN_7 = 10_000_000L;
    private static final long MAX_ORDER_SEQ = 1_000_000_000L;
    private static final long MASK_24 = (1L << 24) - 1;

    private Ids() {
    }

    /** {@code 11d-ddddddd-ddddddd}, unique for (epochDay &lt; 100000, seq &lt; 10^9). */
    static String orderId(long epochDay, long seq) {
        long key = epochDay * MAX_ORDER_SEQ + seq;
        long scrambled = permuteDecimal14(key);
        StringBuilder b = new StringBuilder(19);
        b.append("11").append((char) ('1' + (int) Math.floorMod(mix64(key), 9L))).append('-');
        CsvSink.appendPadded(b, scrambled / TEN_7, 7);
        b.append('-');
        CsvSink.appendPadded(b, scrambled % TEN_7, 7);
        return b.toString();
    }

    /** {@code CNF-} and 12 hex digits, unique for (epochDay &lt; 2^18, seq &lt; 2^30). */
    static String confirmationNumber(long epochDay, long requestSeq) {
        long key = (epochDay << 30) | requestSeq;
        long left = (key >>> 24) & MASK_24;
        long right = key & MASK_24;
        for (int round = 0; round < 4; round++) {
            long next = left ^ (mix64(right * 0x9E3779B97F4A7C15L + round) & MASK_24);
            left = right;
            right = next;
        }
        StringBuilder b = new StringBuilder(16).append("CNF-");
        CsvSink.appendHex(b, (left << 24) | right, 12);
        return b.toString();
    }

    /** {@code <prefix>-<yyyymmdd>-<seq, at least 7 digits>}, e.g. {@code CR-20261101-0000042}. */
    static String dated(String prefix, String yyyymmdd, long seq) {
        StringBuilder b = new StringBuilder(24).append(prefix).append('-').append(yyyymmdd).append('-');
        CsvSink.appendPadded(b, seq, 7);
        return b.toString();
    }

    /** A permutation of [0, 10^14): a balanced Feistel network over two 7-digit halves. */
    static long permuteDecimal14(long value) {
        long left = value / TEN_7;
        long right = value % TEN_7;
        for (int round = 0; round < 4; round++) {
            long next = (left + Math.floorMod(mix64(right * 0xC2B2AE3D27D4EB4FL + round), TEN_7)) % TEN_7;
            left = right;
            right = next;
        }
        return left * TEN_7 + right;
    }

    /** SplitMix64's finalizer: a bijective, well-mixed 64-bit hash. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
