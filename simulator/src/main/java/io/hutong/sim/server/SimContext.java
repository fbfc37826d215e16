package io.hutong.sim.server;

import io.hutong.sim.ledger.Ledger;
import org.agrona.concurrent.EpochClock;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link WalletApi} knows about the wallet it serves: its id, ledger, clock, persisted secrets and enrolled
 * payee merchants. Immutable and thread-safe (the ledger and secret store are themselves thread-safe).
 */
public final class SimContext
{
    private final String walletId;
    private final Ledger ledger;
    private final EpochClock clock;
    private final SecretStore secrets;
    private final List<String> payees;

    /**
     * @param walletId the wallet id, e.g. {@code wechat}.
     * @param ledger   the wallet's ledger.
     * @param clock    the wallet's clock (the ledger's).
     * @param secrets  the wallet's persisted secrets.
     * @param payees   the payee merchants enrolled for MPM credits.
     */
    public SimContext(
        final String walletId,
        final Ledger ledger,
        final EpochClock clock,
        final SecretStore secrets,
        final List<String> payees)
    {
        this.walletId = Objects.requireNonNull(walletId, "walletId");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.payees = List.copyOf(payees);
    }

    /**
     * @return the wallet id.
     */
    public String walletId()
    {
        return walletId;
    }

    /**
     * @return the wallet's ledger.
     */
    public Ledger ledger()
    {
        return ledger;
    }

    /**
     * @return the wallet's clock, epoch milliseconds.
     */
    public EpochClock clock()
    {
        return clock;
    }

    /**
     * @return the wallet's persisted secrets.
     */
    public SecretStore secrets()
    {
        return secrets;
    }

    /**
     * @return the payee merchants enrolled for MPM credits.
     */
    public List<String> payees()
    {
        return payees;
    }

    @Override
    public String toString()
    {
        return "SimContext[walletId=" + walletId + "]";
    }
}
