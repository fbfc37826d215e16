package io.hutong.bench.connector.wechat;

import com.github.wxpay.sdk.WXPayConstants;
import com.github.wxpay.sdk.WXPayUtil;
import io.hutong.bench.ForkedBenchmark;
import io.hutong.connector.PayCommand;
import io.hutong.connector.WalletOperation;
import io.hutong.connector.WalletResult;
import io.hutong.connector.http.WalletHttpRequest;
import io.hutong.connector.spi.Nonces;
import io.hutong.connector.wechat.MicropayRequest;
import io.hutong.connector.wechat.WeChatMerchant;
import io.hutong.connector.wechat.WeChatMessageException;
import io.hutong.connector.wechat.WeChatOutcomes;
import io.hutong.connector.wechat.WeChatResponse;
import io.hutong.connector.wechat.WeChatSignType;
import io.hutong.connector.wechat.WeChatXml;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the WeChat connector does per pay, on each side of the HTTP exchange, signed HMAC-SHA256 (the simulated
 * wallet's and the SDK's default for new merchants):
 * <ul>
 *   <li>{@link #encodePay()}: {@code PayCommand} to the signed {@code pay/micropay} request, exactly the steps of
 *       {@code WeChatConnector.pay}: request record, fresh nonce, signed fields, XML, UTF-8, the POST;</li>
 *   <li>{@link #decodePay()}: the simulated wallet's paid answer to a {@link WalletResult}: StAX read, signature
 *       check, outcome table;</li>
 *   <li>{@link #peerEncodePay()} and {@link #peerDecodePay()}: the official WeChat Pay Java SDK's
 *       {@code generateSignedXml} and {@code xmlToMap + isSignatureValid} (DOM) doing the same.</li>
 * </ul>
 * One instance per benchmark thread ({@link Scope#Thread}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
public class WeChatCodecBenchmark extends ForkedBenchmark
{
    private static final String CONTENT_TYPE = "text/xml; charset=utf-8";

    private final URI baseUrl = URI.create("http://127.0.0.1:18081");
    private final PayCommand command = WeChatSample.PAY;
    private WeChatMerchant merchant;
    private byte[] answer;
    private String answerText;
    private Map<String, String> peerRequest;

    /**
     * Build the merchant and the wallet's answer once per trial.
     */
    @Setup
    public void setup()
    {
        merchant = WeChatSample.merchant(WeChatSignType.HMAC_SHA256);
        answer = WeChatSample.successAnswer(merchant);
        answerText = new String(answer, StandardCharsets.UTF_8);
        final LinkedHashMap<String, String> unsigned = WeChatSample.signedMicropay(merchant);
        unsigned.remove("sign");
        peerRequest = unsigned;
    }

    /**
     * @return the signed POST.
     */
    @Benchmark
    public WalletHttpRequest encodePay()
    {
        final LinkedHashMap<String, String> fields = new MicropayRequest(command.subject(), command.orderNo(),
            command.amount(), command.clientIp(), command.authCode()).signedParameters(merchant, Nonces.hex32());
        return WalletHttpRequest.post(baseUrl.resolve(baseUrl.getPath() + "/pay/micropay"), CONTENT_TYPE,
            WeChatXml.writeUtf8(fields));
    }

    /**
     * @return APPROVED with WeChat's transaction id (checked by {@code WeChatCodecBenchmarkTest}).
     * @throws WeChatMessageException never for the sample answer.
     */
    @Benchmark
    public WalletResult decodePay() throws WeChatMessageException
    {
        final WeChatResponse response = WeChatResponse.parse(answer, merchant);
        return WalletResult.answered(WalletOperation.PAY, WeChatOutcomes.forMicropay(response), response.transactionId());
    }

    /**
     * The SDK signs the fields it is given and writes them; the fresh nonce is the caller's, as with ours.
     *
     * @return the signed XML text.
     * @throws Exception as the SDK declares.
     */
    @Benchmark
    public String peerEncodePay() throws Exception
    {
        final Map<String, String> fields = new LinkedHashMap<>(peerRequest);
        fields.put("nonce_str", WXPayUtil.generateNonceStr());
        return WXPayUtil.generateSignedXml(fields, WeChatSample.API_KEY, WXPayConstants.SignType.HMACSHA256);
    }

    /**
     * @return the answer's fields after the signature checked out, else null.
     * @throws Exception as the SDK declares.
     */
    @Benchmark
    public Map<String, String> peerDecodePay() throws Exception
    {
        final Map<String, String> fields = WXPayUtil.xmlToMap(answerText);
        return WXPayUtil.isSignatureValid(fields, WeChatSample.API_KEY, WXPayConstants.SignType.HMACSHA256) ?
            fields : null;
    }
}
