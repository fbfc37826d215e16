package io.hutong.bench.connector.wechat;

import com.github.wxpay.sdk.WXPayConstants;
import com.github.wxpay.sdk.WXPayUtil;
import io.hutong.bench.ForkedBenchmark;
import io.hutong.connector.wechat.WeChatMerchant;
import io.hutong.connector.wechat.WeChatSign;
import io.hutong.connector.wechat.WeChatSignType;
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

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The WeChat Pay v2 signature over a micropay's ten request fields, with MD5 and with HMAC-SHA256:
 * <ul>
 *   <li>{@link #sign()} and {@link #verify()}: {@link WeChatSign}, the whole job (sort, join, trim, hash, hex);</li>
 *   <li>{@link #peerSign()} and {@link #peerVerify()}: the official WeChat Pay Java SDK
 *       ({@code com.github.wxpay:wxpay-sdk:0.0.3}, {@code WXPayUtil}) doing the same job;</li>
 *   <li>{@link #jdkDigestOnly()}: the JDK baseline, only the hash of the already-built string with a reused
 *       {@code MessageDigest} or {@code Mac}: the floor under both.</li>
 * </ul>
 * One instance per benchmark thread ({@link Scope#Thread}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
public class WeChatSignBenchmark extends ForkedBenchmark
{
    /** The sign type, by its {@code sign_type} wire name. */
    @Param({"MD5", "HMAC-SHA256"})
    public String signType;

    private WeChatMerchant merchant;
    private LinkedHashMap<String, String> signed;
    private WXPayConstants.SignType peerSignType;
    private byte[] stringToSign;
    private MessageDigest md5;
    private Mac hmac;

    /**
     * Build the merchant and the signed micropay once per trial.
     *
     * @throws GeneralSecurityException never: MD5 and HmacSHA256 are in every JDK.
     */
    @Setup
    public void setup() throws GeneralSecurityException
    {
        final WeChatSignType type = WeChatSignType.fromWireName(signType);
        merchant = WeChatSample.merchant(type);
        signed = WeChatSample.signedMicropay(merchant);
        peerSignType = WeChatSignType.MD5 == type ? WXPayConstants.SignType.MD5 : WXPayConstants.SignType.HMACSHA256;
        stringToSign = WeChatSign.stringToSign(signed, WeChatSample.API_KEY).getBytes(StandardCharsets.UTF_8);
        md5 = MessageDigest.getInstance("MD5");
        hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(WeChatSample.API_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    }

    /**
     * @return the upper-hex signature.
     */
    @Benchmark
    public String sign()
    {
        return WeChatSign.sign(signed, merchant.signType(), merchant.apiKey());
    }

    /**
     * @return true (checked by {@code WeChatSignBenchmarkTest}).
     */
    @Benchmark
    public boolean verify()
    {
        return WeChatSign.verify(signed, merchant.signType(), merchant.apiKey());
    }

    /**
     * @return the peer's upper-hex signature, equal to ours.
     * @throws Exception as the SDK declares.
     */
    @Benchmark
    public String peerSign() throws Exception
    {
        return WXPayUtil.generateSignature(signed, WeChatSample.API_KEY, peerSignType);
    }

    /**
     * @return true.
     * @throws Exception as the SDK declares.
     */
    @Benchmark
    public boolean peerVerify() throws Exception
    {
        return WXPayUtil.isSignatureValid(signed, WeChatSample.API_KEY, peerSignType);
    }

    /**
     * @return the raw digest of the string to sign.
     */
    @Benchmark
    public byte[] jdkDigestOnly()
    {
        return peerSignType == WXPayConstants.SignType.MD5 ? md5.digest(stringToSign) : hmac.doFinal(stringToSign);
    }
}
