package io.tandem.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs one operation from N clients for a fixed time and reports throughput and latency percentiles. */
final class Load {

    /** One client's operation; {@code client} is 0..N-1, {@code round} counts its calls. */
    interface Operation {
        void run(int client, long round) throws Exception;
    }

    record Result(String scenario, int clients, long operations, long errors, double seconds, double p50Ms, double p99Ms) {
        double perSecond() {
            return operations / seconds;
        }
    }

    private Load() {
    }

    static Result run(String scenario, int clients, double seconds, Operation operation) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Long>>> futures = new ArrayList<>();
        java.util.concurrent.atomic.AtomicLong errors = new java.util.concurrent.atomic.AtomicLong();
        long[] end = new long[1];
        try {
            for (int c = 0; c < clients; c++) {
                int client = c;
                futures.add(pool.submit(() -> {
                    List<Long> latencies = new ArrayList<>();
                    start.await();
                    long round = 0;
                    while (System.nanoTime() < end[0]) {
                        long began = System.nanoTime();
                        try {
                            operation.run(client, round++);
                            latencies.add(System.nanoTime() - began);
                        } catch (Exception | AssertionError failed) {
                            errors.incrementAndGet();
                        }
                    }
                    return latencies;
                }));
            }
            long began = System.nanoTime();
            end[0] = began + (long) (seconds * 1e9);
            start.countDown();
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> future : futures) {
                all.addAll(future.get());
            }
            double elapsed = (System.nanoTime() - began) / 1e9;
            Collections.sort(all);
            return new Result(scenario, clients, all.size(), errors.get(), elapsed, percentile(all, 0.50), percentile(all, 0.99));
        } finally {
            pool.shutdownNow();
        }
    }

    private static double percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
