package io.hutong.codec.emv.cpm;

import io.hutong.codec.CodeError;
import io.hutong.codec.DecodeError;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Strict standard base64 (RFC 4648 section 4 alphabet {@code A-Z a-z 0-9 + /}) between ASCII text and bytes,
 * the transfer encoding of EMV QRCPS consumer-presented payloads.
 * <p>
 * Decoding is allocation free and refuses anything a lenient decoder would repair: characters outside the
 * alphabet (whitespace, line breaks, the URL-safe {@code - _}), padding anywhere but the end, padding that does not
 * complete a four-character group, a lone trailing character, and non-zero unused bits in the last character
 * (RFC 4648 section 3.5), so each byte string has exactly one accepted text. Padding is optional because CPM
 * wallets in the field emit both forms. {@code java.util.Base64} is not used because it needs {@code byte[]}
 * input and does not say where the text went wrong.
 * <p>
 * Thread-safe (stateless).
 */
public final class Base64Text
{
    /** Returned by {@link #decode} when the text is not strict base64; the offset is in the {@link DecodeError}. */
    public static final int MALFORMED = -1;
    /** Returned by {@link #decode} when the decoded bytes would not fit the destination capacity. */
    public static final int TOO_LONG = -2;

    private static final String BAD_CHARACTER = "character outside the base64 alphabet";
    private static final String BAD_PADDING = "base64 padding does not complete a four-character group";
    private static final String DANGLING_CHARACTER = "base64 text ends with a lone character";
    private static final String NON_ZERO_TRAILING_BITS = "base64 unused bits in the last character are not zero";
    private static final String DECODED_TOO_LONG = "decoded base64 exceeds the capacity";

    private static final byte PAD = '=';
    private static final byte[] ALPHABET = {
        'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P',
        'Q', 'R', 'S', 'T', 'U', 'V', 'W', 'X', 'Y', 'Z', 'a', 'b', 'c', 'd', 'e', 'f',
        'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v',
        'w', 'x', 'y', 'z', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '+', '/' };

    /** Six-bit value per byte value, -1 outside the alphabet; indexed by {@code b & 0xFF} so no byte can miss. */
    private static final byte[] SEXTETS = new byte[256];

    static
    {
        Arrays.fill(SEXTETS, (byte)-1);
        for (int i = 0; i < ALPHABET.length; i++)
        {
            SEXTETS[ALPHABET[i]] = (byte)i;
        }
    }

    private Base64Text()
    {
    }

    /**
     * Number of characters the padded encoding of {@code byteCount} bytes takes.
     *
     * @param byteCount number of bytes, &gt;= 0.
     * @return the padded text length.
     */
    public static int encodedLength(final int byteCount)
    {
        return ((byteCount + 2) / 3) * 4;
    }

    /**
     * Decode base64 text from a buffer region into another buffer. The exact output length is worked out from the
     * text length and padding before anything is written, so an oversized input is refused without being read.
     * On failure the error records {@link CodeError#MALFORMED} or {@link CodeError#TOO_LONG} with the offset
     * <em>relative to {@code offset}</em> of the first offending character (for {@code TOO_LONG}, 0).
     *
     * @param src         holding the ASCII text.
     * @param offset      first character.
     * @param length      number of characters.
     * @param dst         receives the bytes.
     * @param dstOffset   where the first byte goes.
     * @param dstCapacity most bytes that may be written.
     * @param error       receives the reason on failure; untouched on success.
     * @return number of bytes decoded, or {@link #MALFORMED} / {@link #TOO_LONG}.
     */
    public static int decode(
        final DirectBuffer src,
        final int offset,
        final int length,
        final MutableDirectBuffer dst,
        final int dstOffset,
        final int dstCapacity,
        final DecodeError error)
    {
        int padding = 0;
        while (padding < length && src.getByte(offset + length - 1 - padding) == PAD)
        {
            padding++;
        }
        final int dataLength = length - padding;

        final int tail = dataLength & 3;
        final boolean badPadding = padding > 0 && (padding > 2 || (length & 3) != 0);
        final int decodedLength = (dataLength >> 2) * 3 + (tail == 0 ? 0 : tail - 1);
        if (badPadding || tail == 1 || decodedLength > dstCapacity)
        {
            // Report a bad character before bad padding: the first fault in reading order is the useful one.
            if (reportBadCharacter(src, offset, 0, dataLength, error))
            {
                return MALFORMED;
            }
            if (badPadding)
            {
                error.set(CodeError.MALFORMED, dataLength, DecodeError.NO_FIELD, DecodeError.NO_FIELD, BAD_PADDING);
                return MALFORMED;
            }
            if (tail == 1)
            {
                error.set(
                    CodeError.MALFORMED, dataLength - 1, DecodeError.NO_FIELD, DecodeError.NO_FIELD, DANGLING_CHARACTER);
                return MALFORMED;
            }
            error.set(CodeError.TOO_LONG, 0, DecodeError.NO_FIELD, DecodeError.NO_FIELD, DECODED_TOO_LONG);
            return TOO_LONG;
        }

        return decodeValidated(src, offset, dataLength, dst, dstOffset, error, decodedLength);
    }

    /**
     * Encode bytes as padded base64 text. Allocates the result; for issuing codes, not for the decode path.
     *
     * @param bytes  the data.
     * @param offset first byte.
     * @param length number of bytes.
     * @return the text.
     */
    public static String encode(final byte[] bytes, final int offset, final int length)
    {
        final byte[] text = new byte[encodedLength(length)];
        int out = 0;
        int i = offset;
        final int end = offset + length;
        for (; end - i >= 3; i += 3)
        {
            final int group = (bytes[i] & 0xFF) << 16 | (bytes[i + 1] & 0xFF) << 8 | (bytes[i + 2] & 0xFF);
            text[out++] = ALPHABET[group >>> 18];
            text[out++] = ALPHABET[(group >>> 12) & 0x3F];
            text[out++] = ALPHABET[(group >>> 6) & 0x3F];
            text[out++] = ALPHABET[group & 0x3F];
        }

        final int remaining = end - i;
        if (remaining > 0)
        {
            final int group = (bytes[i] & 0xFF) << 16 | (remaining == 2 ? (bytes[i + 1] & 0xFF) << 8 : 0);
            text[out++] = ALPHABET[group >>> 18];
            text[out++] = ALPHABET[(group >>> 12) & 0x3F];
            text[out++] = remaining == 2 ? ALPHABET[(group >>> 6) & 0x3F] : PAD;
            text[out] = PAD;
        }

        return new String(text, StandardCharsets.US_ASCII);
    }

    /**
     * Encode a whole byte array as padded base64 text. Allocates; not for the decode path.
     *
     * @param bytes the data.
     * @return the text.
     */
    public static String encode(final byte[] bytes)
    {
        return encode(bytes, 0, bytes.length);
    }

    private static boolean reportBadCharacter(
        final DirectBuffer src, final int offset, final int from, final int dataLength, final DecodeError error)
    {
        for (int i = from; i < dataLength; i++)
        {
            if (SEXTETS[src.getByte(offset + i) & 0xFF] < 0)
            {
                error.set(CodeError.MALFORMED, i, DecodeError.NO_FIELD, DecodeError.NO_FIELD, BAD_CHARACTER);
                return true;
            }
        }
        return false;
    }

    private static int decodeValidated(
        final DirectBuffer src,
        final int offset,
        final int dataLength,
        final MutableDirectBuffer dst,
        final int dstOffset,
        final DecodeError error,
        final int decodedLength)
    {
        int out = dstOffset;
        int i = 0;
        for (final int fullGroupsEnd = dataLength & ~3; i < fullGroupsEnd; i += 4)
        {
            final int a = sextet(src, offset + i);
            final int b = sextet(src, offset + i + 1);
            final int c = sextet(src, offset + i + 2);
            final int d = sextet(src, offset + i + 3);
            // One pass: characters outside the alphabet map to -1, so any of them makes the OR negative.
            if ((a | b | c | d) < 0)
            {
                reportBadCharacter(src, offset, i, dataLength, error);
                return MALFORMED;
            }
            final int group = a << 18 | b << 12 | c << 6 | d;
            dst.putByte(out++, (byte)(group >>> 16));
            dst.putByte(out++, (byte)(group >>> 8));
            dst.putByte(out++, (byte)group);
        }

        final int tail = dataLength - i;
        if (tail > 0 && reportBadCharacter(src, offset, i, dataLength, error))
        {
            return MALFORMED;
        }
        if (tail == 2)
        {
            final int last = sextet(src, offset + i + 1);
            if ((last & 0x0F) != 0)
            {
                return nonZeroTrailingBits(error, i + 1);
            }
            dst.putByte(out, (byte)(sextet(src, offset + i) << 2 | last >>> 4));
        }
        else if (tail == 3)
        {
            final int last = sextet(src, offset + i + 2);
            if ((last & 0x03) != 0)
            {
                return nonZeroTrailingBits(error, i + 2);
            }
            final int group = sextet(src, offset + i) << 12 | sextet(src, offset + i + 1) << 6 | last;
            dst.putByte(out++, (byte)(group >>> 10));
            dst.putByte(out, (byte)(group >>> 2));
        }

        return decodedLength;
    }

    private static int nonZeroTrailingBits(final DecodeError error, final int index)
    {
        error.set(CodeError.MALFORMED, index, DecodeError.NO_FIELD, DecodeError.NO_FIELD, NON_ZERO_TRAILING_BITS);
        return MALFORMED;
    }

    private static int sextet(final DirectBuffer src, final int index)
    {
        return SEXTETS[src.getByte(index) & 0xFF];
    }
}
