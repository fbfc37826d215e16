package io.hutong.sim.pos;

import io.hutong.sim.codes.CodeFormat;
import io.hutong.sim.codes.OfflineCodes;

import javax.crypto.Mac;

/**
 * One wallet's consumers' phones: makes fresh one-time codes offline from the account seeds, exactly as the wallet's
 * app does (io.hutong.sim.codes.OfflineCodes, docs/simulated-wallets.md), without calling the wallet. Each code is a
 * distinct (account, second, counter); within a second the accounts are taken in turn, then the next counter, so a
 * wallet with {@code n} consumers gives {@code 50 n} codes a second and no code is ever made twice. The second never
 * goes backwards even if the wall clock does.
 * <pre>
 *   second s:  (c1,0) (c2,0) ... (cn,0) (c1,1) ... (cn,49)   then exhausted until s+1
 * </pre>
 * Thread-safe (one lock, held for one HMAC, about a microsecond): the open-loop dispatcher, the terminals (a new code
 * after BUSY) and the image worker all take codes from it.
 */
public final class PhoneCodes
{
    private final String walletId;
    private final CodeFormat format;
    private final int[] numbers;
    private final byte[][] seeds;
    private final Mac[] macs;
    private final byte[] scratch;
    private final int first;
    private long second = Long.MIN_VALUE;
    private int index;
    private long made;
    private long exhausted;

    /**
     * @param wallet       the wallet and its consumers (at least one).
     * @param firstAccount which consumer starts each second (spreads two generators' first codes; any value).
     * @throws IllegalArgumentException when the wallet has no consumers.
     */
    public PhoneCodes(final WalletCredentials.Wallet wallet, final int firstAccount)
    {
        final int count = wallet.consumers().size();
        if (0 == count)
        {
            throw new IllegalArgumentException("wallets." + wallet.id() + ".consumers: empty, no phone can make codes");
        }
        this.walletId = wallet.id();
        this.format = wallet.format();
        this.numbers = new int[count];
        this.seeds = new byte[count][];
        this.macs = new Mac[count];
        for (int i = 0; i < count; i++)
        {
            numbers[i] = wallet.consumers().get(i).number();
            seeds[i] = wallet.consumers().get(i).seed();
        }
        this.scratch = new byte[OfflineCodes.scratchLength(format)];
        this.first = Math.floorMod(firstAccount, count);
    }

    /**
     * Makes the next fresh code.
     *
     * @param epochMs the phone's clock.
     * @return the code, or null when every account already made its 50 codes this second.
     */
    public synchronized String next(final long epochMs)
    {
        final long now = Math.floorDiv(epochMs, 1000L);
        if (now > second)
        {
            second = now;
            index = 0;
        }
        final int accounts = numbers.length;
        if (index >= accounts * CodeFormat.PHONE_COUNTERS)
        {
            exhausted++;
            return null;
        }
        final int account = (first + index) % accounts;
        final int counter = index / accounts;
        index++;
        Mac mac = macs[account];
        if (null == mac)
        {
            // Keyed on first use: a wallet with many consumers costs nothing for the accounts a short run never needs.
            mac = OfflineCodes.hmac(seeds[account]);
            macs[account] = mac;
        }
        made++;
        return OfflineCodes.derive(mac, format, numbers[account], second, counter, scratch);
    }

    /**
     * @return codes this wallet's phones can make in one second.
     */
    public int perSecond()
    {
        return numbers.length * CodeFormat.PHONE_COUNTERS;
    }

    /**
     * @return codes made so far.
     */
    public synchronized long made()
    {
        return made;
    }

    /**
     * @return requests refused because the second's codes were used up.
     */
    public synchronized long exhausted()
    {
        return exhausted;
    }

    /**
     * @return the wallet id.
     */
    public String walletId()
    {
        return walletId;
    }

    @Override
    public String toString()
    {
        return "PhoneCodes[" + walletId + ", accounts=" + numbers.length + "]";
    }
}
