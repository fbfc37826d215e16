package io.hutong.connector.wechat;

/**
 * A merchant's WeChat Pay v2 credentials: the ids every request carries, the API key that signs, and the
 * sign type requests use (answers are verified with the same). Immutable and thread-safe; {@link #toString()}
 * never shows the key.
 *
 * @param appId    {@code appid}, at most 32 characters.
 * @param mchId    {@code mch_id}, at most 32 characters.
 * @param apiKey   the 32-character API key set in the merchant platform.
 * @param signType the signature algorithm for requests and their answers.
 */
public record WeChatMerchant(String appId, String mchId, String apiKey, WeChatSignType signType)
{
    /**
     * Validates the credentials.
     *
     * @throws IllegalArgumentException with a {@code name=value} message when a field is out of range.
     */
    public WeChatMerchant
    {
        WeChatChecks.token(WeChatFields.APPID, appId, 32);
        WeChatChecks.token(WeChatFields.MCH_ID, mchId, 32);
        if (null == apiKey || apiKey.isEmpty())
        {
            throw new IllegalArgumentException("apiKey=<empty>: must be set");
        }
        if (null == signType)
        {
            throw new IllegalArgumentException("signType=null: must be set");
        }
    }

    @Override
    public String toString()
    {
        return "WeChatMerchant[appId=" + appId + ", mchId=" + mchId + ", apiKey=***, signType=" + signType + "]";
    }
}
