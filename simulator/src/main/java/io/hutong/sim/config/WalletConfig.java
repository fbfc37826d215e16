package io.hutong.sim.config;

import io.hutong.sim.codes.CodeFormat;
import io.hutong.sim.faults.FaultPlan;

import java.util.List;

/**
 * One simulated wallet's configuration, defaults applied and validated. Immutable and thread-safe.
 *
 * @param id              the wallet id (a participant of the registry).
 * @param enabled         whether the wallet is started.
 * @param port            the port; 0 for an ephemeral one.
 * @param consumers       how many default consumer accounts to create.
 * @param balance         each new consumer's balance in fen.
 * @param perPaymentLimit each new consumer's per-payment limit in fen, 0 for none.
 * @param dailyLimit      each new consumer's daily limit in fen, 0 for none.
 * @param autoCloseMs     how long an unconfirmed payment waits before the wallet closes it.
 * @param txnPrefix       what the wallet's transaction ids start with.
 * @param codeFormat      the layout of the wallet's consumer codes (from the registry's numeric rule).
 * @param emvAid          the AID (hex) of EMV consumer codes the wallet issues, or null for numeric codes only.
 * @param merchants       the payee merchants enrolled for MPM credits.
 * @param faults          the fault plan in force at start.
 */
public record WalletConfig(
    String id,
    boolean enabled,
    int port,
    int consumers,
    long balance,
    long perPaymentLimit,
    long dailyLimit,
    long autoCloseMs,
    String txnPrefix,
    CodeFormat codeFormat,
    String emvAid,
    List<String> merchants,
    FaultPlan faults)
{
    /**
     * Copies the merchant list.
     */
    public WalletConfig
    {
        merchants = List.copyOf(merchants);
    }
}
