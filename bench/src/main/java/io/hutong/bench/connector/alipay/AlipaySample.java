package io.hutong.bench.connector.alipay;

import io.hutong.connector.PayCommand;
import io.hutong.connector.alipay.AlipayRequest;
import io.hutong.connector.alipay.AlipayRequestEncoder;
import io.hutong.connector.alipay.AlipayResponse;
import io.hutong.connector.spi.ConnectorSettings;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The inputs of the Alipay benchmarks: a fresh 2048-bit RSA key pair for the merchant app and one for the gateway,
 * read back through {@link ConnectorSettings} from the base64 forms Alipay's console hands out, so the key objects
 * are the ones a connector built from the credentials file holds; the app's request encoder; one scanned-code
 * payment; and the gateway's signed {@code alipay.trade.pay} success answer with the fields the real gateway sends.
 * <p>
 * Immutable after construction and thread-safe.
 */
public final class AlipaySample
{
    /** The merchant app id. */
    public static final String APP_ID = "2021004123456789";
    /** Alipay's trade number in the answer. */
    public static final String TRADE_NO = "2026112922001412345678901234";
    /** The payment: order number, an Alipay code (prefix 25, 18 digits), 12.50 CNY, subject, terminal IP. */
    public static final PayCommand PAY =
        new PayCommand("HT2026112909000001234", "254012345678901234", 1250, "Hutong 测试店 - 美式咖啡 x1", "10.20.30.40");

    private final KeyPair jdkAppPair;
    private final PrivateKey appPrivateKey;
    private final PublicKey appPublicKey;
    private final PublicKey gatewayPublicKey;
    private final AlipayRequestEncoder encoder;
    private final byte[] answer;

    /**
     * Makes both key pairs, the encoder and the answer.
     *
     * @throws GeneralSecurityException never: every JDK has 2048-bit RSA.
     */
    public AlipaySample() throws GeneralSecurityException
    {
        final KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        jdkAppPair = generator.generateKeyPair();
        final KeyPair gatewayPair = generator.generateKeyPair();
        final Base64.Encoder base64 = Base64.getEncoder();
        final ConnectorSettings settings = ConnectorSettings.parse("wallets.alipay", "{" +
            "\"appPrivateKey\":\"" + base64.encodeToString(jdkAppPair.getPrivate().getEncoded()) + "\"," +
            "\"appPublicKey\":\"" + base64.encodeToString(jdkAppPair.getPublic().getEncoded()) + "\"," +
            "\"alipayPublicKey\":\"" + base64.encodeToString(gatewayPair.getPublic().getEncoded()) + "\"}");
        appPrivateKey = settings.privateKey("appPrivateKey");
        appPublicKey = settings.publicKey("appPublicKey");
        gatewayPublicKey = settings.publicKey("alipayPublicKey");
        encoder = new AlipayRequestEncoder(APP_ID, appPrivateKey, Clock.systemUTC());
        answer = AlipayResponse.writeSigned(AlipayRequest.Pay.METHOD, successFields(), gatewayPair.getPrivate());
    }

    /**
     * @return the pay request record the connector makes from {@link #PAY}.
     */
    public static AlipayRequest.Pay payRequest()
    {
        return new AlipayRequest.Pay(PAY.orderNo(), PAY.authCode(), PAY.amount(), PAY.subject());
    }

    /**
     * @return the app's private key as the connector reads it from its settings.
     */
    public PrivateKey appPrivateKey()
    {
        return appPrivateKey;
    }

    /**
     * @return the app's public key as the gateway holds it.
     */
    public PublicKey appPublicKey()
    {
        return appPublicKey;
    }

    /**
     * @return the same private key as the JDK's own key object (the baseline).
     */
    public PrivateKey jdkAppPrivateKey()
    {
        return jdkAppPair.getPrivate();
    }

    /**
     * @return the gateway's public key as the connector reads it from its settings.
     */
    public PublicKey gatewayPublicKey()
    {
        return gatewayPublicKey;
    }

    /**
     * @return the app's request encoder.
     */
    public AlipayRequestEncoder encoder()
    {
        return encoder;
    }

    /**
     * @return the gateway's signed success answer to {@link #PAY}.
     */
    public byte[] answer()
    {
        return answer;
    }

    private static Map<String, Object> successFields()
    {
        final Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("code", "10000");
        fields.put("msg", "Success");
        fields.put("trade_no", TRADE_NO);
        fields.put("out_trade_no", PAY.orderNo());
        fields.put("buyer_logon_id", "159****4821");
        fields.put("total_amount", "12.50");
        fields.put("receipt_amount", "12.50");
        fields.put("gmt_payment", "2026-11-29 17:04:05");
        fields.put("fund_bill_list", List.of(Map.of("fund_channel", "ALIPAYACCOUNT", "amount", "12.50")));
        fields.put("buyer_user_id", "2088102177846875");
        return fields;
    }
}
