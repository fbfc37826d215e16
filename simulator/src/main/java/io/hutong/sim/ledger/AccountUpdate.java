package io.hutong.sim.ledger;

/**
 * A request to create or update a consumer account; a {@code null} field keeps the current value (or takes the
 * ledger's default for a new account). Immutable and thread-safe.
 *
 * @param account         the account id, 1-32 of {@code [0-9A-Za-z_-]}.
 * @param balance         the new balance in fen, or {@code null}.
 * @param perPaymentLimit the largest single payment in fen (0 for none), or {@code null}.
 * @param dailyLimit      the daily limit in fen (0 for none), or {@code null}.
 * @param frozen          whether the account is frozen, or {@code null}.
 */
public record AccountUpdate(String account, Long balance, Long perPaymentLimit, Long dailyLimit, Boolean frozen)
{
    /** Longest account id. */
    public static final int MAX_ACCOUNT_LENGTH = 32;

    /**
     * Validates the fields.
     *
     * @throws IllegalArgumentException with a {@code name=value: reason} message.
     */
    public AccountUpdate
    {
        if (!isValidId(account))
        {
            throw new IllegalArgumentException("account=" + account + ": must be 1-32 of [0-9A-Za-z_-]");
        }
        requireNonNegative("balance", balance);
        requireNonNegative("perPaymentLimit", perPaymentLimit);
        requireNonNegative("dailyLimit", dailyLimit);
    }

    /**
     * @param id an account or merchant id.
     * @return true for 1-32 characters of {@code [0-9A-Za-z_-]}.
     */
    public static boolean isValidId(final String id)
    {
        if (null == id || id.isEmpty() || id.length() > MAX_ACCOUNT_LENGTH)
        {
            return false;
        }
        for (int i = 0; i < id.length(); i++)
        {
            final char c = id.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == '-'))
            {
                return false;
            }
        }
        return true;
    }

    private static void requireNonNegative(final String name, final Long value)
    {
        if (null != value && value < 0)
        {
            throw new IllegalArgumentException(name + "=" + value + ": must be >= 0");
        }
    }
}
