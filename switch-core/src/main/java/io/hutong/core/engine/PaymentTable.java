package io.hutong.core.engine;

import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.collections.LongArrayQueue;

import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * Every payment the engine knows: in flight, and the most recent final ones (kept so that a repeated request
 * gets the original answer and a query finds its payment). Indexed by switch txn id and by idempotency key
 * hash (terminal + terminal txn id, or payer wallet + payer reference). Final payments retire in the order
 * they became final; past {@code retain} of them the oldest is forgotten and its object reused.
 * <p>
 * Engine thread only. No allocation once the pool and maps have grown to the working set.
 */
public final class PaymentTable
{
    private static final long NONE = 0;

    private final Long2ObjectHashMap<Payment> byId = new Long2ObjectHashMap<>();
    private final Long2LongHashMap byKey = new Long2LongHashMap(NONE);
    private final LongArrayQueue retired = new LongArrayQueue();
    private final ArrayDeque<Payment> pool = new ArrayDeque<>();
    private final int retain;

    /**
     * @param retain how many final payments to keep answering for, &gt; 0.
     */
    public PaymentTable(final int retain)
    {
        if (retain <= 0)
        {
            throw new IllegalArgumentException("retainPayments=" + retain + ": must be > 0");
        }
        this.retain = retain;
    }

    /**
     * @return a reset payment, from the pool when one is free.
     */
    Payment allocate()
    {
        final Payment payment = pool.pollFirst();
        final Payment fresh = null == payment ? new Payment() : payment;
        fresh.reset();
        return fresh;
    }

    /**
     * Give back a payment that was never indexed (a refusal's scratch copy).
     *
     * @param payment the payment.
     */
    void recycle(final Payment payment)
    {
        payment.reset();
        pool.addLast(payment);
    }

    /**
     * Index a payment by id and, if it has one, by key hash.
     *
     * @param payment the payment.
     */
    void put(final Payment payment)
    {
        byId.put(payment.switchTxnId, payment);
        if (NONE != payment.keyHash)
        {
            byKey.put(payment.keyHash, payment.switchTxnId);
        }
    }

    /**
     * @param switchTxnId an id.
     * @return the payment, or null.
     */
    public Payment byId(final long switchTxnId)
    {
        return byId.get(switchTxnId);
    }

    /**
     * @param keyHash an idempotency key hash.
     * @return the payment last indexed under it, or null (the caller compares the key bytes).
     */
    Payment byKey(final long keyHash)
    {
        final long id = byKey.get(keyHash);
        return NONE == id ? null : byId.get(id);
    }

    /**
     * A payment became final: keep it for answers, and forget the oldest final ones beyond the bound.
     *
     * @param payment the payment.
     */
    void retire(final Payment payment)
    {
        retired.addLong(payment.switchTxnId);
        while (retired.size() > retain)
        {
            final long oldest = retired.pollLong();
            final Payment old = byId.get(oldest);
            if (null != old && old.isFinal())
            {
                byId.remove(oldest);
                if (NONE != old.keyHash && byKey.get(old.keyHash) == oldest)
                {
                    byKey.remove(old.keyHash);
                }
                old.reset();
                pool.addLast(old);
            }
        }
    }

    /**
     * Visit every payment not yet final (recovery, shutdown). Not for the hot path.
     *
     * @param visitor receives each.
     */
    public void forEachInFlight(final Consumer<Payment> visitor)
    {
        for (final Payment payment : byId.values())
        {
            if (!payment.isFinal())
            {
                visitor.accept(payment);
            }
        }
    }

    /**
     * @return payments known (in flight and retained).
     */
    public int size()
    {
        return byId.size();
    }
}
