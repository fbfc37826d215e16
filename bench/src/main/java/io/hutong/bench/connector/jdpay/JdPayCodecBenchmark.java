package io.hutong.bench.connector.jdpay;

import io.hutong.bench.ForkedBenchmark;
import io.hutong.connector.PayCommand;
import io.hutong.connector.WalletOperation;
import io.hutong.connector.WalletResult;
import io.hutong.connector.http.WalletHttpRequest;
import io.hutong.connector.jdpay.FkmPayRequest;
import io.hutong.connector.jdpay.JdPayDes;
import io.hutong.connector.jdpay.JdPayKeys;
import io.hutong.connector.jdpay.JdPayMessageException;
import io.hutong.connector.jdpay.JdPayOperation;
import io.hutong.connector.jdpay.JdPayOutcomes;
import io.hutong.connector.jdpay.JdPayRequestCodec;
import io.hutong.connector.jdpay.JdPayResponse;
import io.hutong.connector.jdpay.JdPaySign;
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
import java.security.GeneralSecurityException;
import java.util.concurrent.TimeUnit;

/**
 * A JD Pay {@code fkmPay} on each side of the HTTP exchange, with JD's 1024-bit keys: the message-layer steps
 * {@code JdPayConnector} takes per pay ({@code io.hutong.connector.jdpay}), without the HTTP call:
 * <ul>
 *   <li>{@link #encodePay()}: {@code PayCommand} to the POST: request record, inner XML, SHA-256 + RSA signature,
 *       3DES, base64 of hex, envelope ({@link JdPayRequestCodec#encode});</li>
 *   <li>{@link #decodePay()}: JD's sealed success answer to a {@link WalletResult}: envelope, 3DES, StAX, RSA
 *       verification, outcome table ({@link JdPayResponse#parse});</li>
 *   <li>{@link #desEncrypt()} and {@link #desDecrypt()}: the 3DES-ECB layer alone on the signed inner XML.</li>
 * </ul>
 * One instance per benchmark thread ({@link Scope#Thread}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
public class JdPayCodecBenchmark extends ForkedBenchmark
{
    private static final String CONTENT_TYPE = "application/xml; charset=utf-8";

    private final URI baseUrl = URI.create("http://127.0.0.1:18084");
    private final PayCommand command = JdPaySample.PAY;
    private JdPaySample sample;
    private JdPayKeys keys;
    private byte[] answer;
    private String signedInner;
    private String encrypted;

    /**
     * Make the keys and JD's answer once per trial.
     *
     * @throws GeneralSecurityException never.
     */
    @Setup
    public void setup() throws GeneralSecurityException
    {
        sample = new JdPaySample(1024);
        keys = sample.merchantKeys();
        answer = sample.answer();
        final String unsigned = JdPaySample.innerXml();
        signedInner = JdPaySign.withSign(unsigned, JdPaySign.sign(unsigned, keys.ownPrivateKey()));
        encrypted = JdPayDes.encrypt(signedInner, keys.desKey());
    }

    /**
     * @return the sealed POST.
     */
    @Benchmark
    public WalletHttpRequest encodePay()
    {
        final FkmPayRequest request = new FkmPayRequest(command.authCode(), JdPaySample.DEVICE, command.orderNo(),
            command.subject(), null, JdPaySample.TRADE_TIME, command.amount(), null, null);
        return WalletHttpRequest.post(baseUrl.resolve(baseUrl.getPath() + request.operation().path()), CONTENT_TYPE,
            JdPayRequestCodec.encode(request, keys));
    }

    /**
     * @return APPROVED with JD's trade number (checked by {@code JdPayCodecBenchmarkTest}).
     * @throws JdPayMessageException never for the sample answer.
     */
    @Benchmark
    public WalletResult decodePay() throws JdPayMessageException
    {
        final JdPayResponse response = JdPayResponse.parse(JdPayOperation.FKM_PAY, answer, keys);
        return WalletResult.answered(WalletOperation.PAY, JdPayOutcomes.DEFAULT.forPay(response), response.tradeNum());
    }

    /**
     * @return the {@code encrypt} value.
     */
    @Benchmark
    public String desEncrypt()
    {
        return JdPayDes.encrypt(signedInner, keys.desKey());
    }

    /**
     * @return the signed inner XML.
     * @throws JdPayMessageException never for the sample.
     */
    @Benchmark
    public String desDecrypt() throws JdPayMessageException
    {
        return JdPayDes.decrypt(encrypted, keys.desKey());
    }

    /**
     * @return the inputs of the current trial, for the smoke tests.
     */
    JdPaySample sample()
    {
        return sample;
    }
}
