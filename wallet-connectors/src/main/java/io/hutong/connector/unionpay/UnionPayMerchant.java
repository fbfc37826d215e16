package io.hutong.connector.unionpay;

/**
 * A merchant's gateway credentials as the client (the switch's connector) holds them: the {@code mch_id} every
 * request carries and the keys that sign requests and verify answers. Immutable and thread-safe;
 * {@link #toString()} never shows key material.
 *
 * @param mchId {@code mch_id}, at most 32 printable ASCII characters.
 * @param keys  the merchant's own signing key and the gateway's verifying key.
 */
public record UnionPayMerchant(String mchId, UnionPayKeys keys)
{
    /**
     * @throws IllegalArgumentException with a {@code name=value} message when a field is out of range.
     */
    public UnionPayMerchant
    {
        UnionPayChecks.token(UnionPayFields.MCH_ID, mchId, UnionPayChecks.MAX_ID);
        if (null == keys)
        {
            throw new IllegalArgumentException("keys=null: must be set");
        }
    }

    /**
     * @return the sign type requests declare and answers must carry.
     */
    public UnionPaySignType signType()
    {
        return keys.signType();
    }

    @Override
    public String toString()
    {
        return "UnionPayMerchant[mchId=" + mchId + ", keys=" + keys + "]";
    }
}
