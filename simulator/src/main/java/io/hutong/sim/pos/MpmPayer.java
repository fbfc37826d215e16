package io.hutong.sim.pos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hutong.connector.http.HttpFailureReason;
import io.hutong.connector.http.HttpOutcome;
import io.hutong.connector.http.WalletHttpClient;
import io.hutong.connector.http.WalletHttpRequest;
import io.hutong.core.http.ApiClients;
import io.hutong.core.http.RequestSigner;
import io.netty.channel.EventLoopGroup;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * Merchant-presented payments as a payer wallet's app makes them (docs/http-api.md): the consumer scanned a
 * merchant's code card and approved the amount, so the payer wallet holds the amount on the consumer's account,
 * asks the switch to pay the merchant, and captures the hold once the switch approves (on a decline or reversal the
 * switch releases the hold itself).
 * <pre>
 *   POST payer/sim/holds {account, orderNo=payerRef, amount}                  hold (idempotent by payerRef)
 *   POST switch/v1/mpm/payments {payerWallet, payerRef, amount, code}         signed as the payer's API client
 *        200 APPROVED -&gt; POST payer/sim/holds/{payerRef}/capture -&gt; done
 *        200 DECLINED / REVERSED -&gt; done (the switch released the hold)
 *        202 PENDING  -&gt; GET switch/v1/payments/{id} every queryInterval until final
 *        503 BUSY, no answer, connection lost -&gt; back off, POST again with the same payerRef (idempotent)
 * </pre>
 * Thread-safe: {@link #start(Payment)} may be called from any thread; each payment is then driven by one callback
 * or timer at a time on the HTTP client's event loops.
 */
final class MpmPayer
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MPM_PATH = "/v1/mpm/payments";
    private static final String JSON_TYPE = "application/json; charset=utf-8";
    private static final int REQUEST_TIMEOUT_MS = 15_000;
    private static final long BACKOFF_MS = 50;
    private static final long MAX_BACKOFF_MS = 1_000;
    private static final int MAX_CAPTURE_TRIES = 5;
    private static final int MAX_HOLD_TRIES = 5;

    private final WalletHttpClient http;
    private final EventLoopGroup timers;
    private final URI switchBase;
    private final URI[] walletBases;
    private final ApiClients.Client[] clients;
    private final long queryIntervalMs;
    private volatile boolean closed;

    /**
     * @param http            the HTTP client (shares the generator's event loops).
     * @param timers          where retries wait.
     * @param switchBase      the switch's HTTP API, {@code http://host:port}.
     * @param walletBases     each wallet's base URL, by wallet index.
     * @param clients         the API client acting for each wallet, by wallet index (null: none).
     * @param queryIntervalMs how often a pending payment is asked about.
     */
    MpmPayer(
        final WalletHttpClient http,
        final EventLoopGroup timers,
        final URI switchBase,
        final URI[] walletBases,
        final ApiClients.Client[] clients,
        final long queryIntervalMs)
    {
        this.http = http;
        this.timers = timers;
        this.switchBase = switchBase;
        this.walletBases = walletBases.clone();
        this.clients = clients.clone();
        this.queryIntervalMs = queryIntervalMs;
    }

    /**
     * Starts a payment: {@link Payment#wallet} pays {@link Payment#payee}'s merchant code ({@link Payment#code})
     * from {@link Payment#account} under {@link Payment#payerRef}.
     *
     * @param payment a new MPM payment.
     */
    void start(final Payment payment)
    {
        payment.holdStartNs = System.nanoTime();
        // The payment's first request is the hold: the generator's own lag is measured up to it.
        payment.stats.sent(payment, payment.holdStartNs);
        hold(payment);
    }

    private void hold(final Payment payment)
    {
        final ObjectNode body = JSON.createObjectNode()
            .put("account", payment.account).put("orderNo", payment.payerRef).put("amount", payment.amount);
        final WalletHttpRequest request = WalletHttpRequest.post(walletBases[payment.wallet].resolve("/sim/holds"),
            JSON_TYPE, bytes(body)).timeoutMs(REQUEST_TIMEOUT_MS);
        http.send(request).thenAccept((outcome) -> onHold(payment, outcome));
    }

    private void onHold(final Payment payment, final HttpOutcome outcome)
    {
        final long now = System.nanoTime();
        if (outcome.isResponse() && 200 == outcome.status())
        {
            payment.stats.hop(RunStats.Hop.HOLD, now - payment.holdStartNs);
            pay(payment);
            return;
        }
        if (outcome.isResponse() && 400 == outcome.status())
        {
            // The payer wallet refused the hold (funds, limits): the consumer's own wallet declined.
            payment.stats.finish(payment, PaymentOutcome.Status.DECLINED, "HOLD_" + field(outcome, "error"),
                payment.payerRef, null, now);
            return;
        }
        if (++payment.resends < MAX_HOLD_TRIES)
        {
            // Holds are idempotent by order number: asking again is safe whatever happened to the first.
            later(() -> hold(payment), backoff(payment.resends));
            return;
        }
        payment.stats.finish(payment, PaymentOutcome.Status.ERROR, "HOLD_" + describe(outcome), payment.payerRef,
            null, now);
    }

    private void pay(final Payment payment)
    {
        final ObjectNode body = JSON.createObjectNode()
            .put("payerWallet", payment.stats.wallets().get(payment.wallet))
            .put("payerRef", payment.payerRef)
            .put("amount", payment.amount)
            .put("code", payment.code);
        final byte[] bytes = bytes(body);
        final WalletHttpRequest request = signed(WalletHttpRequest.post(switchBase.resolve(MPM_PATH), JSON_TYPE, bytes),
            payment, "POST", MPM_PATH, bytes);
        http.send(request).thenAccept((outcome) -> onAnswer(payment, outcome));
    }

    private void poll(final Payment payment)
    {
        final String path = "/v1/payments/" + payment.switchId;
        final WalletHttpRequest request = signed(WalletHttpRequest.get(switchBase.resolve(path)), payment, "GET", path,
            new byte[0]);
        payment.stats.queries.increment();
        http.send(request).thenAccept((outcome) -> onAnswer(payment, outcome));
    }

    private void onAnswer(final Payment payment, final HttpOutcome outcome)
    {
        final long now = System.nanoTime();
        if (!outcome.isResponse())
        {
            // Lost or never sent: the same POST again is safe (idempotent by payerRef); so is the same GET.
            retry(payment, outcome.failure().requestNotSent() ? backoff(++payment.attempt) : queryIntervalMs);
            return;
        }
        final int status = outcome.status();
        if (503 == status)
        {
            payment.stats.busy(payment);
            retry(payment, backoff(++payment.attempt));
            return;
        }
        final JsonNode answer = parse(outcome.body());
        if ((200 != status && 202 != status) || null == answer)
        {
            payment.stats.finish(payment, PaymentOutcome.Status.ERROR,
                "HTTP_" + status + "_" + (null == answer ? "" : answer.path("error").asText()), payment.payerRef, null, now);
            return;
        }
        payment.stats.answered(payment, now);
        final String state = answer.path("status").asText();
        final String walletTxnId = answer.hasNonNull("walletTxnId") ? answer.get("walletTxnId").asText() : null;
        switch (state)
        {
            case "APPROVED" ->
            {
                payment.walletTxnId = walletTxnId;
                payment.answeredNs = now;
                payment.resends = 0;
                capture(payment);
            }
            case "DECLINED", "REVERSED" -> payment.stats.finish(payment, "DECLINED".equals(state) ?
                PaymentOutcome.Status.DECLINED : PaymentOutcome.Status.REVERSED, answer.path("reason").asText(),
                payment.payerRef, walletTxnId, now);
            case "PENDING" ->
            {
                payment.switchId = answer.path("id").asText();
                later(() -> poll(payment), queryIntervalMs);
            }
            default -> payment.stats.finish(payment, PaymentOutcome.Status.ERROR, "STATUS_" + state, payment.payerRef,
                walletTxnId, now);
        }
    }

    private void retry(final Payment payment, final long delayMs)
    {
        if (null != payment.switchId)
        {
            later(() -> poll(payment), delayMs);
        }
        else
        {
            later(() -> pay(payment), delayMs);
        }
    }

    private void capture(final Payment payment)
    {
        final long start = System.nanoTime();
        final WalletHttpRequest request = WalletHttpRequest.post(
            walletBases[payment.wallet].resolve("/sim/holds/" + payment.payerRef + "/capture"), JSON_TYPE, new byte[0])
            .timeoutMs(REQUEST_TIMEOUT_MS);
        http.send(request).thenAccept((outcome) -> onCapture(payment, outcome, start));
    }

    private void onCapture(final Payment payment, final HttpOutcome outcome, final long start)
    {
        final long now = System.nanoTime();
        if (outcome.isResponse() && 200 == outcome.status())
        {
            payment.stats.hop(RunStats.Hop.CAPTURE, now - start);
        }
        else if (++payment.resends < MAX_CAPTURE_TRIES)
        {
            // Capture is idempotent: a lost answer is asked again.
            later(() -> capture(payment), backoff(payment.resends));
            return;
        }
        else
        {
            payment.stats.captureErrors.increment();
        }
        // Latency is the switch's answer, not the capture: the consumer saw "paid" then.
        payment.stats.finish(payment, PaymentOutcome.Status.APPROVED, null, payment.payerRef, payment.walletTxnId,
            payment.answeredNs);
    }

    private WalletHttpRequest signed(
        final WalletHttpRequest request, final Payment payment, final String method, final String path, final byte[] body)
    {
        final ApiClients.Client client = clients[payment.wallet];
        return request.timeoutMs(REQUEST_TIMEOUT_MS).header("Authorization", RequestSigner.authorization(client.id(),
            client.secret(), method, path, System.currentTimeMillis() / 1_000, body));
    }

    private void later(final Runnable action, final long delayMs)
    {
        if (!closed)
        {
            timers.next().schedule(action, delayMs, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Stops retrying: payments without a final answer stay in doubt. Call before the HTTP client and the event
     * loops close.
     */
    void close()
    {
        closed = true;
    }

    private static long backoff(final int attempt)
    {
        return Math.min(MAX_BACKOFF_MS, BACKOFF_MS << Math.min(10, Math.max(0, attempt - 1)));
    }

    private static byte[] bytes(final JsonNode node)
    {
        try
        {
            return JSON.writeValueAsBytes(node);
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("JSON of a request body: " + ex.getMessage(), ex);
        }
    }

    private static JsonNode parse(final byte[] body)
    {
        try
        {
            final JsonNode node = JSON.readTree(body);
            return null != node && node.isObject() ? node : null;
        }
        catch (final IOException ex)
        {
            return null;
        }
    }

    private static String field(final HttpOutcome outcome, final String name)
    {
        final JsonNode node = parse(outcome.body());
        return null == node ? "UNREADABLE" : node.path(name).asText("UNKNOWN");
    }

    private static String describe(final HttpOutcome outcome)
    {
        final HttpFailureReason failure = outcome.failure();
        return null == failure ? "HTTP_" + outcome.status() : failure.name();
    }
}
