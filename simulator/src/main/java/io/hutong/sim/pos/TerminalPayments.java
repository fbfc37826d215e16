package io.hutong.sim.pos;

import org.agrona.DirectBuffer;
import org.agrona.collections.Long2ObjectHashMap;

import java.util.ArrayDeque;

/**
 * One terminal's payments without a final answer: looked up by the number in their terminal txn id
 * ({@code <tag>-<number>} or {@code <tag>-<number>r<attempt>}), with their deadlines and the backlog of payments that
 * wait for the connection. Answers are matched without allocating.
 * <p>
 * Not thread-safe: confined to the terminal's event loop.
 */
final class TerminalPayments
{
    /**
     * What to do with a payment whose deadline passed.
     */
    @FunctionalInterface
    interface Due
    {
        /**
         * @param payment the payment.
         * @param now     now, {@link System#nanoTime()}.
         */
        void act(Payment payment, long now);
    }

    private final Long2ObjectHashMap<Payment> open = new Long2ObjectHashMap<>();
    private final ArrayDeque<Payment> queued = new ArrayDeque<>();

    /**
     * @param payment a payment now owned by this terminal.
     */
    void add(final Payment payment)
    {
        open.put(payment.number, payment);
    }

    /**
     * @param payment a payment waiting for the connection; sent in order after the next logon.
     */
    void queue(final Payment payment)
    {
        payment.state = Payment.QUEUED;
        queued.add(payment);
    }

    /**
     * @return the oldest payment waiting for the connection that is still queued, or null.
     */
    Payment pollQueued()
    {
        Payment payment;
        while (null != (payment = queued.poll()))
        {
            if (Payment.QUEUED == payment.state)
            {
                return payment;
            }
        }
        return null;
    }

    /**
     * @param payment  an open payment.
     * @param state    its new state.
     * @param deadline when it is due, {@link System#nanoTime()}.
     */
    void await(final Payment payment, final int state, final long deadline)
    {
        payment.state = state;
        payment.deadlineNs = deadline;
    }

    /**
     * @param payment a payment now final.
     */
    void remove(final Payment payment)
    {
        open.remove(payment.number);
    }

    /**
     * The connection was lost: every request on the wire may or may not have arrived, so each such payment is due
     * for a query as soon as the terminal is logged on again.
     *
     * @param now now, {@link System#nanoTime()}.
     */
    void unanswered(final long now)
    {
        for (final Payment payment : open.values())
        {
            if (Payment.PAY_SENT == payment.state || Payment.QUERY_SENT == payment.state ||
                Payment.QUERY_WAIT == payment.state)
            {
                await(payment, Payment.QUERY_WAIT, now);
            }
        }
    }

    /**
     * Calls {@code due} for every sent or waiting payment whose deadline passed (queued payments wait for the
     * logon instead). {@code due} must not add or remove payments.
     *
     * @param now now, {@link System#nanoTime()}.
     * @param due what to do.
     */
    void forEachDue(final long now, final Due due)
    {
        if (open.isEmpty())
        {
            return;
        }
        for (final Payment payment : open.values())
        {
            if (Payment.QUEUED != payment.state && Payment.DONE != payment.state && payment.deadlineNs - now <= 0)
            {
                due.act(payment, now);
            }
        }
    }

    /**
     * Finds the open payment an answer is about.
     *
     * @param tag    the run tag every txn id of this generator starts with.
     * @param buffer the answer's buffer.
     * @param offset where its terminal txn id starts.
     * @param length its length.
     * @return the payment, or null when the answer is for no open payment or an earlier attempt of it.
     */
    Payment match(final String tag, final DirectBuffer buffer, final int offset, final int length)
    {
        final int tagLength = tag.length();
        if (length < tagLength + 2)
        {
            return null;
        }
        for (int i = 0; i < tagLength; i++)
        {
            if (buffer.getByte(offset + i) != (byte)tag.charAt(i))
            {
                return null;
            }
        }
        int i = tagLength;
        if (buffer.getByte(offset + i++) != '-')
        {
            return null;
        }
        long number = 0;
        int digits = 0;
        while (i < length && isDigit(buffer.getByte(offset + i)))
        {
            number = number * 10 + (buffer.getByte(offset + i++) - '0');
            digits++;
        }
        int attempt = 0;
        if (i < length && buffer.getByte(offset + i) == 'r')
        {
            i++;
            while (i < length && isDigit(buffer.getByte(offset + i)))
            {
                attempt = attempt * 10 + (buffer.getByte(offset + i++) - '0');
            }
        }
        if (0 == digits || i != length)
        {
            return null;
        }
        final Payment payment = open.get(number);
        return null == payment || payment.attempt != attempt ? null : payment;
    }

    /**
     * @return open payments (queued included).
     */
    int size()
    {
        return open.size();
    }

    private static boolean isDigit(final byte b)
    {
        return b >= '0' && b <= '9';
    }
}
