package io.hutong.core.engine;

import org.agrona.DeadlineTimerWheel;
import org.agrona.collections.Long2LongHashMap;

import java.util.concurrent.TimeUnit;

/**
 * At most one deadline per payment (its next query, reverse, release or refund attempt) on an Agrona
 * {@link DeadlineTimerWheel}, found again by switch txn id. A payment's {@code timerId} is its current timer; a
 * timer that fires after its payment moved on, or was forgotten, is ignored.
 * <p>
 * Engine thread only. No allocation once the map has grown to the number of payments waiting.
 */
final class PaymentTimers
{
    static final long NO_TIMER = Long.MIN_VALUE;
    private static final int CATCH_UP_TICKS = 8192;

    private final DeadlineTimerWheel wheel;
    private final Long2LongHashMap timerToTxn = new Long2LongHashMap(0);
    private final PaymentTable table;
    private final ExpiryHandler handler;
    private final DeadlineTimerWheel.TimerHandler onExpiry = this::onExpiry;

    /**
     * @param nowMs   the clock at start.
     * @param table   where the payments are.
     * @param handler called with each payment whose deadline passed (its timer already cleared).
     */
    PaymentTimers(final long nowMs, final PaymentTable table, final ExpiryHandler handler)
    {
        this.wheel = new DeadlineTimerWheel(TimeUnit.MILLISECONDS, nowMs, 8, 1024);
        this.table = table;
        this.handler = handler;
    }

    /**
     * Set (or move) a payment's one deadline.
     */
    void scheduleAt(final Payment payment, final long deadlineMs)
    {
        cancel(payment);
        final long timerId = wheel.scheduleTimer(deadlineMs);
        timerToTxn.put(timerId, payment.switchTxnId);
        payment.timerId = timerId;
    }

    /**
     * Drop a payment's deadline, if it has one.
     */
    void cancel(final Payment payment)
    {
        if (NO_TIMER != payment.timerId)
        {
            wheel.cancelTimer(payment.timerId);
            timerToTxn.remove(payment.timerId);
            payment.timerId = NO_TIMER;
        }
    }

    /**
     * Fire the deadlines due by now. The wheel advances one tick per poll, so after an idle spell or a long
     * batch it catches up in bounded steps.
     *
     * @param nowMs the clock.
     * @param limit at most this many.
     * @return how many fired.
     */
    int poll(final long nowMs, final int limit)
    {
        int expired = 0;
        int ticks = 0;
        do
        {
            expired += wheel.poll(nowMs, onExpiry, limit - expired);
        }
        while (wheel.currentTickTime() <= nowMs && expired < limit && ++ticks < CATCH_UP_TICKS);
        return expired;
    }

    private boolean onExpiry(final TimeUnit timeUnit, final long now, final long timerId)
    {
        final long txnId = timerToTxn.remove(timerId);
        final Payment payment = 0 == txnId ? null : table.byId(txnId);
        if (null != payment && payment.timerId == timerId)
        {
            payment.timerId = NO_TIMER;
            handler.onDeadline(payment);
        }
        return true;
    }

    /**
     * What the engine does when a payment's deadline passes.
     */
    @FunctionalInterface
    interface ExpiryHandler
    {
        /**
         * @param payment the payment whose deadline passed.
         */
        void onDeadline(Payment payment);
    }
}
