package io.hutong.sim.ledger;

/**
 * A code issued by {@code POST /sim/codes}. Immutable; {@link #toString()} masks the code.
 *
 * @param code    the code digits.
 * @param account the account it pays from.
 */
public record IssuedCode(String code, String account)
{
    @Override
    public String toString()
    {
        final String masked = code.length() > 10 ? code.substring(0, 6) + "..." + code.substring(code.length() - 4) :
            "***";
        return "IssuedCode[code=" + masked + ", account=" + account + "]";
    }
}
