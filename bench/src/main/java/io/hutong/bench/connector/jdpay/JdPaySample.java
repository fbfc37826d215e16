package io.hutong.bench.connector.jdpay;

import io.hutong.connector.PayCommand;
import io.hutong.connector.jdpay.FkmPayRequest;
import io.hutong.connector.jdpay.JdPayDes;
import io.hutong.connector.jdpay.JdPayFields;
import io.hutong.connector.jdpay.JdPayKeys;
import io.hutong.connector.jdpay.JdPayRequestCodec;
import io.hutong.connector.jdpay.JdPayResponse;
import io.hutong.connector.jdpay.JdPayResultCodes;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import javax.crypto.SecretKey;

/**
 * The inputs of the JD Pay benchmarks: fresh RSA key pairs for the merchant and for JD of a given size (JD issues
 * 1024-bit keys), the merchant's 3DES key, both sides' {@link JdPayKeys}, one scanned-code payment as an
 * {@code fkmPay}, and JD's sealed success answer to it.
 * <p>
 * Immutable after construction and thread-safe.
 */
public final class JdPaySample
{
    /** JD's merchant number. */
    public static final String MERCHANT = "110000001";
    /** The store or terminal number. */
    public static final String DEVICE = "store-0042";
    /** The pay's trade time, Beijing time. */
    public static final String TRADE_TIME = "20261129170405";
    /** The payment: order number, a JD code (prefix 18, 18 digits), 12.50 CNY, subject, terminal IP. */
    public static final PayCommand PAY =
        new PayCommand("HT2026112909000001234", "180000420407051234", 1250, "Hutong 测试店 - 美式咖啡 x1", "10.20.30.40");

    private static final String DES_KEY = "Qz4mWx8RtLb2Nc6Hd0Fs3Gj7Kp1Vy5Ua";

    private final JdPayKeys merchantKeys;
    private final JdPayKeys jdKeys;
    private final byte[] answer;

    /**
     * Makes the keys and JD's answer.
     *
     * @param keyBits the RSA modulus size of both key pairs.
     * @throws GeneralSecurityException never for 1024 or 2048 bits.
     */
    public JdPaySample(final int keyBits) throws GeneralSecurityException
    {
        final KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(keyBits);
        final KeyPair merchantPair = generator.generateKeyPair();
        final KeyPair jdPair = generator.generateKeyPair();
        final SecretKey desKey = JdPayDes.key(DES_KEY);
        merchantKeys = new JdPayKeys(MERCHANT, desKey, merchantPair.getPrivate(), jdPair.getPublic());
        jdKeys = new JdPayKeys(MERCHANT, desKey, jdPair.getPrivate(), merchantPair.getPublic());
        answer = JdPayResponse.Builder.success(MERCHANT)
            .put(JdPayFields.TRADE_NUM, PAY.orderNo())
            .put(JdPayFields.AMOUNT, PAY.amount())
            .put(JdPayFields.CURRENCY, JdPayFields.CNY)
            .put(JdPayFields.TRADE_TIME, TRADE_TIME)
            .put(JdPayFields.NOTE, "")
            .put(JdPayFields.STATUS, JdPayResultCodes.PAY_SUCCESS)
            .build(jdKeys);
    }

    /**
     * @return the {@code fkmPay} the connector makes from {@link #PAY}.
     */
    public static FkmPayRequest fkmPay()
    {
        return new FkmPayRequest(PAY.authCode(), DEVICE, PAY.orderNo(), PAY.subject(), null, TRADE_TIME, PAY.amount(),
            null, null);
    }

    /**
     * @return the merchant's keys (the connector's side).
     */
    public JdPayKeys merchantKeys()
    {
        return merchantKeys;
    }

    /**
     * @return JD's keys (the wallet's side).
     */
    public JdPayKeys jdKeys()
    {
        return jdKeys;
    }

    /**
     * @return the unsigned inner XML of {@link #fkmPay()}.
     */
    public static String innerXml()
    {
        return JdPayRequestCodec.innerXml(fkmPay(), MERCHANT);
    }

    /**
     * @return JD's sealed success answer to {@link #PAY}.
     */
    public byte[] answer()
    {
        return answer;
    }
}
