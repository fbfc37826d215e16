package io.hutong.codec.image;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.oned.Code128Writer;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Validates content and turns it into symbol modules with ZXing's encoders, for {@link CodeImageWriter} to draw.
 * Validation happens here, before ZXing, because ZXing either substitutes silently (unpaired surrogates become
 * {@code '?'}, some Latin-1 characters become Code 128 function codes) or fails with messages that echo the content.
 * <p>
 * Thread-safe (stateless; ZXing's encoders are created per call).
 */
final class SymbolEncoder
{
    private SymbolEncoder()
    {
    }

    /**
     * Encode text as a QR code matrix. All-ASCII text carries no ECI header (the ISO-8859-1 default has the same
     * bytes); other text is UTF-8 with an ECI header, without which scanners would guess the charset.
     *
     * @param text            non-empty Unicode text without unpaired surrogates.
     * @param errorCorrection level to encode at.
     * @return the module matrix, 1 for dark, without quiet zone.
     * @throws UnencodableContentException when empty, not encodable as UTF-8, or too long.
     */
    static ByteMatrix qr(final String text, final QrErrorCorrection errorCorrection)
    {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty())
        {
            throw new UnencodableContentException(Symbology.QR_CODE, "text.length=0: a QR code needs some text");
        }

        boolean ascii = true;
        int i = 0;
        while (i < text.length())
        {
            final char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)))
            {
                ascii = false;
                i += 2;
                continue;
            }
            if (Character.isSurrogate(c))
            {
                throw new UnencodableContentException(
                    Symbology.QR_CODE, "text[" + i + "] is an unpaired surrogate: not encodable as UTF-8");
            }
            if (c > 0x7F)
            {
                ascii = false;
            }
            i++;
        }

        final Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        if (!ascii)
        {
            hints.put(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
        }
        try
        {
            return Encoder.encode(text, errorCorrection.zxingLevel(), hints).getMatrix();
        }
        catch (final WriterException ex)
        {
            throw new UnencodableContentException(
                Symbology.QR_CODE,
                "text.length=" + text.length() + " (utf8Bytes=" + text.getBytes(StandardCharsets.UTF_8).length +
                "): too long for a QR code at errorCorrection=" + errorCorrection);
        }
    }

    /**
     * Encode text as Code 128 modules.
     *
     * @param text 1..{@link CodeImageWriter#CODE_128_MAX_LENGTH} printable ASCII characters.
     * @return one entry per module, true for a bar, without quiet zones.
     * @throws UnencodableContentException when empty, too long or not printable ASCII.
     */
    static boolean[] code128(final String text)
    {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty() || text.length() > CodeImageWriter.CODE_128_MAX_LENGTH)
        {
            throw new UnencodableContentException(
                Symbology.CODE_128,
                "text.length=" + text.length() + ": must be in 1.." + CodeImageWriter.CODE_128_MAX_LENGTH);
        }
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            // ZXing maps some control and Latin-1 characters to Code 128 function codes (FNC1..FNC4), which would
            // silently change the meaning; payment codes never need them.
            if (c < 0x20 || c > 0x7E)
            {
                throw new UnencodableContentException(
                    Symbology.CODE_128,
                    "text[" + i + "]=U+" + String.format("%04X", (int)c) +
                    ": Code 128 carries printable ASCII (U+0020..U+007E) only");
            }
        }
        return new Code128Writer().encode(text);
    }

    /**
     * Check a numeric consumer code for a payment screen.
     *
     * @param digits the code.
     * @throws UnencodableContentException when empty, too long or not all ASCII digits.
     */
    static void checkDigits(final String digits)
    {
        Objects.requireNonNull(digits, "digits");
        if (digits.isEmpty() || digits.length() > CodeImageWriter.CODE_128_MAX_LENGTH)
        {
            throw new UnencodableContentException(
                Symbology.CODE_128,
                "digits.length=" + digits.length() + ": must be in 1.." + CodeImageWriter.CODE_128_MAX_LENGTH);
        }
        for (int i = 0; i < digits.length(); i++)
        {
            final char c = digits.charAt(i);
            if (c < '0' || c > '9')
            {
                // Position only: the rest of a consumer code is a credential and must stay out of logs.
                throw new UnencodableContentException(
                    Symbology.CODE_128, "digits[" + i + "] is not 0-9: a payment screen carries a numeric code");
            }
        }
    }
}
