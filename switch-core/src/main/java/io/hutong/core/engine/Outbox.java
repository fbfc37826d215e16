package io.hutong.core.engine;

import io.hutong.connector.WalletOperation;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * What a batch of engine work decided to let out, held until the batch's journal records are committed:
 * wallet calls and client replies (write-ahead: nothing leaves before the hop that decided it is durable).
 * Growable parallel arrays, reused batch after batch.
 * <p>
 * Engine thread only.
 */
final class Outbox
{
    static final int CALL = 1;
    static final int REPLY = 2;

    private int[] kinds = new int[256];
    private Payment[] payments = new Payment[256];
    private int[] codes = new int[256];
    private long[] sessions = new long[256];
    private int[] sources = new int[256];
    private int[] txnIdLengths = new int[256];
    private UnsafeBuffer txnIds = new UnsafeBuffer(new byte[256 * Payment.ID_CAPACITY]);
    private int size;

    void call(final Payment payment, final WalletOperation operation)
    {
        add(CALL, payment, operation.ordinal(), 0, 0);
    }

    void reply(final int source, final long sessionId, final Payment payment, final Reason refusal)
    {
        add(REPLY, payment, refusal.ordinal(), sessionId, source);
    }

    /**
     * A refusal that names no payment: the refused request's txn id is kept, so the answer can name the request.
     */
    void refuse(final int source, final long sessionId, final Reason refusal, final DirectBuffer txnId,
        final int offset, final int length)
    {
        add(REPLY, null, refusal.ordinal(), sessionId, source);
        final int copied = Math.min(length, Payment.ID_CAPACITY);
        txnIds.putBytes((size - 1) * Payment.ID_CAPACITY, txnId, offset, copied);
        txnIdLengths[size - 1] = copied;
    }

    /**
     * @param i   an entry made by {@link #refuse}.
     * @param view filled with its txn id.
     * @return the view.
     */
    EmptyView refusalView(final int i, final EmptyView view)
    {
        return view.terminalTxnId(txnIds, i * Payment.ID_CAPACITY, txnIdLengths[i]);
    }

    boolean isEmpty()
    {
        return 0 == size;
    }

    int size()
    {
        return size;
    }

    int kind(final int i)
    {
        return kinds[i];
    }

    Payment payment(final int i)
    {
        return payments[i];
    }

    WalletOperation operation(final int i)
    {
        return WalletOperation.get(codes[i]);
    }

    Reason refusal(final int i)
    {
        return Reason.get(codes[i]);
    }

    long session(final int i)
    {
        return sessions[i];
    }

    int source(final int i)
    {
        return sources[i];
    }

    void clear()
    {
        java.util.Arrays.fill(payments, 0, size, null);
        size = 0;
    }

    private void add(final int kind, final Payment payment, final int code, final long session, final int source)
    {
        if (size == kinds.length)
        {
            final int capacity = size * 2;
            kinds = java.util.Arrays.copyOf(kinds, capacity);
            payments = java.util.Arrays.copyOf(payments, capacity);
            codes = java.util.Arrays.copyOf(codes, capacity);
            sessions = java.util.Arrays.copyOf(sessions, capacity);
            sources = java.util.Arrays.copyOf(sources, capacity);
            txnIdLengths = java.util.Arrays.copyOf(txnIdLengths, capacity);
            final UnsafeBuffer grown = new UnsafeBuffer(new byte[capacity * Payment.ID_CAPACITY]);
            grown.putBytes(0, txnIds, 0, txnIds.capacity());
            txnIds = grown;
        }
        txnIdLengths[size] = 0;
        kinds[size] = kind;
        payments[size] = payment;
        codes[size] = code;
        sessions[size] = session;
        sources[size] = source;
        size++;
    }
}
