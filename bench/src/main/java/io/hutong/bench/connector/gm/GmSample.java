package io.hutong.bench.connector.gm;

import io.hutong.codec.sign.CodeSigner;
import io.hutong.codec.sign.CodeVerifier;
import io.hutong.codec.sign.KeyPairs;
import io.hutong.codec.sign.SignatureAlgorithm;
import io.hutong.codec.sign.TrustedKeys;
import io.hutong.connector.PayCommand;
import io.hutong.connector.gm.GmClient;
import io.hutong.connector.gm.GmFieldCipher;
import io.hutong.connector.gm.GmOperation;
import io.hutong.connector.gm.GmRequest;
import io.hutong.connector.gm.GmRequestCodec;
import io.hutong.connector.gm.GmResponse;

import java.net.URI;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;

/**
 * The inputs of the GM interface benchmarks (docs/wallet-interface-gm.md), laid out as the simulated Bestpay
 * wallet lays out its own ({@code io.hutong.sim.gm.GmKeys}): a fresh SM2 key pair for the switch and one for the
 * wallet, a random SM4 key, the switch's {@link GmClient}, a real signed pay request body, and the wallet's signed
 * success answer to it. Keys are made per instance, so every trial signs with fresh keys of the real size.
 * <p>
 * Immutable after construction and thread-safe (every part it holds is).
 */
public final class GmSample
{
    /** The switch's merchant id at the wallet. */
    public static final String MERCHANT_ID = "hutong-bestpay";
    /** The id of the switch's signing key. */
    public static final String SWITCH_KEY_ID = "hutong-sw-bestpay";
    /** The id of the wallet's signing key. */
    public static final String WALLET_KEY_ID = "bestpay-01";
    /** The request id of the sample request, echoed by the answer. */
    public static final String REQUEST_ID = "9f0c2d4e6a8b4c1d3e5f7a9b1c3d5e7f";
    /** The wallet's transaction id in the answer. */
    public static final String TRADE_NO = "BP26112917040500000000012345";
    /** The payment: order number, a Bestpay code (prefix 51, 18 digits), 12.50 CNY, subject, terminal IP. */
    public static final PayCommand PAY =
        new PayCommand("HT2026112909000001234", "510000420407051234", 1250, "Hutong 测试店 - 美式咖啡 x1", "10.20.30.40");

    private final CodeSigner switchSigner;
    private final CodeSigner walletSigner;
    private final TrustedKeys switchKeys;
    private final TrustedKeys walletKeys;
    private final GmFieldCipher cipher;
    private final GmClient client;
    private final GmRequestCodec.Encoded request;
    private final GmResponse.Encoded answer;

    /**
     * Makes the keys, the request and the answer.
     */
    public GmSample()
    {
        final KeyPair switchPair = KeyPairs.generate(SignatureAlgorithm.SM2_SM3);
        final KeyPair walletPair = KeyPairs.generate(SignatureAlgorithm.SM2_SM3);
        switchSigner = new CodeSigner(SignatureAlgorithm.SM2_SM3, SWITCH_KEY_ID, switchPair.getPrivate());
        walletSigner = new CodeSigner(SignatureAlgorithm.SM2_SM3, WALLET_KEY_ID, walletPair.getPrivate());
        switchKeys = TrustedKeys.of(new CodeVerifier(SignatureAlgorithm.SM2_SM3, SWITCH_KEY_ID, switchPair.getPublic()));
        walletKeys = TrustedKeys.of(new CodeVerifier(SignatureAlgorithm.SM2_SM3, WALLET_KEY_ID, walletPair.getPublic()));
        cipher = new GmFieldCipher(new byte[] {
            0x3c, 0x11, 0x7a, 0x52, 0x0e, (byte)0x9d, 0x44, 0x68, (byte)0xb1, 0x27, (byte)0xf3, 0x05, 0x6e, 0x18,
            (byte)0xa9, 0x40});
        client = new GmClient(URI.create("http://127.0.0.1:18085"), MERCHANT_ID, switchSigner, walletKeys, cipher,
            Clock.systemUTC());
        request = GmRequestCodec.encode(new GmRequest(GmOperation.PAY, MERCHANT_ID, REQUEST_ID, Instant.now(),
            SWITCH_KEY_ID, payBiz()), switchSigner, cipher);
        answer = new GmResponse(REQUEST_ID, WALLET_KEY_ID, GmResponse.Code.SUCCESS, null, null, TRADE_NO, "SUCCESS")
            .encode(walletSigner);
    }

    /**
     * @return the pay's business fields, the code in plaintext.
     */
    public static GmRequest.Biz payBiz()
    {
        return GmRequest.pay(PAY.orderNo(), PAY.authCode(), PAY.amount(), PAY.subject());
    }

    /**
     * @return the switch's SM2 signer.
     */
    public CodeSigner switchSigner()
    {
        return switchSigner;
    }

    /**
     * @return the switch's public key as the wallet trusts it.
     */
    public TrustedKeys switchKeys()
    {
        return switchKeys;
    }

    /**
     * @return the wallet's public key as the switch trusts it.
     */
    public TrustedKeys walletKeys()
    {
        return walletKeys;
    }

    /**
     * @return the merchant's SM4 field cipher.
     */
    public GmFieldCipher cipher()
    {
        return cipher;
    }

    /**
     * @return the switch's client for the wallet.
     */
    public GmClient client()
    {
        return client;
    }

    /**
     * @return the signed pay request (request id {@link #REQUEST_ID}).
     */
    public GmRequestCodec.Encoded request()
    {
        return request;
    }

    /**
     * @return the wallet's signed success answer to {@link #request()}.
     */
    public GmResponse.Encoded answer()
    {
        return answer;
    }
}
