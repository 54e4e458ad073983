package io.careflow.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** A plain load driver: closed loop for throughput, open loop (fixed rate) for latency. */
final class Load {

  private Load() {}

  @FunctionalInterface
  interface Operation {
    /** @return true when the operation succeeded */
    boolean run(int thread, long sequence) throws Exception;
  }

  record Throughput(double perSecond, long done, long failed) {}

  /** {@code threads} callers back to back; counts what finishes inside the measured window. */
  static Throughput closedLoop(int threads, long warmupMillis, long measureMillis, Operation operation)
      throws Exception {
    var stop = new AtomicBoolean();
    var measuring = new AtomicBoolean();
    var done = new AtomicLong();
    var failed = new AtomicLong();
    var sequence = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    var futures = new ArrayList<Future<?>>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      futures.add(pool.submit(() -> {
        while (!stop.get()) {
          boolean ok;
          try {
            ok = operation.run(thread, sequence.incrementAndGet());
          } catch (Exception e) {
            ok = false;
          }
          if (measuring.get()) {
            (ok ? done : failed).incrementAndGet();
          }
        }
        return null;
      }));
    }
    Thread.sleep(warmupMillis);
    measuring.set(true);
    long start = System.nanoTime();
    Thread.sleep(measureMillis);
    measuring.set(false);
    long elapsed = System.nanoTime() - start;
    stop.set(true);
    for (Future<?> f : futures) {
      f.get(120, TimeUnit.SECONDS);
    }
    pool.shutdown();
    return new Throughput(done.get() * 1e9 / elapsed, done.get(), failed.get());
  }

  record Latencies(List<Double> millis, long failed, double offeredPerSecond) {}

  /**
   * Requests at a fixed rate whatever the answers do (open loop); each latency counts from
   * the moment its request was due, so a stall is not hidden (no coordinated omission).
   */
  static Latencies openLoop(double perSecond, long measureMillis, int maxInFlight, Operation operation)
      throws Exception {
    long count = Math.max(1, (long) (perSecond * measureMillis / 1000.0));
    long intervalNanos = (long) (1e9 / perSecond);
    ExecutorService pool = Executors.newFixedThreadPool(maxInFlight);
    var latencies = java.util.Collections.synchronizedList(new ArrayList<Double>());
    var failed = new AtomicLong();
    long start = System.nanoTime();
    var futures = new ArrayList<Future<?>>();
    for (long i = 0; i < count; i++) {
      long due = start + i * intervalNanos;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      long seq = i;
      futures.add(pool.submit(() -> {
        boolean ok;
        try {
          ok = operation.run((int) (seq % maxInFlight), seq);
        } catch (Exception e) {
          ok = false;
        }
        if (ok) {
          latencies.add((System.nanoTime() - due) / 1e6);
        } else {
          failed.incrementAndGet();
        }
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get(120, TimeUnit.SECONDS);
    }
    pool.shutdown();
    return new Latencies(new ArrayList<>(latencies), failed.get(), perSecond);
  }
}
