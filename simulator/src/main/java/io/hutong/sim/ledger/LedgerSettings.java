package io.hutong.sim.ledger;

import io.hutong.sim.codes.CodeFormat;

/**
 * What a {@link Ledger} needs to know about its wallet. Immutable and thread-safe (the secret is not copied out:
 * callers must not change the array they pass).
 *
 * @param walletId               the wallet, e.g. {@code wechat}.
 * @param txnPrefix              digits or letters every wallet transaction id starts with.
 * @param autoCloseMs            how long an unconfirmed payment waits before the wallet closes it (WeChat: 45 s).
 * @param codeFormat             the layout of the wallet's consumer codes.
 * @param seedSecret             the wallet's secret from which every account's code seed is derived.
 * @param defaultBalance         a new account's balance in fen.
 * @param defaultPerPaymentLimit a new account's per-payment limit in fen, 0 for none.
 * @param defaultDailyLimit      a new account's daily limit in fen, 0 for none.
 */
public record LedgerSettings(
    String walletId,
    String txnPrefix,
    long autoCloseMs,
    CodeFormat codeFormat,
    byte[] seedSecret,
    long defaultBalance,
    long defaultPerPaymentLimit,
    long defaultDailyLimit)
{
    /**
     * Validates the settings.
     *
     * @throws IllegalArgumentException with a {@code name=value: reason} message.
     */
    public LedgerSettings
    {
        if (null == walletId || walletId.isEmpty())
        {
            throw new IllegalArgumentException("walletId=" + walletId + ": must be set");
        }
        if (null == txnPrefix || txnPrefix.isEmpty() || txnPrefix.length() > 12)
        {
            throw new IllegalArgumentException("txnPrefix=" + txnPrefix + ": must be 1-12 characters");
        }
        if (autoCloseMs <= 0)
        {
            throw new IllegalArgumentException("autoCloseMs=" + autoCloseMs + ": must be > 0");
        }
        if (null == seedSecret || seedSecret.length < 16)
        {
            throw new IllegalArgumentException("seedSecret.length=" + (null == seedSecret ? 0 : seedSecret.length) +
                ": must be >= 16");
        }
        if (defaultBalance < 0 || defaultPerPaymentLimit < 0 || defaultDailyLimit < 0)
        {
            throw new IllegalArgumentException("defaultBalance=" + defaultBalance + " defaultPerPaymentLimit=" +
                defaultPerPaymentLimit + " defaultDailyLimit=" + defaultDailyLimit + ": must be >= 0");
        }
    }

    @Override
    public String toString()
    {
        return "LedgerSettings[walletId=" + walletId + ", txnPrefix=" + txnPrefix + ", autoCloseMs=" + autoCloseMs +
            ", codeFormat=" + codeFormat + ", seedSecret=***]";
    }
}
