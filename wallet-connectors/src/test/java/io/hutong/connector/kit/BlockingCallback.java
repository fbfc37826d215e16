package io.hutong.connector.kit;

import io.hutong.connector.WalletCallback;
import io.hutong.connector.WalletConnector;
import io.hutong.connector.WalletResult;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A callback a test can wait on; fails the test if it is called more than once.
 */
final class BlockingCallback implements WalletCallback
{
    private final CompletableFuture<WalletResult> future = new CompletableFuture<>();
    private final AtomicInteger calls = new AtomicInteger();

    @Override
    public void onResult(final long correlationId, final WalletResult result)
    {
        if (calls.incrementAndGet() > 1)
        {
            throw new AssertionError("callback called twice: " + result);
        }
        future.complete(result);
    }

    WalletResult await()
    {
        try
        {
            return future.get(30, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", ex);
        }
        catch (final ExecutionException | TimeoutException ex)
        {
            throw new AssertionError("no result within 30 s", ex);
        }
    }

    /**
     * Make one connector call and wait for its one result.
     *
     * @param connector the connector.
     * @param call      the call, given this callback.
     * @return the result.
     */
    static WalletResult call(final WalletConnector connector, final Call call)
    {
        final BlockingCallback callback = new BlockingCallback();
        call.run(connector, callback);
        return callback.await();
    }

    /**
     * One connector call that answers through the given callback.
     */
    @FunctionalInterface
    interface Call
    {
        void run(WalletConnector connector, BlockingCallback callback);
    }
}
