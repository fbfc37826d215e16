package io.hutong.connector.gm;

/**
 * A national-cryptography wallet message that could not be read, trusted or decrypted. Checked, so every caller
 * decides what an unusable message means: a connector treats an unusable answer as {@code UNKNOWN}, a wallet (or
 * the simulator) answers {@code FAIL} with the {@link Reason#errCode()} of the reason.
 * <p>
 * The message never echoes input beyond field names: bodies carry encrypted card-like data.
 */
public final class GmMessageException extends Exception
{
    private static final long serialVersionUID = 1L;

    /**
     * Why a message was refused, each with the documented {@code err_code} a wallet answers for it.
     */
    public enum Reason
    {
        /** Empty or larger than {@link GmWire#MAX_BODY_BYTES}. */
        TOO_LARGE("INVALID_REQUEST"),
        /** Not one JSON object, not UTF-8, or a field of the wrong JSON type. */
        MALFORMED("INVALID_REQUEST"),
        /** A field the message must carry is absent or empty. */
        MISSING_FIELD("INVALID_REQUEST"),
        /** A field is present but outside its domain (version, operation, amount, currency, timestamp...). */
        BAD_FIELD("INVALID_REQUEST"),
        /** No {@code X-Hutong-Signature} header, or the header is not {@code keyId=...,sig=...}. */
        MISSING_SIGNATURE("SIGN_INVALID"),
        /** The header's key id is not trusted, or differs from the body's {@code key_id}. */
        UNKNOWN_KEY("SIGN_INVALID"),
        /** The signature does not verify over the exact body bytes. */
        BAD_SIGNATURE("SIGN_INVALID"),
        /** An encrypted field is not base64 of {@code iv || ciphertext || tag}, or is too short. */
        BAD_CIPHERTEXT("DECRYPT_FAILED"),
        /** SM4-GCM authentication failed: wrong key, IV, AAD (request id) or tag, or altered ciphertext. */
        DECRYPT_FAILED("DECRYPT_FAILED");

        private final String errCode;

        Reason(final String errCode)
        {
            this.errCode = errCode;
        }

        /**
         * @return the documented {@code err_code} a wallet answers with {@code code=FAIL} for this reason.
         */
        public String errCode()
        {
            return errCode;
        }
    }

    private final Reason reason;

    /**
     * @param reason  why the message was refused.
     * @param message detail in {@code name=value} form.
     */
    public GmMessageException(final Reason reason, final String message)
    {
        super("reason=" + reason + " " + message);
        this.reason = reason;
    }

    /**
     * @param reason  why the message was refused.
     * @param message detail in {@code name=value} form.
     * @param cause   the parser's or cipher's exception.
     */
    public GmMessageException(final Reason reason, final String message, final Throwable cause)
    {
        super("reason=" + reason + " " + message, cause);
        this.reason = reason;
    }

    /**
     * @return why the message was refused.
     */
    public Reason reason()
    {
        return reason;
    }
}
