package io.hutong.codec.classify;

import io.hutong.codec.card.MerchantCodeCard;
import io.hutong.codec.emv.cpm.CpmApplication;
import io.hutong.codec.emv.cpm.CpmEncoder;
import io.hutong.codec.registry.WalletRegistry;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Sample codes of every format shared by the classifier tests. Constants and stateless helpers; thread-safe.
 */
final class ClassifierSamples
{
    /** The seven participants, in registry order. */
    static final List<String> ALL_WALLETS =
        List.of("wechat", "alipay", "unionpay", "jdpay", "bestpay", "cmpay", "wopay");

    /** EMVCo MPM v1.1 specification example: no account routes to a participant. */
    static final String EMVCO_SPEC =
        "00020101021229300012D156000000000510A93FO3230Q31280012D15600000001030812345678520441115802CN" +
        "5914BEST TRANSPORT6007BEIJING64200002ZH0104最佳运输0202北京540523.7253031565502016233030412340603***" +
        "0708A60086670902ME91320016A0112233449988770708123456786304A13A";

    /** Banco Central do Brasil's Pix example. */
    static final String PIX =
        "00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-4266554400005204000053039865802BR" +
        "5913Fulano de Tal6008BRASILIA62070503***63041D3D";

    /** SGQR specification example: UnionPay primitive ID 15 and WeChat Pay's GUI at template 34. */
    static final String SGQR =
        "00020101021102164761360000000*1704155123456789123451110123456789012153123456789012341531250003440001" +
        "034450003445311000126330015SG.COM.DASH.WWW0110000005550127670014A00000076200010120COM.LQDPALLIANCE.WWW" +
        "021512345678901234503020028660011SG.COM.OCBC0147OCBCP2P629A358D-ECE7-4554-AD56-EBD12D84CA7E4F7329500006" +
        "SG.EZI013603600006-76bb-4a5a-aa1a-fbcb64d6ecf530850013SG.COM.EZLINK01201234567890123456-1230204SGQR0324" +
        "A123456,B123456,C12345670404A23X31260008COM.GRAB0110A93FO3230Q32390007COM.DBS0110123456789002101234567890" +
        "33900011SG.COM.NETS01230201401832831128823590002150001118703240000308885872010901199084E5DC3D834430017" +
        "COM.QQ.WEIXIN.PAY011012345678900204123435660010SG.COM.UOB014845D233507F5E8C306E3871A4E9FACA601A80C114B5" +
        "645E5D36840009SG.PAYNOW010120216+621234567890123030100408209912310525123456789012345678901234537270009" +
        "SG.AIRPAY0110A11BC0000X51860007SG.SGQR0112180307510317020701.0003030608100604020205031380609Counter01" +
        "070820180407520458145303702580" +
        "2SG5916FOOD XYZ PTE LTD6009SINGAPORE6106081006626001081234567R0607876543050330015SG.COM.DASH.WWW0110000" +
        "005550263045E8D";

    /** EMV QRCPS CPM v1.1 example 1 (AID A0000000555555: no participant). */
    static final String CPM_SPEC_EXAMPLE_1 = "hQVDUFYwMWEaTwegAAAAVVVVVw8SNFZ4kBI0WNGRIgESNF8=";

    /** UnionPay credit application identifier. */
    static final String UNIONPAY_AID = "A000000333010101";

    static final String WECHAT_NUMERIC = "134567890123456789";
    static final String CMPAY_NUMERIC = "801234567890123456";

    private ClassifierSamples()
    {
    }

    /**
     * @return a card a merchant enrolled with every participant would print.
     */
    static MerchantCodeCard allWalletsCard()
    {
        return new MerchantCodeCard("M000123456", "老王面馆 Lao Wang", "北京", "CN", "5812", "156", null, ALL_WALLETS);
    }

    static String allWalletsPayload(final WalletRegistry registry)
    {
        return allWalletsCard().toPayload(registry).encode();
    }

    /**
     * @return binary BER-TLV of a consumer code of a UnionPay card.
     */
    static byte[] unionPayCpmBytes()
    {
        return new CpmEncoder()
            .withApplication(CpmApplication.of(hex(UNIONPAY_AID)).withLabel("UnionPay").withPan("6212345678901234567"))
            .encodeBytes();
    }

    static String unionPayCpmText()
    {
        return java.util.Base64.getEncoder().encodeToString(unionPayCpmBytes());
    }

    static UnsafeBuffer utf8(final String text)
    {
        return new UnsafeBuffer(text.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] hex(final String hex)
    {
        final byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++)
        {
            bytes[i] = (byte)Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }
}
