package io.hutong.connector.alipay;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Map;

/**
 * An Alipay gateway answer: {@code {"<method with dots as underscores>_response":{...},"sign":"..."}}.
 * The signature covers exactly the text of the inner object as sent, so {@link #parse} cuts that text out of
 * the received characters by the parser's token offsets (never by re-serialising, which would change
 * whitespace, key order and escapes), and {@link #writeSigned} signs the very bytes it returns. Answers are
 * signed with the gateway's own key pair, never the merchant app's.
 * <p>
 * A business answer (any code but the gateway-level rejections 20001, 40001, 40002, which the real gateway
 * may send unsigned and the Alipay SDK then accepts) without a valid {@code sign} is refused as
 * {@link Failure#UNSIGNED} or {@link Failure#BAD_SIGNATURE}; the connector treats either as
 * {@link io.hutong.connector.OutcomeStatus#UNKNOWN}. Parsing never throws on bad input.
 * Instances are immutable and thread-safe.
 */
public final class AlipayResponse
{
    /** Largest answer accepted, in bytes. */
    public static final int MAX_BODY_LENGTH = 1024 * 1024;
    /** The key the gateway uses when it cannot name the method. */
    public static final String ERROR_RESPONSE = "error_response";

    private static final JsonFactory FACTORY =
        JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    /** Why an answer was refused. */
    public enum Failure
    {
        /** Over {@link #MAX_BODY_LENGTH}. */
        TOO_LARGE,
        /** Not JSON, not an object, a repeated key, or a non-string {@code sign}. */
        MALFORMED,
        /** Neither the method's {@code ..._response} object nor {@code error_response}. */
        MISSING_RESPONSE,
        /** A business answer without {@code sign}. */
        UNSIGNED,
        /** {@code sign} does not verify over the inner object's text. */
        BAD_SIGNATURE
    }

    /**
     * The outcome of {@link #parse}: exactly one of {@code response} and {@code failure} is non-null.
     *
     * @param response the verified answer, or null.
     * @param failure  why it was refused, or null.
     * @param detail   a {@code name=value} description of the failure for logs, or null.
     */
    public record Result(AlipayResponse response, Failure failure, String detail)
    {
        /**
         * @return true if the answer parsed and verified.
         */
        public boolean isOk()
        {
            return failure == null;
        }
    }

    private final String method;
    private final String signedContent;
    private final String sign;
    private final JsonNode fields;

    private AlipayResponse(final String method, final String signedContent, final String sign, final JsonNode fields)
    {
        this.method = method;
        this.signedContent = signedContent;
        this.sign = sign;
        this.fields = fields;
    }

    /**
     * The top-level key of a method's answer.
     *
     * @param method e.g. {@code alipay.trade.pay}.
     * @return e.g. {@code alipay_trade_pay_response}.
     */
    public static String responseKey(final String method)
    {
        return method.replace('.', '_') + "_response";
    }

    /**
     * Parse and verify an answer (client side).
     *
     * @param method     the method that was called.
     * @param body       the received bytes (UTF-8).
     * @param gatewayKey the Alipay gateway's public key.
     * @return the verified answer or the failure.
     */
    public static Result parse(final String method, final byte[] body, final PublicKey gatewayKey)
    {
        if (body == null || body.length > MAX_BODY_LENGTH)
        {
            return fail(Failure.TOO_LARGE, "bodyLength=" + (body == null ? -1 : body.length));
        }
        final String text = new String(body, StandardCharsets.UTF_8);
        final String expectedKey = responseKey(method);
        int start = -1;
        int end = -1;
        String sign = null;
        try (JsonParser parser = FACTORY.createParser(text))
        {
            if (parser.nextToken() != JsonToken.START_OBJECT)
            {
                return fail(Failure.MALFORMED, "root=not an object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME)
            {
                final String name = parser.currentName();
                final JsonToken value = parser.nextToken();
                if (expectedKey.equals(name) || ERROR_RESPONSE.equals(name))
                {
                    if (value != JsonToken.START_OBJECT || start >= 0)
                    {
                        return fail(Failure.MALFORMED, name + "=not a single object");
                    }
                    start = (int)parser.currentTokenLocation().getCharOffset();
                    parser.skipChildren();
                    end = (int)parser.currentTokenLocation().getCharOffset() + 1;
                }
                else if (AlipaySign.SIGN.equals(name))
                {
                    if (value != JsonToken.VALUE_STRING)
                    {
                        return fail(Failure.MALFORMED, "sign=" + value);
                    }
                    sign = parser.getText();
                }
                else
                {
                    parser.skipChildren();
                }
            }
            if (parser.nextToken() != null)
            {
                return fail(Failure.MALFORMED, "trailing=content after the root object");
            }
        }
        catch (final IOException ex)
        {
            return fail(Failure.MALFORMED, "json=" + ex.getClass().getSimpleName());
        }
        if (start < 0 || end <= start || end > text.length())
        {
            return fail(Failure.MISSING_RESPONSE, "key=" + expectedKey);
        }

        final String content = text.substring(start, end);
        final JsonNode fields;
        try
        {
            fields = MAPPER.readTree(content);
        }
        catch (final IOException ex)
        {
            return fail(Failure.MALFORMED, "response=" + ex.getClass().getSimpleName());
        }
        final AlipayResponse response = new AlipayResponse(method, content, sign, fields);
        if (sign == null || sign.isEmpty())
        {
            return response.isGatewayRejection()
                ? new Result(response, null, null)
                : fail(Failure.UNSIGNED, "code=" + response.code());
        }
        if (!AlipaySign.verify(content.getBytes(StandardCharsets.UTF_8), sign, gatewayKey))
        {
            return fail(Failure.BAD_SIGNATURE, "code=" + response.code());
        }
        return new Result(response, null, null);
    }

    /**
     * Write a signed answer (server side): the inner object is serialised once and its exact bytes signed.
     *
     * @param method     the method answered.
     * @param fields     the inner object's fields in wire order (strings, numbers, booleans, nested maps).
     * @param gatewayKey the gateway's private key.
     * @return the UTF-8 body to send.
     */
    public static byte[] writeSigned(final String method, final Map<String, ?> fields, final PrivateKey gatewayKey)
    {
        final String inner = serialise(method, fields);
        final String sign = AlipaySign.sign(inner.getBytes(StandardCharsets.UTF_8), gatewayKey);
        return ("{\"" + responseKey(method) + "\":" + inner + ",\"sign\":\"" + sign + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Write an unsigned answer, as the gateway does for requests it rejects before knowing the app
     * (codes 40001, 40002).
     *
     * @param method the method answered.
     * @param fields the inner object's fields in wire order.
     * @return the UTF-8 body to send.
     */
    public static byte[] writeUnsigned(final String method, final Map<String, ?> fields)
    {
        return ("{\"" + responseKey(method) + "\":" + serialise(method, fields) + "}").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @return the method this answers.
     */
    public String method()
    {
        return method;
    }

    /**
     * @return the exact text of the inner object, as received and as signed.
     */
    public String signedContent()
    {
        return signedContent;
    }

    /**
     * @return true if the answer carried a (verified) signature; false only for unsigned gateway rejections.
     */
    public boolean isSigned()
    {
        return sign != null && !sign.isEmpty();
    }

    /**
     * @return {@code code}: 10000 success, 10003 waiting for the user, 20000 unknown, 40004 business failure.
     */
    public String code()
    {
        return field("code");
    }

    /**
     * @return {@code msg}.
     */
    public String msg()
    {
        return field("msg");
    }

    /**
     * @return {@code sub_code}, e.g. {@code ACQ.PAYMENT_AUTH_CODE_INVALID}, or null.
     */
    public String subCode()
    {
        return field("sub_code");
    }

    /**
     * @return {@code sub_msg}, or null.
     */
    public String subMsg()
    {
        return field("sub_msg");
    }

    /**
     * @return Alipay's {@code trade_no}, or null.
     */
    public String tradeNo()
    {
        return field("trade_no");
    }

    /**
     * @return {@code out_trade_no}, or null.
     */
    public String outTradeNo()
    {
        return field("out_trade_no");
    }

    /**
     * @return {@code trade_status}: WAIT_BUYER_PAY, TRADE_CLOSED, TRADE_SUCCESS, TRADE_FINISHED, or null.
     */
    public String tradeStatus()
    {
        return field("trade_status");
    }

    /**
     * @return cancel's {@code retry_flag} (Y: call cancel again), or null.
     */
    public String retryFlag()
    {
        return field("retry_flag");
    }

    /**
     * @return cancel's {@code action} ({@code close} or {@code refund}), or null.
     */
    public String action()
    {
        return field("action");
    }

    /**
     * Any inner field as text.
     *
     * @param name the field name.
     * @return its text, or null if absent or null.
     */
    public String field(final String name)
    {
        final JsonNode node = fields.get(name);
        return node == null || node.isNull() ? null : node.asText();
    }

    private boolean isGatewayRejection()
    {
        final String code = code();
        return "20001".equals(code) || "40001".equals(code) || "40002".equals(code);
    }

    private static String serialise(final String method, final Map<String, ?> fields)
    {
        if (method == null || !method.matches("[a-z][a-z0-9.]*"))
        {
            throw new IllegalArgumentException("method=" + method + ": must be lower-case letters, digits and dots");
        }
        try
        {
            return MAPPER.writeValueAsString(fields);
        }
        catch (final IOException ex)
        {
            throw new IllegalArgumentException("fields=" + fields + ": not serialisable", ex);
        }
    }

    private static Result fail(final Failure failure, final String detail)
    {
        return new Result(null, failure, detail);
    }
}
