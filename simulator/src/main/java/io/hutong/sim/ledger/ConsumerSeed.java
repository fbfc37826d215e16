package io.hutong.sim.ledger;

/**
 * A consumer's code seed, as written to the credentials file so load generators can make codes offline.
 * Immutable; {@link #toString()} hides the seed.
 *
 * @param account the account id.
 * @param number  the account number carried in its codes.
 * @param seed    the 32-byte HMAC key of its codes.
 */
public record ConsumerSeed(String account, int number, byte[] seed)
{
    @Override
    public String toString()
    {
        return "ConsumerSeed[account=" + account + ", number=" + number + ", seed=***]";
    }
}
