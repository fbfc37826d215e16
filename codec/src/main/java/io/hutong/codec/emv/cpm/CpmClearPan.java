package io.hutong.codec.emv.cpm;

/**
 * The issuer's way to the clear PAN of a decoded EMV consumer-presented code. A switch, acquirer or POS never
 * needs it ({@link CpmDecoder} gives them the masked PAN, which is enough to route and to log); the wallet that
 * issued the code does, to find the account and check the code it carries (the simulated UnionPay wallet, whose
 * EMV codes carry its numeric consumer code as the PAN). Kept apart from the decoder so that reaching a clear PAN
 * is one explicit, searchable call. Never log what it returns: mask it (first six, last four) first.
 * <p>
 * Stateless and thread-safe; the decoder it reads is not, so call it on the decoder's thread.
 */
public final class CpmClearPan
{
    private CpmClearPan()
    {
    }

    /**
     * Append the clear PAN of one application of a decoded payload. Allocation free when the builder has room for
     * {@value CpmDescriptor#MAX_PAN_DIGITS} characters.
     *
     * @param decoder a decoder whose last {@link CpmDecoder#decode()} returned {@code NONE}.
     * @param app     application index.
     * @param sb      receives the 12..19 digits.
     * @return {@code sb}.
     * @throws IndexOutOfBoundsException if {@code app} is not an application of the decoded payload.
     */
    public static StringBuilder append(final CpmDecoder decoder, final int app, final StringBuilder sb)
    {
        return decoder.appendClearPan(app, sb);
    }

    /**
     * The clear PAN of one application. Allocates.
     *
     * @param decoder a decoder whose last {@link CpmDecoder#decode()} returned {@code NONE}.
     * @param app     application index.
     * @return the 12..19 digits.
     * @throws IndexOutOfBoundsException if {@code app} is not an application of the decoded payload.
     */
    public static String of(final CpmDecoder decoder, final int app)
    {
        return append(decoder, app, new StringBuilder(CpmDescriptor.MAX_PAN_DIGITS)).toString();
    }
}
