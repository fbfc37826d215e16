package io.hutong.connector.unionpay;

/**
 * The signature algorithms this layer speaks, with their {@code sign_type} wire names. Every request and every
 * {@code status=0} answer is signed over the same sorted string (see {@link UnionPaySign}). Immutable and
 * thread-safe.
 */
public enum UnionPaySignType
{
    /** MD5 of {@code k=v&...&key=KEY}, upper-case hex; one key shared by merchant and gateway. The default. */
    MD5("MD5"),
    /**
     * SHA256withRSA (PKCS#1 v1.5) over {@code k=v&...}, base64; the merchant and the gateway each sign with
     * their own key pair. About 1 ms per signature with RSA-2048: keep it off the engine thread.
     */
    RSA_1_256("RSA_1_256"),
    /**
     * SM2 with SM3 (GB/T 32918, default user id {@code 1234567812345678}) over {@code k=v&...}, base64 of the
     * DER {@code SEQUENCE {r, s}}; separate key pairs like RSA. The wire name is provisional: no public source
     * names the gateway's SM2 sign type (docs/wallet-unionpay.md). About 0.4 ms per signature.
     */
    SM3WITHSM2("SM3WITHSM2");

    /** The SHA-1 RSA variant the gateway also defines; recognised only to be refused as too weak. */
    public static final String RSA_1_1 = "RSA_1_1";

    private final String wireName;

    UnionPaySignType(final String wireName)
    {
        this.wireName = wireName;
    }

    /**
     * @return the value of the {@code sign_type} field.
     */
    public String wireName()
    {
        return wireName;
    }

    /**
     * The sign type a message declares: an absent or empty {@code sign_type} means MD5, the gateway's default.
     *
     * @param wireName the {@code sign_type} value, possibly null.
     * @return the sign type, or null if it is not one this layer accepts (including {@link #RSA_1_1}).
     */
    public static UnionPaySignType fromWireName(final String wireName)
    {
        if (null == wireName || wireName.isEmpty() || MD5.wireName.equals(wireName))
        {
            return MD5;
        }
        if (RSA_1_256.wireName.equals(wireName))
        {
            return RSA_1_256;
        }
        if (SM3WITHSM2.wireName.equals(wireName))
        {
            return SM3WITHSM2;
        }
        return null;
    }
}
