package io.hutong.sim.pos;

import io.hutong.core.pos.auth.TerminalKey;
import io.hutong.core.pos.codec.PosFrameDescriptor;
import io.hutong.core.pos.codec.PosMessageType;
import io.hutong.core.pos.codec.PosReason;
import io.hutong.core.pos.codec.ResultDecoder;
import io.netty.channel.EventLoop;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * One simulated POS terminal: its payments over its own connection ({@link TerminalLink}), behaving as
 * docs/pos-protocol.md asks a terminal to:
 * <pre>
 *   Result final (APPROVED, DECLINED, REVERSED)       -&gt; done
 *   IN_PROGRESS, or no answer within the deadline     -&gt; Query every queryInterval until final
 *   BUSY                                              -&gt; back off 50 ms, 100 ms, ... 1 s, then a new attempt:
 *                                                        new txn id ({@code <tag>-<n>r<attempt>}), new code;
 *                                                        after 6 BUSY answers the customer gives up (an error)
 *   connection lost (switch restart, crash)           -&gt; after the next logon, Query every payment without a final
 *                                                        answer; NOT_FOUND means the Pay never arrived: resend it,
 *                                                        identical, with the REPEAT flag
 * </pre>
 * Payments scheduled while the connection is down wait in a backlog (their latency keeps running). A code is only
 * ever sent in its own payment's Pay (or that Pay's identical resend), never in a new one.
 * <p>
 * Thread-safe entry points: {@link #start()}, {@link #submit(Payment)}, {@link #close()}; everything else runs on
 * the terminal's event loop.
 */
final class PosTerminal extends TerminalLink
{
    private static final String SUBJECT = "hutong pos load";
    private static final long BUSY_BACKOFF_MS = 50;
    private static final long MAX_BUSY_BACKOFF_MS = 1_000;
    private static final int MAX_BUSY_ATTEMPTS = 6;
    private static final int MAX_RESENDS = 3;
    private static final int CURRENCY_CNY = 156;
    /**
     * Queries one terminal keeps unanswered at most: after a reconnect it may hold thousands of open payments, and
     * asking about all at once would only bury a switch that is already behind; the rest wait for the next tick.
     */
    static final int MAX_QUERIES_IN_FLIGHT = 16;

    private final String merchantId;
    private final TerminalPayments payments = new TerminalPayments();
    private final StringBuilder txnId = new StringBuilder(40);
    private final TerminalPayments.Due due = this::act;
    private int queriesInFlight;

    /**
     * @param key     the terminal's id and key.
     * @param loop    its event loop (every connection of this terminal is registered there).
     * @param address the switch's POS listener.
     * @param context what all terminals share.
     */
    PosTerminal(final TerminalKey key, final EventLoop loop, final InetSocketAddress address, final TerminalContext context)
    {
        super(key, loop, address, context);
        this.merchantId = "M-" + key.terminalId();
    }

    /**
     * Hands a payment to this terminal; it is sent at once when logged on, else when the connection is back.
     *
     * @param payment a new CPM payment with its code.
     */
    void submit(final Payment payment)
    {
        loop.execute(() -> onSubmit(payment));
    }

    @Override
    void loggedOn(final long now)
    {
        payments.forEachDue(now, due);
        Payment queued;
        while (canSend() && null != (queued = payments.pollQueued()))
        {
            sendPay(queued, 0, now);
        }
    }

    @Override
    void linkLost(final long now)
    {
        queriesInFlight = 0;
        payments.unanswered(now);
    }

    @Override
    void tick(final long now)
    {
        payments.forEachDue(now, due);
    }

    private void onSubmit(final Payment payment)
    {
        payments.add(payment);
        if (canSend())
        {
            sendPay(payment, 0, System.nanoTime());
        }
        else
        {
            payments.queue(payment);
        }
    }

    /**
     * A payment whose deadline passed: query it, or make its next attempt after BUSY.
     */
    private void act(final Payment payment, final long now)
    {
        if (!canSend())
        {
            return;
        }
        switch (payment.state)
        {
            case Payment.QUERY_SENT ->
            {
                // The query's answer is overdue: count it as lost and ask again.
                queriesInFlight = Math.max(0, queriesInFlight - 1);
                sendQuery(payment, now);
            }
            case Payment.PAY_SENT, Payment.QUERY_WAIT -> sendQuery(payment, now);
            case Payment.BUSY_WAIT -> retryAfterBusy(payment, now);
            default ->
            {
            }
        }
    }

    @Override
    void result(final ResultDecoder result)
    {
        final long now = System.nanoTime();
        final Payment payment = payments.match(context.tag(), result.buffer(), result.terminalTxnIdOffset(),
            result.terminalTxnIdLength());
        if (null == payment)
        {
            return;
        }
        if (Payment.QUERY_SENT == payment.state)
        {
            queriesInFlight = Math.max(0, queriesInFlight - 1);
        }
        switch (result.status())
        {
            case APPROVED -> finish(payment, PaymentOutcome.Status.APPROVED, null, result, now);
            case DECLINED -> finish(payment, PaymentOutcome.Status.DECLINED, reasonName(result), result, now);
            case REVERSED -> finish(payment, PaymentOutcome.Status.REVERSED, reasonName(result), result, now);
            case IN_PROGRESS ->
            {
                payment.stats.answered(payment, now);
                payments.await(payment, Payment.QUERY_WAIT, now + context.queryIntervalNs());
            }
            case BUSY -> onBusy(payment, result, now);
            case REJECTED -> onRejected(payment, result, now);
            default -> finish(payment, PaymentOutcome.Status.ERROR, "UNEXPECTED_" + result.status(), result, now);
        }
    }

    private void onBusy(final Payment payment, final ResultDecoder result, final long now)
    {
        if (PosMessageType.PAY.code() != result.refTemplateId())
        {
            // A busy query: ask again later.
            payments.await(payment, Payment.QUERY_WAIT, now + context.queryIntervalNs());
            return;
        }
        payment.stats.busy(payment);
        if (payment.attempt + 1 >= MAX_BUSY_ATTEMPTS)
        {
            finish(payment, PaymentOutcome.Status.ERROR, "BUSY_GAVE_UP", result, now);
            return;
        }
        final long backoff = Math.min(MAX_BUSY_BACKOFF_MS, BUSY_BACKOFF_MS << payment.attempt);
        payments.await(payment, Payment.BUSY_WAIT, now + TimeUnit.MILLISECONDS.toNanos(backoff));
    }

    private void onRejected(final Payment payment, final ResultDecoder result, final long now)
    {
        final boolean notFound = PosReason.NOT_FOUND.code() == result.reasonCode();
        if (notFound && PosMessageType.QUERY.code() == result.refTemplateId() && !payment.answered &&
            payment.resends < MAX_RESENDS)
        {
            // The switch never got the Pay (lost with the connection): send the very same Pay again, marked REPEAT.
            payment.resends++;
            payment.stats.resends.increment();
            sendPay(payment, PosFrameDescriptor.FLAG_REPEAT, now);
            return;
        }
        finish(payment, PaymentOutcome.Status.ERROR, "REJECTED_" + reasonName(result), result, now);
    }

    private void retryAfterBusy(final Payment payment, final long now)
    {
        // Nothing was done with the refused attempt, but its code was shown: a new attempt takes a new code.
        final String code = context.codes()[payment.wallet].next(System.currentTimeMillis());
        if (null == code)
        {
            payments.await(payment, Payment.BUSY_WAIT, now + TimeUnit.MILLISECONDS.toNanos(BUSY_BACKOFF_MS));
            return;
        }
        payment.attempt++;
        payment.code = code;
        sendPay(payment, 0, now);
    }

    private void sendPay(final Payment payment, final int flags, final long now)
    {
        if (!canSend())
        {
            payments.await(payment, Payment.QUERY_WAIT, now);
            return;
        }
        session().pay(out, 0)
            .amount(payment.amount)
            .currency(CURRENCY_CNY)
            .terminalTxnId(txnId(payment))
            .merchantId(merchantId)
            .code(payment.code)
            .subject(SUBJECT);
        write(session().commit(flags));
        payment.stats.sent(payment, now);
        payments.await(payment, Payment.PAY_SENT, now + context.answerTimeoutNs());
    }

    private void sendQuery(final Payment payment, final long now)
    {
        if (!payment.paySent)
        {
            // Never on the wire (queued when the connection dropped): it is still a first Pay.
            sendPay(payment, 0, now);
            return;
        }
        if (!canSend() || queriesInFlight >= MAX_QUERIES_IN_FLIGHT)
        {
            payments.await(payment, Payment.QUERY_WAIT, now);
            return;
        }
        session().query(out, 0).terminalTxnId(txnId(payment));
        write(session().commit());
        queriesInFlight++;
        payment.stats.queries.increment();
        payments.await(payment, Payment.QUERY_SENT, now + context.answerTimeoutNs());
    }

    private void finish(
        final Payment payment,
        final PaymentOutcome.Status status,
        final String reason,
        final ResultDecoder result,
        final long now)
    {
        payments.remove(payment);
        final RunStats stats = payment.stats;
        if (stats.wantsOutcomes())
        {
            final String walletTxnId = result.walletTxnIdLength() > 0 ? result.walletTxnId() : null;
            stats.finish(payment, status, reason, txnId(payment).toString(), walletTxnId, now);
        }
        else
        {
            // Nobody reads the strings: at thousands of payments a second they are only garbage.
            stats.finish(payment, status, reason, null, null, now);
        }
    }

    private static String reasonName(final ResultDecoder result)
    {
        final PosReason reason = result.reason();
        return null == reason ? "REASON_" + result.reasonCode() : reason.name();
    }

    private StringBuilder txnId(final Payment payment)
    {
        txnId.setLength(0);
        txnId.append(context.tag()).append('-').append(payment.number);
        if (payment.attempt > 0)
        {
            txnId.append('r').append(payment.attempt);
        }
        return txnId;
    }
}
