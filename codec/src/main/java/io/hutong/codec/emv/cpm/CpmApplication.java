package io.hutong.codec.emv.cpm;

import io.hutong.codec.DecodeError;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;

import static io.hutong.codec.emv.cpm.CpmDescriptor.MAX_AID_LENGTH;
import static io.hutong.codec.emv.cpm.CpmDescriptor.MAX_LABEL_LENGTH;
import static io.hutong.codec.emv.cpm.CpmDescriptor.MAX_PAN_DIGITS;
import static io.hutong.codec.emv.cpm.CpmDescriptor.MAX_TRACK2_BYTES;
import static io.hutong.codec.emv.cpm.CpmDescriptor.MIN_AID_LENGTH;
import static io.hutong.codec.emv.cpm.CpmDescriptor.MIN_PAN_DIGITS;
import static io.hutong.codec.emv.cpm.CpmDescriptor.PAD_NIBBLE;
import static io.hutong.codec.emv.cpm.CpmDescriptor.TAG_APPLICATION_PAN;
import static io.hutong.codec.emv.cpm.CpmDescriptor.TAG_TRACK2_EQUIVALENT_DATA;
import static io.hutong.codec.emv.cpm.CpmDescriptor.TRACK2_SEPARATOR;

/**
 * One payment application a simulated wallet offers in a consumer-presented code: the content of one
 * Application Template '61' for {@link CpmEncoder}. Built with {@link #of(byte[])} and {@code with...} methods,
 * each returning a new instance; arguments are checked when given, with {@code name=value} messages, so an
 * encoder never emits a payload {@link CpmDecoder} would refuse.
 * <p>
 * Immutable (arrays are copied in), so thread-safe. Not for the decode hot path.
 */
public final class CpmApplication
{
    private static final byte[] NONE = new byte[0];

    private final byte[] aid;
    private final byte[] label;
    private final int panTag;
    private final byte[] panValue;
    private final byte[] transparentData;

    private CpmApplication(
        final byte[] aid, final byte[] label, final int panTag, final byte[] panValue, final byte[] transparentData)
    {
        this.aid = aid;
        this.label = label;
        this.panTag = panTag;
        this.panValue = panValue;
        this.transparentData = transparentData;
    }

    /**
     * An application with only its AID; its PAN must then come from the payload's common data
     * ({@link CpmEncoder#withCommonPan(String)}) unless a {@code withPan}/{@code withTrack2} follows.
     *
     * @param aid ADF Name, 5..16 bytes.
     * @return the application.
     * @throws IllegalArgumentException if the AID length is out of range.
     */
    public static CpmApplication of(final byte[] aid)
    {
        if (aid.length < MIN_AID_LENGTH || aid.length > MAX_AID_LENGTH)
        {
            throw new IllegalArgumentException("aid.length=" + aid.length + ": must be 5..16");
        }
        return new CpmApplication(aid.clone(), NONE, 0, NONE, NONE);
    }

    /**
     * Carry the PAN as Application PAN '5A'.
     *
     * @param pan 12..19 decimal digits.
     * @return a new application.
     * @throws IllegalArgumentException if the PAN is not 12..19 digits.
     */
    public CpmApplication withPan(final String pan)
    {
        return new CpmApplication(aid, label, TAG_APPLICATION_PAN, panBcd(pan), transparentData);
    }

    /**
     * Carry the PAN as Track 2 Equivalent Data '57' with no discretionary data.
     *
     * @param pan         12..19 decimal digits.
     * @param expiryYymm  expiry as YYMM, month 01..12.
     * @param serviceCode 0..999.
     * @return a new application.
     * @throws IllegalArgumentException if an argument is out of range.
     */
    public CpmApplication withTrack2(final String pan, final int expiryYymm, final int serviceCode)
    {
        return withTrack2(pan, expiryYymm, serviceCode, "");
    }

    /**
     * Carry the PAN as Track 2 Equivalent Data '57'.
     *
     * @param pan               12..19 decimal digits.
     * @param expiryYymm        expiry as YYMM, month 01..12.
     * @param serviceCode       0..999.
     * @param discretionaryData decimal digits, possibly empty, within the 19-byte limit of '57'.
     * @return a new application.
     * @throws IllegalArgumentException if an argument is out of range.
     */
    public CpmApplication withTrack2(
        final String pan, final int expiryYymm, final int serviceCode, final String discretionaryData)
    {
        checkDigits("pan", pan, MIN_PAN_DIGITS, MAX_PAN_DIGITS);
        if (expiryYymm < 0 || expiryYymm > 9999 || expiryYymm % 100 < 1 || expiryYymm % 100 > 12)
        {
            throw new IllegalArgumentException("expiryYymm=" + expiryYymm + ": must be YYMM with month 01..12");
        }
        if (serviceCode < 0 || serviceCode > 999)
        {
            throw new IllegalArgumentException("serviceCode=" + serviceCode + ": must be 0..999");
        }
        final int maxDiscretionary = MAX_TRACK2_BYTES * 2 - pan.length() - 8;
        checkDigits("discretionaryData", discretionaryData, 0, maxDiscretionary);

        final StringBuilder nibbles = new StringBuilder(MAX_TRACK2_BYTES * 2).append(pan).append('D');
        appendDigits(nibbles, expiryYymm, 4);
        appendDigits(nibbles, serviceCode, 3);
        nibbles.append(discretionaryData);
        return new CpmApplication(aid, label, TAG_TRACK2_EQUIVALENT_DATA, packNibbles(nibbles), transparentData);
    }

    /**
     * Add an Application Label '50'.
     *
     * @param label 1..16 printable ASCII characters.
     * @return a new application.
     * @throws IllegalArgumentException if the label is empty, too long or not printable ASCII.
     */
    public CpmApplication withLabel(final String label)
    {
        return new CpmApplication(aid, printableAscii("label", label, 1, MAX_LABEL_LENGTH), panTag, panValue,
            transparentData);
    }

    /**
     * Add an Application Specific Transparent Template '63' holding the given TLV data objects, typically
     * '9F26' cryptogram, '9F27', '9F10', '9F36' ATC and '9F37' unpredictable number.
     *
     * @param tlv well-formed BER-TLV with each tag at most once; copied.
     * @return a new application.
     * @throws IllegalArgumentException if the bytes are not well-formed TLV or repeat a tag.
     */
    public CpmApplication withTransparentData(final byte[] tlv)
    {
        return new CpmApplication(aid, label, panTag, panValue, checkTransparent("transparentData", tlv));
    }

    byte[] aid()
    {
        return aid;
    }

    byte[] label()
    {
        return label;
    }

    int panTag()
    {
        return panTag;
    }

    byte[] panValue()
    {
        return panValue;
    }

    byte[] transparentData()
    {
        return transparentData;
    }

    static byte[] panBcd(final String pan)
    {
        checkDigits("pan", pan, MIN_PAN_DIGITS, MAX_PAN_DIGITS);
        return packNibbles(pan);
    }

    static byte[] printableAscii(final String name, final String text, final int minLength, final int maxLength)
    {
        final int length = text.length();
        boolean printable = length >= minLength && length <= maxLength;
        for (int i = 0; printable && i < length; i++)
        {
            final char c = text.charAt(i);
            printable = c >= 0x20 && c <= 0x7E;
        }
        if (!printable)
        {
            // The value is left out on purpose: it may be a cardholder name.
            throw new IllegalArgumentException(name + ".length=" + length + ": must be " + minLength + ".." +
                maxLength + " printable ASCII characters");
        }
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] checkTransparent(final String name, final byte[] tlv)
    {
        final DecodeError error = new DecodeError();
        final BerTlvReader reader = new BerTlvReader(error).wrap(new UnsafeBuffer(tlv), 0, tlv.length);
        if (!reader.validateTree())
        {
            throw new IllegalArgumentException(name + " is not well-formed BER-TLV: " + error);
        }
        final int[] tags = new int[tlv.length];
        int count = 0;
        while (reader.next())
        {
            for (int i = 0; i < count; i++)
            {
                if (tags[i] == reader.tag())
                {
                    throw new IllegalArgumentException(
                        name + " repeats tag=" + Integer.toHexString(reader.tag()).toUpperCase());
                }
            }
            tags[count++] = reader.tag();
        }
        return tlv.clone();
    }

    private static void checkDigits(final String name, final String digits, final int minLength, final int maxLength)
    {
        boolean ok = digits.length() >= minLength && digits.length() <= maxLength;
        for (int i = 0; ok && i < digits.length(); i++)
        {
            ok = digits.charAt(i) >= '0' && digits.charAt(i) <= '9';
        }
        if (!ok)
        {
            // The value is left out on purpose: it may be a PAN.
            throw new IllegalArgumentException(
                name + ".length=" + digits.length() + ": must be " + minLength + ".." + maxLength + " decimal digits");
        }
    }

    private static void appendDigits(final StringBuilder sb, final int value, final int width)
    {
        int divisor = 1;
        for (int i = 1; i < width; i++)
        {
            divisor *= 10;
        }
        for (; divisor > 0; divisor /= 10)
        {
            sb.append((char)('0' + (value / divisor) % 10));
        }
    }

    /** Pack decimal digits and 'D' into nibbles, padding an odd count with one 'F'. */
    private static byte[] packNibbles(final CharSequence nibbles)
    {
        final int count = nibbles.length();
        final byte[] packed = new byte[(count + 1) / 2];
        for (int i = 0; i < count + (count & 1); i += 2)
        {
            final int high = nibbleOf(nibbles.charAt(i));
            final int low = i + 1 < count ? nibbleOf(nibbles.charAt(i + 1)) : PAD_NIBBLE;
            packed[i >> 1] = (byte)(high << 4 | low);
        }
        return packed;
    }

    private static int nibbleOf(final char c)
    {
        return c == 'D' ? TRACK2_SEPARATOR : c - '0';
    }
}
