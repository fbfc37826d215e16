package io.hutong.connector.jdpay;

import io.hutong.connector.OutcomeStatus;
import io.hutong.connector.PayCommand;
import io.hutong.connector.QueryCommand;
import io.hutong.connector.RefundCommand;
import io.hutong.connector.ReverseCommand;
import io.hutong.connector.WalletCallback;
import io.hutong.connector.WalletConnector;
import io.hutong.connector.WalletOperation;
import io.hutong.connector.WalletOutcome;
import io.hutong.connector.WalletResult;
import io.hutong.connector.WalletSchedule;
import io.hutong.connector.http.WalletHttpClient;
import io.hutong.connector.http.WalletHttpRequest;
import io.hutong.connector.spi.HttpWalletConnector;

import java.net.URI;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The JD Pay V2.0 connector for barcode payments (docs/wallet-jdpay.md): {@code fkmPay}, {@code query},
 * {@code revoke}, {@code refund}, posted as {@code application/xml} to {@code <baseUrl>/service/<operation>}.
 * Requests are signed with the merchant's RSA key and 3DES-encrypted ({@link JdPayRequestCodec}); answers are
 * decrypted and verified with JD's public key ({@link JdPayResponse}) and read through {@link JdPayOutcomes}.
 * RSA signing costs up to a millisecond, so encoding and decoding run on the crypto pool. MPM legs go through the
 * interop connector.
 * <pre>
 *  PayCommand     --&gt; fkmPay  token=authCode tradeNum=orderNo tradeName=subject device   --&gt; forPay
 *  QueryCommand   --&gt; query   tradeNum=orderNo tradeType=0                               --&gt; forQuery
 *  ReverseCommand --&gt; revoke  tradeNum=revokeTradeNum(orderNo) oTradeNum=orderNo amount  --&gt; forRevoke
 *  RefundCommand  --&gt; refund  tradeNum=refundNo oTradeNum=orderNo amount=refundAmount   --&gt; forRefund
 * </pre>
 * A signed answer about another trade (its {@code tradeNum}, {@code oTradeNum} or {@code amount} differ from the
 * request's) is not an answer to this call: UNKNOWN. The wallet transaction id of an approved or pending trade is
 * JD's key of the trade, the {@code tradeNum} (JD's answers carry no id of their own). Thread-safe: immutable after
 * construction.
 */
public final class JdPayConnector extends HttpWalletConnector
{
    /** Content type of every request (JD's Java demo posts {@code application/xml}). */
    public static final String CONTENT_TYPE = "application/xml;charset=UTF-8";
    /** The walletCode of a signed answer that does not match the request it answers. */
    public static final String ANSWER_MISMATCH = "ANSWER_MISMATCH";

    /** JD's trade times are Beijing time, whatever the switch's zone. */
    private static final DateTimeFormatter TRADE_TIME =
        DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.ofHours(8));
    private static final String REVOKE_PREFIX = "RV";
    private static final int REVOKE_TRADE_NUM_LENGTH = 40;
    private static final int MAX_ORDER_NO_LENGTH = 32;

    private final Map<JdPayOperation, URI> endpoints = new EnumMap<>(JdPayOperation.class);
    private final JdPayKeys keys;
    private final JdPayOutcomes outcomes;
    private final String device;
    private final Clock clock;

    /**
     * @param walletId   the participant id.
     * @param schedule   the wallet's schedule.
     * @param baseUrl    the gateway (production: {@code https://paygate.jd.com}), without a trailing slash.
     * @param keys       the merchant's keys: its private key signs, JD's public key verifies, the DES key encrypts.
     * @param outcomes   the outcome table (the defaults, or with configured overrides).
     * @param device     the store or terminal number sent as {@code device}.
     * @param clock      the wall clock for {@code tradeTime}.
     * @param http       the shared HTTP client.
     * @param cryptoPool the shared crypto pool.
     * @param interop    the MPM-leg connector, or null.
     */
    public JdPayConnector(
        final String walletId,
        final WalletSchedule schedule,
        final URI baseUrl,
        final JdPayKeys keys,
        final JdPayOutcomes outcomes,
        final String device,
        final Clock clock,
        final WalletHttpClient http,
        final Executor cryptoPool,
        final WalletConnector interop)
    {
        super(walletId, schedule, http, cryptoPool, interop);
        for (final JdPayOperation operation : JdPayOperation.values())
        {
            endpoints.put(operation, URI.create(baseUrl + operation.path()));
        }
        this.keys = keys;
        this.outcomes = outcomes;
        this.device = device;
        this.clock = clock;
    }

    /**
     * The {@code tradeNum} of the revoke of a payment: JD makes a revoke a trade of its own, and a resent revoke
     * must reuse its number, so it is derived from the payment's. {@code RV}, the order number's length in two
     * digits, the order number, then {@code 0} up to 40 characters: one order number gives one revoke number and
     * no two give the same, and at 40 characters it can never equal a switch order or refund number (at most 32),
     * which share JD's trade-number space.
     *
     * @param orderNo the payment's order number, 1-32 of {@code [0-9A-Za-z_-]}.
     * @return the revoke's trade number.
     * @throws IllegalArgumentException if the order number is empty or longer than 32 characters.
     */
    public static String revokeTradeNum(final String orderNo)
    {
        if (null == orderNo || orderNo.isEmpty() || orderNo.length() > MAX_ORDER_NO_LENGTH)
        {
            throw new IllegalArgumentException("orderNo.length=" + (null == orderNo ? 0 : orderNo.length()) +
                ": must be 1-" + MAX_ORDER_NO_LENGTH);
        }
        final StringBuilder tradeNum = new StringBuilder(REVOKE_TRADE_NUM_LENGTH).append(REVOKE_PREFIX);
        if (orderNo.length() < 10)
        {
            tradeNum.append('0');
        }
        tradeNum.append(orderNo.length()).append(orderNo);
        while (tradeNum.length() < REVOKE_TRADE_NUM_LENGTH)
        {
            tradeNum.append('0');
        }
        return tradeNum.toString();
    }

    @Override
    public void pay(final long correlationId, final PayCommand command, final WalletCallback callback)
    {
        try
        {
            JdPayChecks.token(command.authCode());
        }
        catch (final IllegalArgumentException ex)
        {
            // Not a JD code: nothing is sent, so nothing can be charged.
            deliver(callback, correlationId, WalletResult.notSent(WalletOperation.PAY, "INVALID_AUTH_CODE",
                ex.getMessage()));
            return;
        }
        final FkmPayRequest request;
        try
        {
            request = new FkmPayRequest(command.authCode(), device, command.orderNo(), command.subject(), null,
                tradeTime(), command.amount(), null, null);
        }
        catch (final IllegalArgumentException ex)
        {
            // The checks never echo the token, so the message is safe to journal.
            deliver(callback, correlationId, WalletResult.notSent(WalletOperation.PAY, "INVALID_REQUEST",
                ex.getMessage()));
            return;
        }
        call(correlationId, WalletOperation.PAY, callback, request, request.amount(), outcomes::forPay);
    }

    @Override
    protected void queryPay(final long correlationId, final QueryCommand command, final WalletCallback callback)
    {
        final QueryRequest request = QueryRequest.payment(command.orderNo());
        call(correlationId, WalletOperation.QUERY, callback, request, -1,
            (response) -> outcomes.forQuery(response, QueryRequest.TradeType.PAYMENT));
    }

    @Override
    protected void reversePay(final long correlationId, final ReverseCommand command, final WalletCallback callback)
    {
        final RevokeRequest request;
        try
        {
            request = new RevokeRequest(revokeTradeNum(command.orderNo()), command.orderNo(), command.amount(),
                tradeTime(), null);
        }
        catch (final IllegalArgumentException ex)
        {
            deliver(callback, correlationId, WalletResult.notSent(WalletOperation.REVERSE, "INVALID_REQUEST",
                ex.getMessage()));
            return;
        }
        call(correlationId, WalletOperation.REVERSE, callback, request, request.amount(), outcomes::forRevoke);
    }

    @Override
    public void refund(final long correlationId, final RefundCommand command, final WalletCallback callback)
    {
        final RefundRequest request;
        try
        {
            request = new RefundRequest(command.refundNo(), command.orderNo(), command.refundAmount(), tradeTime(),
                null, null);
        }
        catch (final IllegalArgumentException ex)
        {
            deliver(callback, correlationId, WalletResult.notSent(WalletOperation.REFUND, "INVALID_REQUEST",
                ex.getMessage()));
            return;
        }
        call(correlationId, WalletOperation.REFUND, callback, request, request.amount(), outcomes::forRefund);
    }

    /**
     * @param amount the amount the answer must echo when it carries one, or -1 to not check it.
     */
    private void call(
        final long correlationId,
        final WalletOperation operation,
        final WalletCallback callback,
        final JdPayRequest request,
        final long amount,
        final Function<JdPayResponse, WalletOutcome> outcome)
    {
        final URI endpoint = endpoints.get(request.operation());
        exchange(correlationId, operation, callback, true,
            () -> WalletHttpRequest.post(endpoint, CONTENT_TYPE, JdPayRequestCodec.encode(request, keys)),
            (status, headers, body) -> decode(operation, request, amount, body, outcome));
    }

    private WalletResult decode(
        final WalletOperation operation,
        final JdPayRequest request,
        final long amount,
        final byte[] body,
        final Function<JdPayResponse, WalletOutcome> outcome)
    {
        final JdPayResponse response;
        try
        {
            response = JdPayResponse.parse(request.operation(), body, keys);
        }
        catch (final JdPayMessageException ex)
        {
            return WalletResult.unknown(operation, ex.reason().name(), ex.getMessage());
        }
        if (!response.isSigned())
        {
            // An unsigned refusal: JD refused before processing. The table decides what it may mean (never success).
            return WalletResult.answered(operation, outcome.apply(response), null);
        }
        final String mismatch = mismatch(request, amount, response);
        if (null != mismatch)
        {
            return WalletResult.unknown(operation, ANSWER_MISMATCH, mismatch);
        }
        final WalletOutcome meaning = outcome.apply(response);
        // JD names a trade by its tradeNum; it is the wallet's id of a trade that exists (paid, pending, done).
        final boolean exists =
            OutcomeStatus.APPROVED == meaning.status() || OutcomeStatus.IN_PROGRESS == meaning.status();
        return WalletResult.answered(operation, meaning, exists ? request.tradeNum() : null);
    }

    /**
     * @return what of a signed answer contradicts the request, or null when nothing does.
     */
    private static String mismatch(final JdPayRequest request, final long amount, final JdPayResponse response)
    {
        final String tradeNum = response.tradeNum();
        if (null != tradeNum && !tradeNum.equals(request.tradeNum()))
        {
            return "tradeNum=" + tradeNum + ": expected " + request.tradeNum();
        }
        final String oTradeNum = response.oTradeNum();
        final String expectedOTradeNum = originalOf(request);
        if (null != oTradeNum && null != expectedOTradeNum && !oTradeNum.equals(expectedOTradeNum))
        {
            return "oTradeNum=" + oTradeNum + ": expected " + expectedOTradeNum;
        }
        if (amount > 0 && null != response.field(JdPayFields.AMOUNT) && response.amount() != amount)
        {
            return "amount=" + response.field(JdPayFields.AMOUNT) + ": expected " + amount;
        }
        return null;
    }

    private static String originalOf(final JdPayRequest request)
    {
        if (request instanceof RevokeRequest)
        {
            return ((RevokeRequest)request).oTradeNum();
        }
        if (request instanceof RefundRequest)
        {
            return ((RefundRequest)request).oTradeNum();
        }
        return null;
    }

    private String tradeTime()
    {
        return TRADE_TIME.format(clock.instant());
    }

    @Override
    public String toString()
    {
        return "JdPayConnector[walletId=" + walletId() + ", merchant=" + keys.merchant() + "]";
    }
}
