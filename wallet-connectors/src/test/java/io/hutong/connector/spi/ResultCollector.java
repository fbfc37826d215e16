package io.hutong.connector.spi;

import io.hutong.connector.WalletCallback;
import io.hutong.connector.WalletResult;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A callback that records every result with its correlation id, to check exactly-once delivery.
 */
public final class ResultCollector implements WalletCallback
{
    /** One delivered result. */
    public record Delivered(long correlationId, WalletResult result, String thread)
    {
    }

    private final LinkedBlockingQueue<Delivered> queue = new LinkedBlockingQueue<>();
    private final List<Delivered> all = new CopyOnWriteArrayList<>();

    @Override
    public void onResult(final long correlationId, final WalletResult result)
    {
        final Delivered delivered = new Delivered(correlationId, result, Thread.currentThread().getName());
        all.add(delivered);
        queue.add(delivered);
    }

    /**
     * @return the next result, waiting up to 10 s.
     * @throws AssertionError when none arrives.
     */
    public Delivered next()
    {
        try
        {
            final Delivered delivered = queue.poll(10, TimeUnit.SECONDS);
            if (null == delivered)
            {
                throw new AssertionError("no result within 10 s");
            }
            return delivered;
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", ex);
        }
    }

    /**
     * @return every result delivered so far.
     */
    public List<Delivered> all()
    {
        return all;
    }
}
