package io.hutong.bench.connector.unionpay;

import io.hutong.bench.ForkedBenchmark;
import io.hutong.connector.PayCommand;
import io.hutong.connector.WalletOperation;
import io.hutong.connector.WalletResult;
import io.hutong.connector.http.WalletHttpRequest;
import io.hutong.connector.spi.Nonces;
import io.hutong.connector.unionpay.MicropayRequest;
import io.hutong.connector.unionpay.UnionPayMerchant;
import io.hutong.connector.unionpay.UnionPayMessageException;
import io.hutong.connector.unionpay.UnionPayOutcomes;
import io.hutong.connector.unionpay.UnionPayResponse;
import io.hutong.connector.unionpay.UnionPaySignType;
import io.hutong.connector.unionpay.UnionPayXml;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.net.URI;
import java.security.GeneralSecurityException;
import java.util.concurrent.TimeUnit;

/**
 * A UnionPay pay on each side of the HTTP exchange, per sign type: the message-layer steps {@code UnionPayConnector}
 * takes per pay ({@code io.hutong.connector.unionpay}), without the HTTP call:
 * <ul>
 *   <li>{@link #encodePay()}: {@code PayCommand} to the signed POST to the gateway's one endpoint: request record,
 *       fresh nonce, signed fields, XML, UTF-8;</li>
 *   <li>{@link #decodePay()}: the gateway's signed success answer to a {@link WalletResult}: StAX read, signature
 *       check with the gateway's key, merchant and order binding, outcome table.</li>
 * </ul>
 * One instance per benchmark thread ({@link Scope#Thread}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
public class UnionPayCodecBenchmark extends ForkedBenchmark
{
    private static final String CONTENT_TYPE = "text/xml; charset=utf-8";

    /** The sign type, by its {@code sign_type} wire name. */
    @Param({"MD5", "RSA_1_256", "SM3WITHSM2"})
    public String signType;

    private final URI gatewayUrl = URI.create("http://127.0.0.1:18083/pay/gateway");
    private final PayCommand command = UnionPaySample.PAY;
    private UnionPaySample sample;
    private UnionPayMerchant merchant;
    private byte[] answer;

    /**
     * Make the keys and the gateway's answer once per trial.
     *
     * @throws GeneralSecurityException never.
     */
    @Setup
    public void setup() throws GeneralSecurityException
    {
        sample = new UnionPaySample(UnionPaySignType.fromWireName(signType));
        merchant = sample.merchant();
        answer = sample.answer();
    }

    /**
     * @return the signed POST.
     */
    @Benchmark
    public WalletHttpRequest encodePay()
    {
        final MicropayRequest request = new MicropayRequest(command.orderNo(), command.subject(), command.amount(),
            command.clientIp(), command.authCode());
        return WalletHttpRequest.post(gatewayUrl, CONTENT_TYPE,
            UnionPayXml.writeUtf8(request.signedParameters(merchant, Nonces.hex32())));
    }

    /**
     * @return APPROVED with the gateway's transaction id (checked by {@code UnionPayCodecBenchmarkTest}).
     * @throws UnionPayMessageException never for the sample answer.
     */
    @Benchmark
    public WalletResult decodePay() throws UnionPayMessageException
    {
        final UnionPayResponse response = UnionPayResponse.parse(answer, merchant, command.orderNo());
        return WalletResult.answered(WalletOperation.PAY, UnionPayOutcomes.forMicropay(response),
            response.transactionId());
    }

    /**
     * @return the inputs of the current trial, for the smoke tests.
     */
    UnionPaySample sample()
    {
        return sample;
    }
}
