package io.hutong.bench.connector.gm;

import io.hutong.bench.ForkedBenchmark;
import io.hutong.connector.WalletOperation;
import io.hutong.connector.WalletResult;
import io.hutong.connector.gm.GmClient;
import io.hutong.connector.gm.GmOperation;
import io.hutong.connector.gm.GmWire;
import io.hutong.connector.http.WalletHttpRequest;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * What the GM connector (Bestpay, Hebao, Wo) does per pay, on each side of the HTTP exchange:
 * <ul>
 *   <li>{@link #encodePay()}: {@code PayCommand} to the signed POST, exactly {@code GmConnector.pay}: a fresh
 *       request id, SM4-GCM of the code, compact JSON, SM2 signature header;</li>
 *   <li>{@link #decodePay()}: the wallet's signed success answer to a {@link WalletResult}: size, SM2
 *       verification over the raw bytes, JSON, request-id binding, outcome table ({@code GmClient.decode}).</li>
 * </ul>
 * One instance per benchmark thread ({@link Scope#Thread}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
public class GmCodecBenchmark extends ForkedBenchmark
{
    private GmSample sample;
    private GmClient client;
    private byte[] answer;
    private HttpHeaders answerHeaders;

    /**
     * Make the keys, the client and the wallet's answer once per trial.
     */
    @Setup
    public void setup()
    {
        sample = new GmSample();
        client = sample.client();
        answer = sample.answer().body();
        answerHeaders = new DefaultHttpHeaders()
            .add("Content-Type", GmWire.CONTENT_TYPE)
            .add(GmWire.SIGNATURE_HEADER, sample.answer().signatureHeader());
    }

    /**
     * @return the signed POST.
     */
    @Benchmark
    public WalletHttpRequest encodePay()
    {
        return client.encode(GmOperation.PAY, client.newRequestId(), GmSample.payBiz());
    }

    /**
     * @return APPROVED with the wallet's transaction id (checked by {@code GmCodecBenchmarkTest}).
     */
    @Benchmark
    public WalletResult decodePay()
    {
        return client.decode(WalletOperation.PAY, GmOperation.PAY, GmSample.REQUEST_ID, answerHeaders, answer);
    }

    /**
     * @return the inputs of the current trial, for the smoke tests.
     */
    GmSample sample()
    {
        return sample;
    }
}
