package io.hutong.connector.jdpay;

/**
 * Element names and fixed values of JD Pay V2.0 messages (docs/wallet-jdpay.md section 5). Names are JD's,
 * case-sensitive (note {@code oTradeNum}). Constants only.
 */
public final class JdPayFields
{
    /** The only interface version this layer speaks. */
    public static final String V2 = "V2.0";
    /** The only currency JD's barcode payments take. */
    public static final String CNY = "CNY";

    /** Interface version, outer and inner. */
    public static final String VERSION = "version";
    /** Merchant number, outer and inner. */
    public static final String MERCHANT = "merchant";
    /** The encrypted inner XML (outer envelope only). */
    public static final String ENCRYPT = "encrypt";
    /** Answer result container: {@code code} and {@code desc}. */
    public static final String RESULT = "result";
    /** Result code inside {@code result}. */
    public static final String CODE = "code";
    /** Result description inside {@code result}. */
    public static final String DESC = "desc";
    /** The signature, last child of the inner root. */
    public static final String SIGN = "sign";

    /** Payment code scanned from the consumer (付款码). */
    public static final String TOKEN = "token";
    /** Store or device number (门店号/设备号). */
    public static final String DEVICE = "device";
    /** The merchant's trade number of this request (交易流水号). */
    public static final String TRADE_NUM = "tradeNum";
    /** The trade number of the original payment (原交易流水号), for revoke, refund and refund queries. */
    public static final String O_TRADE_NUM = "oTradeNum";
    /** Goods or trade name. */
    public static final String TRADE_NAME = "tradeName";
    /** Trade description. */
    public static final String TRADE_DESC = "tradeDesc";
    /** Trade time, {@code yyyyMMddHHmmss}, Beijing time. */
    public static final String TRADE_TIME = "tradeTime";
    /** Amount in fen. */
    public static final String AMOUNT = "amount";
    /** Currency, {@code CNY}. */
    public static final String CURRENCY = "currency";
    /** Merchant note, echoed in answers. */
    public static final String NOTE = "note";
    /** Asynchronous notification URL. */
    public static final String NOTIFY_URL = "notifyUrl";
    /** Query: {@code 0} a payment, {@code 1} a refund. */
    public static final String TRADE_TYPE = "tradeType";
    /** Trade status in answers ({@link JdPayResultCodes}). */
    public static final String STATUS = "status";
    /** Query answers: the list of payment parts. */
    public static final String PAY_LIST = "payList";
    /** One item of {@code payList}. */
    public static final String PAY = "pay";
    /** Funding source of a {@code pay} item (0 card, 1 Baitiao credit, 2 balance, 3 coupon, 5 Xiaojinku). */
    public static final String PAY_TYPE = "payType";

    private JdPayFields()
    {
    }
}
