package io.hutong.sim.pos;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TerminalPaymentsTest
{
    private final RunStats stats = new RunStats(List.of("wechat"), PaymentOutcome.Listener.NONE);
    private final TerminalPayments payments = new TerminalPayments();

    @Test
    void shouldMatchAnAnswerToItsPaymentAndAttemptOnly()
    {
        final Payment payment = payment(1234);
        payments.add(payment);

        assertThat(match("lq3k9x-1234")).isSameAs(payment);
        payment.attempt = 2;
        assertThat(match("lq3k9x-1234")).as("an answer to an earlier attempt").isNull();
        assertThat(match("lq3k9x-1234r2")).isSameAs(payment);
        assertThat(match("lq3k9x-1235r2")).isNull();
        assertThat(match("other1-1234r2")).as("another run's tag").isNull();
        assertThat(match("lq3k9x-1234r2x")).isNull();
        assertThat(match("lq3k9x-")).isNull();
        assertThat(match("lq3k9x")).isNull();
    }

    @Test
    void shouldQueryEverythingOnTheWireAfterTheConnectionDropsButKeepQueuedPaymentsForTheLogon()
    {
        final Payment sent = payment(1);
        final Payment querying = payment(2);
        final Payment busy = payment(3);
        final Payment queued = payment(4);
        for (final Payment p : List.of(sent, querying, busy, queued))
        {
            payments.add(p);
        }
        payments.await(sent, Payment.PAY_SENT, 1_000);
        payments.await(querying, Payment.QUERY_SENT, 1_000);
        payments.await(busy, Payment.BUSY_WAIT, 9_000);
        payments.queue(queued);

        payments.unanswered(500);
        final List<Payment> due = new ArrayList<>();
        payments.forEachDue(500, (p, now) -> due.add(p));

        assertThat(due).containsExactlyInAnyOrder(sent, querying);
        assertThat(sent.state).isEqualTo(Payment.QUERY_WAIT);
        assertThat(busy.state).isEqualTo(Payment.BUSY_WAIT);
        assertThat(payments.pollQueued()).isSameAs(queued);
        assertThat(payments.pollQueued()).isNull();
        payments.remove(sent);
        assertThat(payments.size()).isEqualTo(3);
    }

    private Payment match(final String txnId)
    {
        final byte[] bytes = ("xx" + txnId + "yy").getBytes(StandardCharsets.US_ASCII);
        return payments.match("lq3k9x", new UnsafeBuffer(bytes), 2, txnId.length());
    }

    private Payment payment(final long number)
    {
        return new Payment(number, 0, false, 0, 100, stats);
    }
}
