package io.hutong.sim.conformance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hutong.codec.sign.KeyPairs;
import io.hutong.codec.sign.SignatureAlgorithm;
import io.hutong.connector.DeclineReason;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * The UnionPay connector against the simulated UnionPay gateway, in its default sign type (SM3WITHSM2).
 */
class UnionPayConformanceTest extends SimulatedWalletConformance
{
    @Override
    protected String walletId()
    {
        return "unionpay";
    }

    /**
     * A fresh key of the configured sign type in place of the merchant's own.
     */
    @Override
    protected ObjectNode withWrongKey(final ObjectNode settings)
    {
        final String signType = settings.get("signType").asText();
        switch (signType)
        {
            case "SM3WITHSM2":
                return settings.put("sm2MerchantPrivateKey", Base64.getEncoder().encodeToString(
                    KeyPairs.generate(SignatureAlgorithm.SM2_SM3).getPrivate().getEncoded()));
            case "RSA_1_256":
                return settings.put("rsaMerchantPrivateKey", freshRsaKey());
            default:
                final byte[] key = new byte[16];
                new SecureRandom().nextBytes(key);
                return settings.put("md5Key", HexFormat.of().formatHex(key));
        }
    }

    /**
     * The gateway relays a consumer's limit as TRADE_ERROR, a risk refusal (docs/wallet-unionpay.md 6.4 has no code
     * for limits), as WeChat does.
     */
    @Override
    protected Set<DeclineReason> acceptableReasons(final String scenario)
    {
        return "limitExceeded".equals(scenario) ?
            EnumSet.of(DeclineReason.LIMIT_EXCEEDED, DeclineReason.RISK_REFUSED) : super.acceptableReasons(scenario);
    }

    private static String freshRsaKey()
    {
        try
        {
            final KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return Base64.getEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded());
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException(ex);
        }
    }
}
