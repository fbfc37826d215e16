package io.hutong.bench.connector.alipay;

import io.hutong.bench.ForkedBenchmark;
import io.hutong.connector.PayCommand;
import io.hutong.connector.WalletOperation;
import io.hutong.connector.WalletResult;
import io.hutong.connector.alipay.AlipayOutcomes;
import io.hutong.connector.alipay.AlipayRequest;
import io.hutong.connector.alipay.AlipayRequestEncoder;
import io.hutong.connector.alipay.AlipayResponse;
import io.hutong.connector.alipay.AlipayWireRequest;
import io.hutong.connector.http.WalletHttpRequest;
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
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.concurrent.TimeUnit;

/**
 * What the Alipay connector does per pay, on each side of the HTTP exchange:
 * <ul>
 *   <li>{@link #encodePay()}: {@code PayCommand} to the signed gateway POST, exactly {@code AlipayConnector.pay}:
 *       request record, {@code biz_content} JSON, system parameters and timestamp, RSA2 signature, URL-encoded
 *       query string and form body;</li>
 *   <li>{@link #decodePay()}: the gateway's signed success answer to a {@link WalletResult}: token scan for the
 *       exact signed text, JSON tree, RSA2 verification, outcome table.</li>
 * </ul>
 * One instance per benchmark thread ({@link Scope#Thread}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
public class AlipayCodecBenchmark extends ForkedBenchmark
{
    private static final String CONTENT_TYPE = "application/x-www-form-urlencoded;charset=utf-8";

    private final URI gatewayUrl = URI.create("http://127.0.0.1:18082/gateway.do");
    private final PayCommand command = AlipaySample.PAY;
    private AlipaySample sample;
    private AlipayRequestEncoder encoder;
    private PublicKey gatewayKey;
    private byte[] answer;

    /**
     * Make the keys, the encoder and the gateway's answer once per trial.
     *
     * @throws GeneralSecurityException never.
     */
    @Setup
    public void setup() throws GeneralSecurityException
    {
        sample = new AlipaySample();
        encoder = sample.encoder();
        gatewayKey = sample.gatewayPublicKey();
        answer = sample.answer();
    }

    /**
     * @return the signed POST.
     */
    @Benchmark
    public WalletHttpRequest encodePay()
    {
        final AlipayRequest request =
            new AlipayRequest.Pay(command.orderNo(), command.authCode(), command.amount(), command.subject());
        final AlipayWireRequest wire = encoder.encode(request);
        return WalletHttpRequest.post(URI.create(gatewayUrl + "?" + wire.queryString()), CONTENT_TYPE,
            wire.formBody().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @return APPROVED with Alipay's trade number (checked by {@code AlipayCodecBenchmarkTest}).
     */
    @Benchmark
    public WalletResult decodePay()
    {
        final AlipayResponse.Result result = AlipayResponse.parse(AlipayRequest.Pay.METHOD, answer, gatewayKey);
        if (!result.isOk())
        {
            return WalletResult.unknown(WalletOperation.PAY, result.failure().name(), result.detail());
        }
        final AlipayResponse response = result.response();
        return WalletResult.answered(WalletOperation.PAY, AlipayOutcomes.of(response), response.tradeNo());
    }

    /**
     * @return the inputs of the current trial, for the smoke tests.
     */
    AlipaySample sample()
    {
        return sample;
    }
}
