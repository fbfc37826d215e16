package io.hutong.codec.emv.mpm;

import io.hutong.codec.text.Ascii;
import org.agrona.DirectBuffer;

import java.nio.charset.StandardCharsets;

/**
 * National profiles of EMV MPM that codes in circulation follow and that relax a rule of the base
 * specification. A relaxation applies only when the payload carries the profile's merchant account GUI, so
 * every other code is held to EMVCo MPM v1.1 as written.
 * <ul>
 *   <li>Thai QR Code Payment Standard (PromptPay, AIDs {@code A000000677...}) and VietQR (NAPAS,
 *       {@code A000000727}): person-to-person codes omit merchant category code (52), merchant name (59) and
 *       merchant city (60).</li>
 *   <li>DuitNow QR (PayNet Malaysia, {@code A000000615...}): payload format indicator "02".</li>
 *   <li>SGQR (ID 51 with GUI {@code SG.SGQR}): one label carries many schemes and runs past EMVCo's 512
 *       characters (the SGQR specification's own example is 1,069).</li>
 * </ul>
 * Stateless; thread-safe.
 */
public final class MpmProfiles
{
    /** Merchant category code, name and city may be absent. */
    public static final int OPTIONAL_MERCHANT_DETAILS = 1;
    /** Payload format indicator "02" is accepted. */
    public static final int FORMAT_INDICATOR_02 = 2;
    /** The payload may exceed 512 characters. */
    public static final int EXTENDED_LENGTH = 4;

    private static final byte[] THAI_QR = ascii("A000000677");
    private static final byte[] VIETQR = ascii("A000000727");
    private static final byte[] DUITNOW = ascii("A000000615");
    private static final byte[] SGQR = ascii("SG.SGQR");

    private MpmProfiles()
    {
    }

    /**
     * The relaxations a payload's merchant account GUIs entitle it to.
     *
     * @param decoder a decoder whose top level is indexed.
     * @param cursor  scratch cursor.
     * @return a bit set of the constants above.
     */
    public static int relaxations(final MpmDecoder decoder, final MpmTemplateCursor cursor)
    {
        int flags = 0;
        for (int i = 0, count = decoder.idCount(); i < count; i++)
        {
            final int id = decoder.idAt(i);
            if (id < MpmDescriptor.MERCHANT_ACCOUNT_TEMPLATE_FIRST || id > MpmDescriptor.MERCHANT_ACCOUNT_LAST)
            {
                continue;
            }
            if (decoder.findSubField(id, MpmDescriptor.GUI, cursor))
            {
                final DirectBuffer buffer = decoder.buffer();
                final int offset = cursor.valueOffset();
                final int length = cursor.valueLength();
                if (Ascii.startsWithIgnoreCase(buffer, offset, length, THAI_QR) ||
                    Ascii.startsWithIgnoreCase(buffer, offset, length, VIETQR))
                {
                    flags |= OPTIONAL_MERCHANT_DETAILS;
                }
                else if (Ascii.startsWithIgnoreCase(buffer, offset, length, DUITNOW))
                {
                    flags |= FORMAT_INDICATOR_02;
                }
                else if (id == MpmDescriptor.MERCHANT_ACCOUNT_LAST &&
                    Ascii.equalsIgnoreCase(buffer, offset, length, SGQR))
                {
                    flags |= EXTENDED_LENGTH;
                }
            }
        }
        return flags;
    }

    private static byte[] ascii(final String text)
    {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
