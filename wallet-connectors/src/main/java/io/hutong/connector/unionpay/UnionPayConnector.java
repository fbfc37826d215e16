package io.hutong.connector.unionpay;

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
import io.hutong.connector.spi.Nonces;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The UnionPay gateway-style connector: {@code unified.trade.micropay}, {@code unified.trade.query},
 * {@code unified.micropay.reverse} and {@code unified.trade.refund}, each a flat signed {@code <xml>} POSTed to one
 * gateway URL (docs/wallet-unionpay.md). Requests are signed with the merchant's key; every {@code status=0}
 * answer must verify with the gateway's key and name this merchant and order, or the call is {@code UNKNOWN}.
 * Outcomes come from {@link UnionPayOutcomes}. MPM legs go through the interop connector.
 *
 * <pre>
 *  pay/query/reverse/refund  --build request record (caller thread: field rules, no crypto)--&gt; refused: NOT SENT
 *        |  MD5: inline                 RSA_1_256 / SM3WITHSM2: crypto pool (about 1 ms / 0.4 ms per signature)
 *        v
 *  signedParameters -&gt; UnionPayXml -&gt; POST gatewayUrl ... answer -&gt; UnionPayResponse.parse (verify, bind)
 *        -&gt; UnionPayOutcomes -&gt; WalletResult
 * </pre>
 *
 * The command records allow more than the gateway's fields take ({@code -} in order numbers, IPv6 terminals, long
 * EMV payloads, amounts over 2^31-1 fen); such a call is answered as not sent, naming the field, before anything
 * is signed. Thread-safe: immutable after construction.
 */
public final class UnionPayConnector extends HttpWalletConnector
{
    private static final String CONTENT_TYPE = "text/xml; charset=utf-8";
    /** Longest gateway text shown in a result's detail. */
    private static final int MAX_DETAIL = 80;
    /** Digit runs this long may be consumer codes (16 to 24 digits) or card numbers: masked in details. */
    private static final Pattern LONG_DIGITS = Pattern.compile("[0-9]{11,}");
    /** The {@code body} of a payment whose subject is blank once cleaned. */
    static final String DEFAULT_BODY = "payment";
    /** An IPv4 address written as IPv6 ({@code ::ffff:a.b.c.d}), as dual-stack servers report IPv4 clients. */
    private static final String MAPPED_IPV4 = "::ffff:";

    private final URI gatewayUrl;
    private final UnionPayMerchant merchant;
    private final String fallbackCreateIp;
    private final boolean expensive;

    /**
     * @param walletId         the participant id.
     * @param schedule         the wallet's schedule.
     * @param gatewayUrl       the one endpoint of every operation (production, e.g.
     *                         {@code https://qra.95516.com/pay/gateway}).
     * @param merchant         the merchant id and keys (merchant's signing half, gateway's verifying half).
     * @param fallbackCreateIp the IPv4 address sent as {@code mch_create_ip} when the terminal's address is not
     *                         IPv4 (the field holds IPv4 only), or null to refuse such payments as not sent.
     * @param http             the shared HTTP client.
     * @param cryptoPool       the shared crypto pool (RSA and SM2 signing and verifying run there).
     * @param interop          the MPM-leg connector, or null.
     */
    public UnionPayConnector(
        final String walletId,
        final WalletSchedule schedule,
        final URI gatewayUrl,
        final UnionPayMerchant merchant,
        final String fallbackCreateIp,
        final WalletHttpClient http,
        final Executor cryptoPool,
        final WalletConnector interop)
    {
        super(walletId, schedule, http, cryptoPool, interop);
        this.gatewayUrl = gatewayUrl;
        this.merchant = merchant;
        if (null != fallbackCreateIp)
        {
            UnionPayChecks.ipv4(fallbackCreateIp);
        }
        this.fallbackCreateIp = fallbackCreateIp;
        this.expensive = UnionPaySignType.MD5 != merchant.signType();
    }

    /**
     * @return the sign type of requests and answers.
     */
    public UnionPaySignType signType()
    {
        return merchant.signType();
    }

    @Override
    public void pay(final long correlationId, final PayCommand command, final WalletCallback callback)
    {
        final String createIp = createIp(command.clientIp());
        if (null == createIp)
        {
            refuse(correlationId, WalletOperation.PAY, callback, "clientIp: not IPv4 and no mchCreateIp configured");
            return;
        }
        final MicropayRequest request;
        try
        {
            request = new MicropayRequest(command.orderNo(), bodyOf(command.subject()), command.amount(),
                createIp, command.authCode());
        }
        catch (final IllegalArgumentException ex)
        {
            // The messages name the field; the consumer code's rule shows only its length.
            refuse(correlationId, WalletOperation.PAY, callback, ex.getMessage());
            return;
        }
        call(correlationId, WalletOperation.PAY, callback, request.outTradeNo(),
            (nonce) -> request.signedParameters(merchant, nonce), UnionPayOutcomes::forMicropay);
    }

    @Override
    protected void queryPay(final long correlationId, final QueryCommand command, final WalletCallback callback)
    {
        final QueryRequest request;
        try
        {
            request = QueryRequest.byOutTradeNo(command.orderNo());
        }
        catch (final IllegalArgumentException ex)
        {
            refuse(correlationId, WalletOperation.QUERY, callback, ex.getMessage());
            return;
        }
        call(correlationId, WalletOperation.QUERY, callback, command.orderNo(),
            (nonce) -> request.signedParameters(merchant, nonce), UnionPayOutcomes::forQuery);
    }

    @Override
    protected void reversePay(final long correlationId, final ReverseCommand command, final WalletCallback callback)
    {
        final ReverseRequest request;
        try
        {
            request = new ReverseRequest(command.orderNo());
        }
        catch (final IllegalArgumentException ex)
        {
            refuse(correlationId, WalletOperation.REVERSE, callback, ex.getMessage());
            return;
        }
        call(correlationId, WalletOperation.REVERSE, callback, command.orderNo(),
            (nonce) -> request.signedParameters(merchant, nonce), UnionPayOutcomes::forReverse);
    }

    @Override
    public void refund(final long correlationId, final RefundCommand command, final WalletCallback callback)
    {
        final RefundRequest request;
        try
        {
            request = new RefundRequest(command.orderNo(), command.refundNo(), command.paidAmount(),
                command.refundAmount());
        }
        catch (final IllegalArgumentException ex)
        {
            refuse(correlationId, WalletOperation.REFUND, callback, ex.getMessage());
            return;
        }
        call(correlationId, WalletOperation.REFUND, callback, command.orderNo(),
            (nonce) -> request.signedParameters(merchant, nonce), UnionPayOutcomes::forRefund);
    }

    @Override
    public String toString()
    {
        return "UnionPayConnector[walletId=" + walletId() + ", gatewayUrl=" + gatewayUrl + ", merchant=" + merchant +
            "]";
    }

    private void call(
        final long correlationId,
        final WalletOperation operation,
        final WalletCallback callback,
        final String outTradeNo,
        final Function<String, LinkedHashMap<String, String>> parameters,
        final Function<UnionPayResponse, WalletOutcome> outcomes)
    {
        exchange(correlationId, operation, callback, expensive,
            () -> WalletHttpRequest.post(gatewayUrl, CONTENT_TYPE, UnionPayXml.writeUtf8(parameters.apply(Nonces.hex32()))),
            (status, headers, body) ->
            {
                final UnionPayResponse response;
                try
                {
                    response = UnionPayResponse.parse(body, merchant, outTradeNo);
                }
                catch (final UnionPayMessageException ex)
                {
                    return WalletResult.unknown(operation, ex.reason().name(), ex.getMessage());
                }
                final WalletOutcome outcome = outcomes.apply(response);
                final String said = response.isStatusOk() ? response.errMsg() : response.message();
                return new WalletResult(operation, outcome.status(), outcome.reason(), outcome.walletCode(),
                    response.transactionId(), true, detail(said));
            });
    }

    private void refuse(
        final long correlationId, final WalletOperation operation, final WalletCallback callback, final String why)
    {
        deliver(callback, correlationId, WalletResult.notSent(operation, "INVALID_REQUEST", why));
    }

    /**
     * The terminal's address as {@code mch_create_ip}: IPv4 as given (or unwrapped from its IPv6-mapped form),
     * else the configured fallback, else null.
     */
    private String createIp(final String clientIp)
    {
        final String candidate = clientIp.regionMatches(true, 0, MAPPED_IPV4, 0, MAPPED_IPV4.length()) ?
            clientIp.substring(MAPPED_IPV4.length()) : clientIp;
        try
        {
            UnionPayChecks.ipv4(candidate);
            return candidate;
        }
        catch (final IllegalArgumentException ex)
        {
            return fallbackCreateIp;
        }
    }

    /**
     * The gateway's own words for a result's detail (logs): long digit runs masked, since a gateway may echo a
     * consumer code in its error text, then cut short (masking first, so a cut never leaves a long run bare).
     */
    static String detail(final String said)
    {
        if (null == said || said.isEmpty())
        {
            return null;
        }
        final Matcher digits = LONG_DIGITS.matcher(said);
        final StringBuilder sb = new StringBuilder(said.length());
        while (digits.find())
        {
            digits.appendReplacement(sb, Matcher.quoteReplacement(UnionPayChecks.mask(digits.group())));
        }
        digits.appendTail(sb);
        if (sb.length() > MAX_DETAIL)
        {
            sb.setLength(MAX_DETAIL);
            sb.append("...");
        }
        return sb.toString();
    }

    /**
     * The payment subject as the gateway's {@code body} (String(127), no control characters, no edge whitespace,
     * which the XML reader would strip and so break the signature): control characters become spaces, the text is
     * trimmed and cut to 127 characters without splitting a surrogate pair. A subject with nothing left becomes
     * {@value #DEFAULT_BODY}.
     */
    static String bodyOf(final String subject)
    {
        final StringBuilder sb = new StringBuilder(subject.length());
        for (int i = 0; i < subject.length(); i++)
        {
            final char c = subject.charAt(i);
            sb.append(Character.isISOControl(c) ? ' ' : c);
        }
        String body = sb.toString().strip();
        if (body.length() > UnionPayChecks.MAX_BODY)
        {
            final int end = Character.isHighSurrogate(body.charAt(UnionPayChecks.MAX_BODY - 1)) ?
                UnionPayChecks.MAX_BODY - 1 : UnionPayChecks.MAX_BODY;
            body = body.substring(0, end).strip();
        }
        return body.isEmpty() ? DEFAULT_BODY : body;
    }
}
