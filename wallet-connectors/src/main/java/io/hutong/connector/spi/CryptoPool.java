package io.hutong.connector.spi;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The small bounded pool where connectors do their expensive cryptography (RSA-2048 signs at about 1 ms,
 * SM2 at about 0.4 ms), so that neither the engine thread nor a Netty event loop ever waits on it. A fixed
 * number of daemon threads and a bounded queue: when the queue is full, {@link #execute(Runnable)} throws
 * {@link RejectedExecutionException} at once instead of queueing without bound, and the connector answers
 * that call as not sent (the switch declines or retries; it never waits).
 * <p>
 * Thread-safe.
 */
public final class CryptoPool implements Executor, AutoCloseable
{
    private final ThreadPoolExecutor executor;

    /**
     * @param threads       worker threads, &gt; 0 (one per core that the switch can spare).
     * @param queueCapacity tasks waiting at most, &gt; 0.
     */
    public CryptoPool(final int threads, final int queueCapacity)
    {
        if (threads <= 0)
        {
            throw new IllegalArgumentException("threads=" + threads + ": must be > 0");
        }
        if (queueCapacity <= 0)
        {
            throw new IllegalArgumentException("queueCapacity=" + queueCapacity + ": must be > 0");
        }
        final AtomicInteger counter = new AtomicInteger();
        executor = new ThreadPoolExecutor(
            threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queueCapacity),
            (r) ->
            {
                final Thread thread = new Thread(r, "hutong-crypto-" + counter.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            },
            new ThreadPoolExecutor.AbortPolicy());
    }

    /**
     * @param task the work.
     * @throws RejectedExecutionException when the queue is full or the pool is closed.
     */
    @Override
    public void execute(final Runnable task)
    {
        executor.execute(task);
    }

    /**
     * @return tasks waiting for a thread now.
     */
    public int queued()
    {
        return executor.getQueue().size();
    }

    /**
     * Stops taking work and waits up to 5 s for queued work to finish. Idempotent.
     */
    @Override
    public void close()
    {
        executor.shutdown();
        try
        {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
