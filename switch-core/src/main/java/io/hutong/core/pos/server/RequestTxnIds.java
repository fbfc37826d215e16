package io.hutong.core.pos.server;

import io.hutong.core.pos.codec.PosFrameDescriptor;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.Arrays;

/**
 * The terminal txn ids of one connection's recent requests, by the request's sequence. An engine answer that has no
 * payment behind it (a refusal: BUSY, NOT_FOUND, MODIFIED_REQUEST) carries only the request's template and sequence,
 * yet every Result must name the request's terminal txn id (docs/pos-protocol.md, Result: terminalTxnId 1..32; a
 * terminal's decoder refuses the frame otherwise and drops the connection). A fixed ring, slot = sequence mod
 * {@value #SLOTS}, far more than the requests a terminal may have unanswered (64 payments in flight); a slot
 * overwritten by a newer sequence is reported as absent.
 * <p>
 * Not thread-safe: confined to the connection's event loop. Allocation free.
 */
final class RequestTxnIds
{
    /** Requests remembered per connection. */
    static final int SLOTS = 512;
    private static final int ID_LENGTH = PosFrameDescriptor.ID_LENGTH;

    private final long[] sequences = new long[SLOTS];
    private final int[] lengths = new int[SLOTS];
    private final UnsafeBuffer ids = new UnsafeBuffer(new byte[SLOTS * ID_LENGTH]);

    RequestTxnIds()
    {
        Arrays.fill(sequences, -1L);
    }

    /**
     * @param sequence the request's sequence.
     * @param source   holding its terminal txn id (refunds: the refund's own txn id).
     * @param offset   first byte.
     * @param length   1..32.
     */
    void put(final long sequence, final DirectBuffer source, final int offset, final int length)
    {
        final int slot = (int)(sequence & (SLOTS - 1));
        final int copied = Math.min(length, ID_LENGTH);
        ids.putBytes(slot * ID_LENGTH, source, offset, copied);
        lengths[slot] = copied;
        sequences[slot] = sequence;
    }

    /**
     * @param sequence a request's sequence.
     * @return the offset of its txn id in {@link #buffer()}, or -1 when not remembered.
     */
    int offset(final long sequence)
    {
        final int slot = (int)(sequence & (SLOTS - 1));
        return sequences[slot] == sequence ? slot * ID_LENGTH : -1;
    }

    /**
     * @param sequence a request's sequence whose {@link #offset} is not -1.
     * @return the length of its txn id.
     */
    int length(final long sequence)
    {
        return lengths[(int)(sequence & (SLOTS - 1))];
    }

    /**
     * @return the buffer holding the txn ids.
     */
    DirectBuffer buffer()
    {
        return ids;
    }
}
