package io.hutong.core.engine.admission;

/**
 * Bounds on payments in flight, per client (terminal or API client), per wallet and overall: a payment holds
 * one unit of each from the moment it is admitted until it is final. Beyond a bound the switch answers BUSY
 * at once rather than queueing, so overload never becomes latency for everyone.
 * <p>
 * Engine thread only; no allocation.
 */
public final class Admission
{
    /** Admitted. */
    public static final int ADMITTED = 0;
    /** Refused: the client has too many payments in flight. */
    public static final int CLIENT_FULL = 1;
    /** Refused: the wallet has too many payments in flight. */
    public static final int WALLET_FULL = 2;
    /** Refused: the switch has too many payments in flight. */
    public static final int SWITCH_FULL = 3;

    private final int[] perClient;
    private final int[] perWallet;
    private final int maxPerClient;
    private final int maxPerWallet;
    private final int maxTotal;
    private int total;

    /**
     * @param clients      client slots.
     * @param wallets      wallet slots.
     * @param maxPerClient most in flight per client, &gt; 0.
     * @param maxPerWallet most in flight per wallet, &gt; 0.
     * @param maxTotal     most in flight overall, &gt; 0.
     */
    public Admission(final int clients, final int wallets, final int maxPerClient, final int maxPerWallet, final int maxTotal)
    {
        if (maxPerClient <= 0 || maxPerWallet <= 0 || maxTotal <= 0)
        {
            throw new IllegalArgumentException("limits must be > 0: perClient=" + maxPerClient + " perWallet=" +
                maxPerWallet + " total=" + maxTotal);
        }
        this.perClient = new int[clients];
        this.perWallet = new int[wallets];
        this.maxPerClient = maxPerClient;
        this.maxPerWallet = maxPerWallet;
        this.maxTotal = maxTotal;
    }

    /**
     * Take one unit for a payment if every bound allows.
     *
     * @param client the client slot, or -1 for none.
     * @param wallet the wallet slot.
     * @return {@link #ADMITTED} or why not.
     */
    public int tryAdmit(final int client, final int wallet)
    {
        if (total >= maxTotal)
        {
            return SWITCH_FULL;
        }
        if (perWallet[wallet] >= maxPerWallet)
        {
            return WALLET_FULL;
        }
        if (client >= 0 && client < perClient.length && perClient[client] >= maxPerClient)
        {
            return CLIENT_FULL;
        }
        total++;
        perWallet[wallet]++;
        if (client >= 0 && client < perClient.length)
        {
            perClient[client]++;
        }
        return ADMITTED;
    }

    /**
     * Give back the unit of a payment that became final (or is abandoned), or of one rebuilt by recovery.
     *
     * @param client the client slot, or -1.
     * @param wallet the wallet slot.
     */
    public void release(final int client, final int wallet)
    {
        total--;
        perWallet[wallet]--;
        if (client >= 0 && client < perClient.length)
        {
            perClient[client]--;
        }
    }

    /**
     * Count a payment rebuilt by recovery without checking the bounds (it is already in flight).
     *
     * @param client the client slot, or -1.
     * @param wallet the wallet slot.
     */
    public void restore(final int client, final int wallet)
    {
        total++;
        perWallet[wallet]++;
        if (client >= 0 && client < perClient.length)
        {
            perClient[client]++;
        }
    }

    /**
     * @return payments in flight overall.
     */
    public int total()
    {
        return total;
    }

    /**
     * @param wallet a wallet slot.
     * @return payments in flight at that wallet.
     */
    public int wallet(final int wallet)
    {
        return perWallet[wallet];
    }
}
