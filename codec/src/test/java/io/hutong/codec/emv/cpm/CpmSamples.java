package io.hutong.codec.emv.cpm;

import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;

/**
 * Published sample payloads and small helpers shared by the CPM tests. Constants and stateless methods;
 * thread-safe.
 */
final class CpmSamples
{
    /** EMV QRCPS CPM v1.1, example 1: one application, track 2 equivalent data. */
    static final String SPEC_EXAMPLE_1 = "hQVDUFYwMWEaTwegAAAAVVVVVw8SNFZ4kBI0WNGRIgESNF8=";

    /** Example 1 as hex, annotated in the specification. */
    static final String SPEC_EXAMPLE_1_HEX =
        "85054350563031" + "611A" + "4F07A0000000555555" + "570F1234567890123458D191220112345F";

    /**
     * EMV QRCPS CPM v1.1, example 2: two applications with labels, PAN, cardholder name, language preference and
     * cryptogram data in the Common Data Template.
     */
    static final String SPEC_EXAMPLE_2 =
        "hQVDUFYwMWETTwegAAAAVVVVUAhQcm9kdWN0MWETTwegAAAAZmZmUAhQcm9kdWN0MmJJWggSNFZ4kBI0WF8gDkNBUkRIT0xERVIvRU1W" +
        "Xy0IcnVlc2RlZW5kIZ8QBwYBCgMAAACfJghYT9OF+iNLzJ82AgABnzcEbVjvEw==";

    /** Content of example 2's Common Data Transparent Template '64'. */
    static final String SPEC_EXAMPLE_2_CRYPTOGRAM_HEX =
        "9F100706010A03000000" + "9F2608584FD385FA234BCC" + "9F36020001" + "9F37046D58EF13";

    static final String SPEC_PAN = "1234567890123458";
    static final String SPEC_MASKED_PAN = "123456******3458";

    /** UnionPay credit AID. */
    static final String UNIONPAY_AID_HEX = "A000000333010101";

    private CpmSamples()
    {
    }

    static byte[] hex(final String hex)
    {
        final byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++)
        {
            bytes[i] = (byte)Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }

    /**
     * Hex of one data object with the shortest definite length.
     *
     * @param tag   tag as hex.
     * @param value value as hex, in parts.
     * @return tag, length and value as hex.
     */
    static String tlv(final String tag, final String... value)
    {
        final String joined = String.join("", value);
        final int length = joined.length() / 2;
        final String lengthHex;
        if (length < 0x80)
        {
            lengthHex = String.format("%02X", length);
        }
        else if (length <= 0xFF)
        {
            lengthHex = String.format("81%02X", length);
        }
        else
        {
            lengthHex = String.format("82%04X", length);
        }
        return tag + lengthHex + joined;
    }

    static String asciiHex(final String text)
    {
        final StringBuilder sb = new StringBuilder();
        for (final byte b : text.getBytes(StandardCharsets.ISO_8859_1))
        {
            sb.append(String.format("%02X", b & 0xFF));
        }
        return sb.toString();
    }

    static UnsafeBuffer ascii(final String text)
    {
        return new UnsafeBuffer(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
