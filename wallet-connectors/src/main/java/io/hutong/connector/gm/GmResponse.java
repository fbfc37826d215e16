package io.hutong.connector.gm;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import io.hutong.codec.sign.CodeSigner;
import io.hutong.codec.sign.TrustedKeys;

/**
 * One answer of the national-cryptography wallet interface (docs/wallet-interface-gm.md section 6), signed by the
 * wallet over the exact body bytes like a request. The answer repeats the {@code request_id} it answers, so a
 * signed answer cannot be replayed against another request.
 *
 * @param requestId  the request answered.
 * @param keyId      id of the wallet's SM2 key that signs the answer.
 * @param code       the result class.
 * @param errCode    documented error code ({@link GmOutcomes}), required with {@link Code#FAIL}, else optional.
 * @param errMsg     human-readable detail, or {@code null}.
 * @param tradeNo    the wallet's transaction id, or {@code null}.
 * @param tradeState the order's state (pay, query), or {@code null}.
 */
public record GmResponse(
    String requestId, String keyId, Code code, String errCode, String errMsg, String tradeNo, String tradeState)
{
    /**
     * Result classes; see {@link GmOutcomes} for what each means per operation.
     */
    public enum Code
    {
        /** Done; {@code trade_state} tells the order's state where the operation has one. */
        SUCCESS,
        /** Accepted, waiting for the consumer (or the wallet): query later. */
        USERPAYING,
        /** Refused for the reason in {@code err_code}; nothing was done. */
        FAIL,
        /** The wallet does not know the outcome: query (pay, credit) or call again (reverse, release). */
        SYSTEM_ERROR
    }

    /**
     * A response ready to send.
     *
     * @param body            the exact bytes to send.
     * @param signatureHeader the {@link GmWire#SIGNATURE_HEADER} value.
     */
    public record Encoded(byte[] body, String signatureHeader)
    {
    }

    /**
     * Write and sign this answer (wallet or simulator side).
     *
     * @param signer the wallet's SM2 signer; its key id must equal {@link #keyId}.
     * @return what to send.
     * @throws IllegalArgumentException when a required field is missing (a caller bug).
     */
    public Encoded encode(final CodeSigner signer)
    {
        if (null == code || null == requestId || null == keyId || (Code.FAIL == code && null == errCode))
        {
            throw new IllegalArgumentException("request_id, key_id and code required, err_code with FAIL: " + this);
        }
        if (!signer.keyId().equals(keyId))
        {
            throw new IllegalArgumentException("keyId=" + keyId + ": signer has " + signer.keyId());
        }
        final byte[] body = GmJson.write(this::write);
        return new Encoded(body, GmSignature.sign(signer, body));
    }

    /**
     * Verify and read an answer (switch side).
     *
     * @param body              the exact bytes received.
     * @param header            the {@link GmWire#SIGNATURE_HEADER} value, or {@code null} when absent.
     * @param keys              the wallet keys the switch trusts.
     * @param expectedRequestId the {@code request_id} of the request this answers.
     * @return the answer.
     * @throws GmMessageException typed by {@link GmMessageException.Reason}; a request id other than expected is
     *                            {@link GmMessageException.Reason#BAD_FIELD}.
     */
    public static GmResponse decode(
        final byte[] body, final String header, final TrustedKeys keys, final String expectedRequestId)
        throws GmMessageException
    {
        if (null == body || body.length == 0 || body.length > GmWire.MAX_BODY_BYTES)
        {
            throw new GmMessageException(
                GmMessageException.Reason.TOO_LARGE, "length=" + (null == body ? -1 : body.length));
        }
        final String signedBy = GmSignature.verify(body, header, keys);
        final JsonNode root = GmJson.readObject(body);
        GmRequestCodec.requireVersion(root);
        final String keyId = GmJson.text(root, "key_id", true);
        if (!signedBy.equals(keyId))
        {
            throw new GmMessageException(GmMessageException.Reason.UNKNOWN_KEY, "key_id=" + keyId);
        }
        final String requestId = GmJson.text(root, "request_id", true);
        if (!requestId.equals(expectedRequestId))
        {
            throw new GmMessageException(GmMessageException.Reason.BAD_FIELD, "request_id=" + requestId);
        }
        final String codeText = GmJson.text(root, "code", true);
        final Code code;
        try
        {
            code = Code.valueOf(codeText);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new GmMessageException(GmMessageException.Reason.BAD_FIELD, "code=" + codeText);
        }
        final String errCode = GmJson.text(root, "err_code", Code.FAIL == code);

        return new GmResponse(
            requestId,
            keyId,
            code,
            errCode,
            GmJson.text(root, "err_msg", false),
            GmJson.text(root, "trade_no", false),
            GmJson.text(root, "trade_state", false));
    }

    private void write(final JsonGenerator g) throws IOException
    {
        g.writeStartObject();
        g.writeStringField("version", GmWire.VERSION);
        g.writeStringField("request_id", requestId);
        g.writeStringField("key_id", keyId);
        g.writeStringField("code", code.name());
        GmJson.field(g, "err_code", errCode);
        GmJson.field(g, "err_msg", errMsg);
        GmJson.field(g, "trade_no", tradeNo);
        GmJson.field(g, "trade_state", tradeState);
        g.writeEndObject();
    }
}
