package io.tandem.it;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Real threads released together by a start latch: how every concurrency guarantee is raced in the suite. */
public final class Race {

    /** What each thread does; {@code thread} is 0..N-1. */
    public interface Task {
        void run(int thread) throws Exception;
    }

    private Race() {
    }

    /** Runs {@code task} on {@code threads} threads at once and waits for all; a failure in any fails the race. */
    public static void run(int threads, Task task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int thread = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    task.run(thread);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
