package com.retail.recon.receipt;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Receipts per second: renders N typical receipts (3 lines, 2 transactions) on T threads, one
 * {@link ReceiptRenderer} per thread, after a warm-up, and prints receipts/s, the rendering threads' CPU time
 * per receipt and the average size. On a shared machine the CPU time per receipt is the steadier figure: it
 * does not count the time other processes held the cores.
 * Every K-th receipt can be the Japanese one (fallback font). Not a unit test; run it by hand:
 *
 * <pre>
 * ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java -cp target/classes:target/test-classes:$(cat cp.txt) com.retail.recon.receipt.ReceiptBenchmark [N [T [K]]]
 * </pre>
 * Defaults: N = 100000, T = 2, K = 0 (no Japanese receipts).
 */
public final class ReceiptBenchmark {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int japaneseEvery = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        int warmUp = Math.min(n, 3_000);

        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            run(pool, threads, warmUp, japaneseEvery);
            CPU.set(0);
            long start = System.nanoTime();
            long bytes = run(pool, threads, n, japaneseEvery);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT,
                    "%d receipts on %d thread(s)%s: %.2f s, %.0f receipts/s, %.0f us CPU per receipt, %.1f KB per receipt%n",
                    n, threads, japaneseEvery > 0 ? " (every " + japaneseEvery + "th Japanese)" : "", seconds,
                    n / seconds, CPU.get() / 1e3 / n, bytes / 1024.0 / n);
        } finally {
            pool.shutdown();
        }
    }

    private static long run(ExecutorService pool, int threads, int n, int japaneseEvery) throws Exception {
        List<Future<Long>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int from = (int) ((long) n * t / threads);
            int to = (int) ((long) n * (t + 1) / threads);
            results.add(pool.submit(() -> {
                ReceiptRenderer renderer = RENDERERS.get();
                long cpuStart = THREADS.getCurrentThreadCpuTime();
                long bytes = 0;
                for (int i = from; i < to; i++) {
                    ReceiptData data = japaneseEvery > 0 && i % japaneseEvery == 0 ? ReceiptSamples.japanese()
                            : ReceiptSamples.typical(i);
                    bytes += renderer.render(data).length;
                }
                CPU.addAndGet(THREADS.getCurrentThreadCpuTime() - cpuStart);
                return bytes;
            }));
        }
        long bytes = 0;
        for (Future<Long> f : results) {
            bytes += f.get();
        }
        return bytes;
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final AtomicLong CPU = new AtomicLong();
    private static final ThreadLocal<ReceiptRenderer> RENDERERS = ThreadLocal.withInitial(ReceiptRenderer::new);
}
