package io.hutong.bench.connector.unionpay;

import io.hutong.codec.sign.CodeSigner;
import io.hutong.codec.sign.CodeVerifier;
import io.hutong.codec.sign.KeyPairs;
import io.hutong.codec.sign.SignatureAlgorithm;
import io.hutong.codec.sign.TrustedKeys;
import io.hutong.connector.PayCommand;
import io.hutong.connector.unionpay.MicropayRequest;
import io.hutong.connector.unionpay.UnionPayFields;
import io.hutong.connector.unionpay.UnionPayKeys;
import io.hutong.connector.unionpay.UnionPayMerchant;
import io.hutong.connector.unionpay.UnionPayResponse;
import io.hutong.connector.unionpay.UnionPaySignType;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.LinkedHashMap;

/**
 * The inputs of the UnionPay benchmarks for one sign type: the merchant's keys (the connector's side) and the
 * gateway's (the simulated gateway's side), fresh per instance at the real sizes (a 32-character MD5 key, RSA-2048,
 * SM2); one scanned-code payment; and the gateway's signed {@code unified.trade.micropay} success answer.
 * <p>
 * Immutable after construction and thread-safe.
 */
public final class UnionPaySample
{
    /** The merchant id at the gateway. */
    public static final String MCH_ID = "755437000123";
    /** The request's {@code nonce_str}. */
    public static final String NONCE = "Kp3Xw8Rt2Zm6Qv9Lb4Nc7Hd1Fs5Gj0Ya";
    /** The gateway's transaction id in the answer. */
    public static final String TRANSACTION_ID = "755437000123202611291234567";
    /** The payment: order number, a UnionPay code (prefix 62, 19 digits), 12.50 CNY, subject, terminal IP. */
    public static final PayCommand PAY =
        new PayCommand("HT2026112909000001234", "6225000042040512345", 1250, "Hutong 测试店 - 美式咖啡 x1", "10.20.30.40");

    private static final String MD5_KEY = "9d4Fq2Lm7Wx3Rb8Tz5Hc1Vn6Kp0Sj4Ga";

    private final UnionPayMerchant merchant;
    private final UnionPayKeys gatewayKeys;
    private final byte[] answer;

    /**
     * Makes both sides' keys and the answer.
     *
     * @param signType the sign type both sides use.
     * @throws GeneralSecurityException never: every JDK has 2048-bit RSA.
     */
    public UnionPaySample(final UnionPaySignType signType) throws GeneralSecurityException
    {
        final UnionPayKeys merchantKeys;
        switch (signType)
        {
            case RSA_1_256:
            {
                final KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                final KeyPair merchantPair = generator.generateKeyPair();
                final KeyPair gatewayPair = generator.generateKeyPair();
                merchantKeys = UnionPayKeys.rsa(merchantPair.getPrivate(), gatewayPair.getPublic());
                gatewayKeys = UnionPayKeys.rsa(gatewayPair.getPrivate(), merchantPair.getPublic());
                break;
            }
            case SM3WITHSM2:
            {
                final KeyPair merchantPair = KeyPairs.generate(SignatureAlgorithm.SM2_SM3);
                final KeyPair gatewayPair = KeyPairs.generate(SignatureAlgorithm.SM2_SM3);
                merchantKeys = UnionPayKeys.sm2(CodeSigner.fromKeyPair(SignatureAlgorithm.SM2_SM3, merchantPair),
                    TrustedKeys.of(new CodeVerifier(SignatureAlgorithm.SM2_SM3, gatewayPair.getPublic())));
                gatewayKeys = UnionPayKeys.sm2(CodeSigner.fromKeyPair(SignatureAlgorithm.SM2_SM3, gatewayPair),
                    TrustedKeys.of(new CodeVerifier(SignatureAlgorithm.SM2_SM3, merchantPair.getPublic())));
                break;
            }
            default:
                merchantKeys = UnionPayKeys.md5(MD5_KEY);
                gatewayKeys = merchantKeys;
                break;
        }
        merchant = new UnionPayMerchant(MCH_ID, merchantKeys);
        answer = UnionPayResponse.Builder.ok(MCH_ID, "Tg6Yh1Uj8Ik3Ol5Pa2Sd7Fg4Hj9Kl0Zx")
            .resultOk()
            .put(UnionPayFields.PAY_RESULT, UnionPayFields.OK)
            .put(UnionPayFields.TRADE_TYPE, "pay.unionpay.micropay")
            .put(UnionPayFields.TRANSACTION_ID, TRANSACTION_ID)
            .put(UnionPayFields.OUT_TRANSACTION_ID, "10012026112917040512345678")
            .put(UnionPayFields.OUT_TRADE_NO, PAY.orderNo())
            .put(UnionPayFields.TOTAL_FEE, PAY.amount())
            .put(UnionPayFields.TIME_END, "20261129170405")
            .toXml(gatewayKeys);
    }

    /**
     * @return the micropay request record the connector makes from {@link #PAY}.
     */
    public static MicropayRequest micropay()
    {
        return new MicropayRequest(PAY.orderNo(), PAY.subject(), PAY.amount(), PAY.clientIp(), PAY.authCode());
    }

    /**
     * @return the merchant's credentials: its own key signs, the gateway's verifies.
     */
    public UnionPayMerchant merchant()
    {
        return merchant;
    }

    /**
     * @return the gateway's keys: its own key signs answers, the merchant's verifies requests.
     */
    public UnionPayKeys gatewayKeys()
    {
        return gatewayKeys;
    }

    /**
     * @return the micropay's request fields as the merchant signs them, {@code sign} last.
     */
    public LinkedHashMap<String, String> signedMicropay()
    {
        return micropay().signedParameters(merchant, NONCE);
    }

    /**
     * @return the gateway's signed success answer to {@link #PAY}.
     */
    public byte[] answer()
    {
        return answer;
    }
}
