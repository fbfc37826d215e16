package io.hutong.bench.codec.classify;

import io.hutong.bench.codec.emv.mpm.MpmSample;

/**
 * Codes classified by {@link ClassifyBenchmark}, each with the participant the built-in registry
 * ({@code wallets.yaml}) routes it to.
 * <p>
 * Immutable; thread-safe.
 */
public enum ClassifySample
{
    /** WeChat Pay auth code: 18 digits, prefix 10..15. */
    WECHAT_18("134567890123456789", "wechat"),

    /** UnionPay numeric code: 19 digits, prefix 62. */
    UNIONPAY_19("6212345678901234567", "unionpay"),

    /** The EMVCo MPM specification example: decoded, then its GUIs (D156..., not in the registry) routed. */
    EMVCO_SPEC_MPM(MpmSample.EMVCO_SPEC.payload(), null),

    /** SGQR, 17 schemes: decoded, then routed to UnionPay (ID 15) and WeChat Pay (GUI COM.QQ.WEIXIN.PAY). */
    SGQR_MPM(MpmSample.SGQR.payload(), "unionpay");

    private final String code;
    private final String firstWallet;

    ClassifySample(final String code, final String firstWallet)
    {
        this.code = code;
        this.firstWallet = firstWallet;
    }

    /**
     * @return the code as a scanner reads it.
     */
    public String code()
    {
        return code;
    }

    /**
     * @return id of the first participant the code routes to, or null when it names none in the registry.
     */
    public String firstWallet()
    {
        return firstWallet;
    }
}
