package io.hutong.bench.connector.wechat;

import io.hutong.connector.PayCommand;
import io.hutong.connector.wechat.MicropayRequest;
import io.hutong.connector.wechat.WeChatFields;
import io.hutong.connector.wechat.WeChatMerchant;
import io.hutong.connector.wechat.WeChatResponse;
import io.hutong.connector.wechat.WeChatSignType;

import java.util.LinkedHashMap;

/**
 * The inputs of the WeChat benchmarks: one merchant, one scanned-code payment as the switch hands it to the
 * connector, and the success answer the simulated WeChat wallet writes for it (the same fields as
 * {@code io.hutong.sim.wechat.WeChatOperations} puts in a paid micropay answer). Made-up values of real shape:
 * an 18-digit code, a subject with Chinese text, a 28-character WeChat transaction id.
 * <p>
 * Stateless and thread-safe; every method returns a new object.
 */
public final class WeChatSample
{
    /** The merchant's API key: 32 characters, as the merchant platform sets it. */
    public static final String API_KEY = "Hx7Qm2Lr9Vb4Tn6Kc8Pz3Wd5Sy1Fj0Ga";
    /** The micropay's {@code nonce_str}, fixed so that signatures are comparable across runs. */
    public static final String NONCE = "5K8264ILTKCH16CQ2502SI8ZNMTM67VS";
    /** WeChat's transaction id in the answer. */
    public static final String TRANSACTION_ID = "4200001234202611290000012345";

    /** The payment: order number, scanned code, 12.50 CNY, subject, terminal IP. */
    public static final PayCommand PAY =
        new PayCommand("HT2026112909000001234", "134567890123456789", 1250, "Hutong 测试店 - 美式咖啡 x1", "10.20.30.40");

    private WeChatSample()
    {
    }

    /**
     * @param signType how requests and answers are signed.
     * @return the merchant.
     */
    public static WeChatMerchant merchant(final WeChatSignType signType)
    {
        return new WeChatMerchant("wx3f1c2a9b8d7e6f50", "1900012345", API_KEY, signType);
    }

    /**
     * @param merchant the merchant.
     * @return the micropay's request fields as the connector signs them, {@code sign} last.
     */
    public static LinkedHashMap<String, String> signedMicropay(final WeChatMerchant merchant)
    {
        return new MicropayRequest(PAY.subject(), PAY.orderNo(), PAY.amount(), PAY.clientIp(), PAY.authCode())
            .signedParameters(merchant, NONCE);
    }

    /**
     * @param merchant the merchant; its sign type signs the answer.
     * @return the paid micropay answer as the simulated wallet sends it.
     */
    public static byte[] successAnswer(final WeChatMerchant merchant)
    {
        return WeChatResponse.Builder.success(merchant, "Zq3Jd8Rk2Wm5Tx7Nb4Vc6Hs9Lp1Gf0Ay")
            .resultSuccess()
            .put("openid", "osim_c000042")
            .put("is_subscribe", "N")
            .put("trade_type", "MICROPAY")
            .put("bank_type", "OTHERS")
            .put("fee_type", "CNY")
            .put(WeChatFields.TOTAL_FEE, PAY.amount())
            .put("cash_fee", PAY.amount())
            .put(WeChatFields.TRANSACTION_ID, TRANSACTION_ID)
            .put(WeChatFields.OUT_TRADE_NO, PAY.orderNo())
            .put("time_end", "20261129170405")
            .toXml(merchant.signType(), merchant.apiKey());
    }
}
