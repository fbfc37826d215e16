package io.hutong.connector.gm;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import io.hutong.codec.sign.CodeSigner;
import io.hutong.codec.sign.TrustedKeys;

/**
 * Writes and reads national-cryptography wallet requests (docs/wallet-interface-gm.md sections 3 to 5).
 * <p>
 * Writing: fields in the documented order, compact UTF-8 JSON, sensitive fields SM4-GCM encrypted with the
 * {@code request_id} as AAD, then the exact bytes signed into the {@link GmWire#SIGNATURE_HEADER} value. Reading
 * goes the other way and in the order that keeps untrusted input away from work: size, signature over the raw
 * bytes, then parsing, field checks and decryption.
 * <p>
 * Stateless and thread-safe. Costs one SM2 signature (~440 us) or verification (~90 us): keep it off the engine
 * thread.
 */
public final class GmRequestCodec
{
    /** Longest identifier (merchant id, request id, order and refund numbers). */
    public static final int MAX_ID_LENGTH = 64;
    /** Longest subject in characters. */
    public static final int MAX_SUBJECT_LENGTH = 128;
    /** Largest amount in fen: 999,999,999.99 CNY. */
    public static final long MAX_AMOUNT = 99_999_999_999L;

    /**
     * A request ready to send: POST {@link #body} to {@code <baseUrl>}{@link #path} with the header
     * {@link GmWire#SIGNATURE_HEADER}: {@link #signatureHeader}.
     *
     * @param path            {@code /gm/v1/<operation>}.
     * @param body            the exact bytes to send; never re-serialise them.
     * @param signatureHeader the header value.
     */
    public record Encoded(String path, byte[] body, String signatureHeader)
    {
    }

    private GmRequestCodec()
    {
    }

    /**
     * Encrypt, write and sign a request.
     *
     * @param request the request, sensitive fields in plaintext.
     * @param signer  the switch's SM2 signer; its key id must equal {@code request.keyId()}.
     * @param cipher  the merchant's field cipher.
     * @return what to send.
     * @throws IllegalArgumentException when the request breaks a documented rule (a caller bug).
     */
    public static Encoded encode(final GmRequest request, final CodeSigner signer, final GmFieldCipher cipher)
    {
        try
        {
            check(request);
        }
        catch (final GmMessageException ex)
        {
            throw new IllegalArgumentException(ex.getMessage(), ex);
        }
        if (!signer.keyId().equals(request.keyId()))
        {
            throw new IllegalArgumentException("keyId=" + request.keyId() + ": signer has " + signer.keyId());
        }
        final GmRequest.Biz biz = request.biz();
        final String requestId = request.requestId();
        final String authCode = null == biz.authCode() ? null : cipher.encrypt(requestId, biz.authCode());
        final String payee = null == biz.payeeAccount() ? null : cipher.encrypt(requestId, biz.payeeAccount());
        final byte[] body = GmJson.write((g) -> writeRequest(g, request, authCode, payee));

        return new Encoded(request.operation().path(), body, GmSignature.sign(signer, body));
    }

    /**
     * The body bytes of a request with its encrypted field values already given: the deterministic half of
     * {@link #encode}, exposed for the documented worked example and for tests.
     *
     * @param request         the request (its plaintext sensitive fields are ignored).
     * @param authCodeEnc     the encrypted {@code auth_code} value, or {@code null}.
     * @param payeeAccountEnc the encrypted {@code payee_account} value, or {@code null}.
     * @return the exact body bytes.
     */
    public static byte[] body(final GmRequest request, final String authCodeEnc, final String payeeAccountEnc)
    {
        return GmJson.write((g) -> writeRequest(g, request, authCodeEnc, payeeAccountEnc));
    }

    /**
     * Verify, read, check and decrypt a received request.
     *
     * @param operation the operation named by the request path.
     * @param body      the exact bytes received.
     * @param header    the {@link GmWire#SIGNATURE_HEADER} value, or {@code null} when absent.
     * @param keys      the switch keys the wallet trusts.
     * @param ciphers   the field cipher for a merchant id, {@code null} for an unknown merchant.
     * @return the request with sensitive fields in plaintext.
     * @throws GmMessageException typed by {@link GmMessageException.Reason}.
     */
    public static GmRequest decode(
        final GmOperation operation,
        final byte[] body,
        final String header,
        final TrustedKeys keys,
        final Function<String, GmFieldCipher> ciphers) throws GmMessageException
    {
        Objects.requireNonNull(operation, "operation");
        if (null == body || body.length == 0 || body.length > GmWire.MAX_BODY_BYTES)
        {
            throw new GmMessageException(
                GmMessageException.Reason.TOO_LARGE, "length=" + (null == body ? -1 : body.length));
        }
        final String signedBy = GmSignature.verify(body, header, keys);
        final JsonNode root = GmJson.readObject(body);

        requireVersion(root);
        final String wireOperation = GmJson.text(root, "operation", true);
        if (!operation.wireName().equals(wireOperation))
        {
            throw new GmMessageException(GmMessageException.Reason.BAD_FIELD, "operation=" + wireOperation);
        }
        final String keyId = GmJson.text(root, "key_id", true);
        if (!signedBy.equals(keyId))
        {
            throw new GmMessageException(GmMessageException.Reason.UNKNOWN_KEY, "key_id=" + keyId);
        }
        final String merchantId = GmJson.text(root, "merchant_id", true);
        final String requestId = GmJson.text(root, "request_id", true);
        final Instant timestamp = parseTimestamp(GmJson.text(root, "timestamp", true));
        final JsonNode bizNode = root.get("biz");
        if (null == bizNode || bizNode.isNull())
        {
            throw new GmMessageException(GmMessageException.Reason.MISSING_FIELD, "field=biz");
        }
        if (!bizNode.isObject())
        {
            throw new GmMessageException(GmMessageException.Reason.MALFORMED, "field=biz type=not object");
        }
        final String authCodeEnc = GmJson.text(bizNode, "auth_code", false);
        final String payeeEnc = GmJson.text(bizNode, "payee_account", false);
        final GmFieldCipher cipher = null == authCodeEnc && null == payeeEnc ? null : ciphers.apply(merchantId);
        if ((null != authCodeEnc || null != payeeEnc) && null == cipher)
        {
            throw new GmMessageException(GmMessageException.Reason.BAD_FIELD, "merchant_id=" + merchantId);
        }
        final GmRequest.Biz biz = new GmRequest.Biz(
            GmJson.text(bizNode, "out_trade_no", false),
            GmJson.integer(bizNode, "amount", false),
            (int)Math.max(-1, Math.min(Integer.MAX_VALUE, GmJson.integer(bizNode, "currency", false))),
            GmJson.text(bizNode, "subject", false),
            null == authCodeEnc ? null : cipher.decrypt(requestId, authCodeEnc),
            null == payeeEnc ? null : cipher.decrypt(requestId, payeeEnc),
            GmJson.text(bizNode, "out_refund_no", false));

        final GmRequest request = new GmRequest(operation, merchantId, requestId, timestamp, keyId, biz);
        check(request);
        return request;
    }

    /**
     * Whether a request's timestamp is within the documented window of a clock reading (300 s either way);
     * a wallet answers {@code FAIL / REQUEST_EXPIRED} otherwise.
     *
     * @param request the request.
     * @param now     the wallet's clock.
     * @return {@code true} when fresh.
     */
    public static boolean isFresh(final GmRequest request, final Instant now)
    {
        return Math.abs(request.timestamp().getEpochSecond() - now.getEpochSecond()) <= 300;
    }

    /**
     * Formats a timestamp as transmitted: {@code yyyy-MM-ddTHH:mm:ssZ}, whole seconds, UTC.
     *
     * @param timestamp any instant; sub-second digits are dropped.
     * @return the text.
     */
    public static String formatTimestamp(final Instant timestamp)
    {
        return timestamp.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static void requireVersion(final JsonNode root) throws GmMessageException
    {
        final String version = GmJson.text(root, "version", true);
        if (!GmWire.VERSION.equals(version))
        {
            throw new GmMessageException(GmMessageException.Reason.BAD_FIELD, "version=" + version);
        }
    }

    static Instant parseTimestamp(final String text) throws GmMessageException
    {
        try
        {
            final Instant instant = Instant.parse(text);
            if (!formatTimestamp(instant).equals(text))
            {
                throw new GmMessageException(GmMessageException.Reason.BAD_FIELD, "timestamp=not yyyy-MM-ddTHH:mm:ssZ");
            }
            return instant;
        }
        catch (final DateTimeParseException ex)
        {
            throw new GmMessageException(GmMessageException.Reason.BAD_FIELD, "timestamp=not ISO-8601");
        }
    }

    private static void writeRequest(
        final JsonGenerator g, final GmRequest request, final String authCodeEnc, final String payeeEnc)
        throws IOException
    {
        final GmRequest.Biz biz = request.biz();
        g.writeStartObject();
        g.writeStringField("version", GmWire.VERSION);
        g.writeStringField("operation", request.operation().wireName());
        g.writeStringField("merchant_id", request.merchantId());
        g.writeStringField("request_id", request.requestId());
        g.writeStringField("timestamp", formatTimestamp(request.timestamp()));
        g.writeStringField("key_id", request.keyId());
        g.writeObjectFieldStart("biz");
        GmJson.field(g, "out_trade_no", biz.outTradeNo());
        GmJson.field(g, "out_refund_no", biz.outRefundNo());
        GmJson.field(g, "auth_code", authCodeEnc);
        GmJson.field(g, "payee_account", payeeEnc);
        if (biz.amount() >= 0)
        {
            g.writeNumberField("amount", biz.amount());
        }
        if (biz.currency() >= 0)
        {
            g.writeNumberField("currency", biz.currency());
        }
        GmJson.field(g, "subject", biz.subject());
        g.writeEndObject();
        g.writeEndObject();
    }

    static void check(final GmRequest request) throws GmMessageException
    {
        if (null == request.operation() || null == request.timestamp() || null == request.biz())
        {
            throw new GmMessageException(GmMessageException.Reason.MISSING_FIELD, "field=operation|timestamp|biz");
        }
        requireId("merchant_id", request.merchantId());
        requireId("request_id", request.requestId());
        if (null == request.keyId() || request.keyId().isEmpty())
        {
            throw new GmMessageException(GmMessageException.Reason.MISSING_FIELD, "field=key_id");
        }
        final GmRequest.Biz biz = request.biz();
        requireId("out_trade_no", biz.outTradeNo());
        final GmOperation operation = request.operation();
        final boolean needsAmount = GmOperation.QUERY != operation && GmOperation.REVERSE != operation;
        if (needsAmount)
        {
            requireAmount(biz);
        }
        if (GmOperation.PAY == operation)
        {
            requireText("subject", biz.subject(), MAX_SUBJECT_LENGTH);
            requireText("auth_code", biz.authCode(), 32);
            if (!biz.authCode().chars().allMatch((c) -> c >= '0' && c <= '9') || biz.authCode().length() < 10)
            {
                throw new GmMessageException(GmMessageException.Reason.BAD_FIELD, "auth_code=not 10-32 digits");
            }
        }
        else if (GmOperation.REFUND == operation)
        {
            requireId("out_refund_no", biz.outRefundNo());
        }
        else if (GmOperation.CREDIT == operation)
        {
            requireText("subject", biz.subject(), MAX_SUBJECT_LENGTH);
            requireText("payee_account", biz.payeeAccount(), MAX_ID_LENGTH);
        }
    }

    private static void requireAmount(final GmRequest.Biz biz) throws GmMessageException
    {
        if (biz.amount() < 0)
        {
            throw new GmMessageException(GmMessageException.Reason.MISSING_FIELD, "field=amount");
        }
        if (biz.amount() == 0 || biz.amount() > MAX_AMOUNT)
        {
            throw new GmMessageException(GmMessageException.Reason.BAD_FIELD, "amount=" + biz.amount());
        }
        if (biz.currency() < 0)
        {
            throw new GmMessageException(GmMessageException.Reason.MISSING_FIELD, "field=currency");
        }
        if (biz.currency() != GmWire.CURRENCY_CNY)
        {
            throw new GmMessageException(GmMessageException.Reason.BAD_FIELD, "currency=" + biz.currency());
        }
    }

    private static void requireText(final String name, final String value, final int maxLength)
        throws GmMessageException
    {
        if (null == value || value.isEmpty())
        {
            throw new GmMessageException(GmMessageException.Reason.MISSING_FIELD, "field=" + name);
        }
        if (value.length() > maxLength)
        {
            throw new GmMessageException(GmMessageException.Reason.BAD_FIELD, name + ".length=" + value.length());
        }
    }

    static void requireId(final String name, final String value) throws GmMessageException
    {
        requireText(name, value, MAX_ID_LENGTH);
        for (int i = 0; i < value.length(); i++)
        {
            final char c = value.charAt(i);
            final boolean ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                c == '-' || c == '_';
            if (!ok)
            {
                throw new GmMessageException(GmMessageException.Reason.BAD_FIELD, name + "=not [0-9A-Za-z_-]");
            }
        }
    }
}
