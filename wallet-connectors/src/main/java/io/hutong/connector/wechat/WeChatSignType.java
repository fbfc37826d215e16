package io.hutong.connector.wechat;

/**
 * The two signature algorithms of WeChat Pay v2, with their {@code sign_type} wire names. An answer is
 * signed with the algorithm of the request it answers. Immutable and thread-safe.
 */
public enum WeChatSignType
{
    /** {@code MD5} over {@code k=v&...&key=APIKEY}, upper-hex; the default when {@code sign_type} is absent. */
    MD5("MD5"),
    /** {@code HMAC-SHA256} keyed with the API key over {@code k=v&...&key=APIKEY}, upper-hex. */
    HMAC_SHA256("HMAC-SHA256");

    private final String wireName;

    WeChatSignType(final String wireName)
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
     * The sign type a message declares: an absent or empty {@code sign_type} means MD5 (WeChat v2 default).
     *
     * @param wireName the {@code sign_type} value, possibly null.
     * @return the sign type, or null if the name is not one WeChat defines.
     */
    public static WeChatSignType fromWireName(final String wireName)
    {
        if (null == wireName || wireName.isEmpty() || MD5.wireName.equals(wireName))
        {
            return MD5;
        }
        if (HMAC_SHA256.wireName.equals(wireName))
        {
            return HMAC_SHA256;
        }
        return null;
    }
}
