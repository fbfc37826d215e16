package io.hutong.codec.emv.cpm;

import io.hutong.codec.CodeError;
import io.hutong.codec.DecodeError;
import io.hutong.codec.text.Ascii;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import static io.hutong.codec.emv.cpm.CpmDescriptor.MAX_BINARY_LENGTH;
import static io.hutong.codec.emv.cpm.CpmDescriptor.MAX_TEXT_LENGTH;

/**
 * Flyweight decoder and validator of an EMVCo consumer-presented QR payload (EMV QRCPS CPM v1.1), as the base64
 * text a POS scanned ({@link #wrap}) or as the raw BER-TLV binary ({@link #wrapBinary}). {@link #decode()}
 * returns {@link CodeError#NONE} or the first rule broken, with the detail in {@link #error()}; see
 * {@link CpmDescriptor} for the layout. Rules, in the order they are checked:
 * <ol>
 *   <li>text longer than {@link CpmDescriptor#MAX_TEXT_LENGTH} or binary longer than
 *       {@link CpmDescriptor#MAX_BINARY_LENGTH}: {@code TOO_LONG}, decided from the lengths alone;</li>
 *   <li>not strict base64, empty, or not well-formed BER-TLV at any depth ({@link BerTlvReader}):
 *       {@code MALFORMED};</li>
 *   <li>first data object not '85': {@code MISSING_FIELD}; its value not "CPV01": {@code INVALID_FIELD};</li>
 *   <li>at top level, a second '85' or '62': {@code DUPLICATE_FIELD}; a third '61' or any other tag:
 *       {@code INVALID_FIELD}; no '61': {@code MISSING_FIELD};</li>
 *   <li>in a template, the same tag twice: {@code DUPLICATE_FIELD}; unknown tags are skipped;</li>
 *   <li>'4F' absent: {@code MISSING_FIELD}, not 5..16 bytes: {@code INVALID_FIELD}; '50' not 1..16 printable
 *       ASCII, '5A' or '57' not a valid 12..19 digit PAN, or '5A' and '57' naming different PANs:
 *       {@code INVALID_FIELD};</li>
 *   <li>an application with no PAN in its template nor in '62': {@code MISSING_FIELD}.</li>
 * </ol>
 * Error offsets: {@link #errorInText()} true means the offset counts characters of the text (bad base64, text
 * too long); otherwise it counts bytes of the decoded binary. The field id is the top-level tag concerned, the
 * sub-field id the nested tag.
 * <p>
 * The binary is decoded into a {@value CpmDescriptor#MAX_BINARY_LENGTH}-byte scratch buffer owned by this
 * decoder; {@link #wrapBinary} reads the caller's buffer in place, which must not change until the accessors
 * are done. Accessors are valid only after {@code decode()} returned {@code NONE}. The clear PAN is never
 * exposed: only its masked form (first six, last four), its last four digits and its length. (The issuing wallet,
 * which must check the PAN it issued, reads it through {@link CpmClearPan}, never through this class.) Allocation free
 * after construction except the {@code String} accessors, which are for logs, tests and the CLI.
 * <p>
 * Not thread-safe: one decoder per thread, reused across payloads.
 */
public final class CpmDecoder
{
    private static final String TEXT_TOO_LONG = "CPM base64 text longer than 684 characters";
    private static final String BINARY_TOO_LONG = "CPM payload longer than 512 bytes";

    private final DecodeError error = new DecodeError(true);
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[MAX_BINARY_LENGTH]);
    private final CpmValidator validator = new CpmValidator(error);

    private DirectBuffer text;
    private int textOffset;
    private int textLength;
    private boolean fromText;
    private DirectBuffer binary;
    private int binaryOffset;
    private int binaryLength;
    private boolean errorInText;
    private int applicationCount;

    /**
     * Create a decoder with its scratch buffer and readers; all allocation happens here.
     */
    public CpmDecoder()
    {
    }

    /**
     * Point the decoder at the base64 text of a payload. Nothing is read until {@link #decode()}.
     *
     * @param buffer holding the ASCII text.
     * @param offset first character.
     * @param length number of characters.
     * @return this decoder.
     * @throws IllegalArgumentException if the region lies outside the buffer (a caller bug, not bad input).
     */
    public CpmDecoder wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        checkRegion(buffer, offset, length);
        text = buffer;
        textOffset = offset;
        textLength = length;
        fromText = true;
        binary = scratch;
        binaryOffset = 0;
        binaryLength = 0;
        applicationCount = 0;
        return this;
    }

    /**
     * Point the decoder at a raw BER-TLV payload, read in place. Nothing is read until {@link #decode()}.
     *
     * @param buffer holding the binary.
     * @param offset first byte.
     * @param length number of bytes.
     * @return this decoder.
     * @throws IllegalArgumentException if the region lies outside the buffer (a caller bug, not bad input).
     */
    public CpmDecoder wrapBinary(final DirectBuffer buffer, final int offset, final int length)
    {
        checkRegion(buffer, offset, length);
        text = null;
        fromText = false;
        binary = buffer;
        binaryOffset = offset;
        binaryLength = length;
        applicationCount = 0;
        return this;
    }

    /**
     * Decode and validate the wrapped payload. May be called again; it decodes afresh.
     *
     * @return {@link CodeError#NONE}, or why the payload is refused (detail in {@link #error()}).
     */
    public CodeError decode()
    {
        error.reset();
        errorInText = false;
        applicationCount = 0;

        if (fromText)
        {
            // Decided from the length alone, before a single character is read.
            if (textLength > MAX_TEXT_LENGTH)
            {
                errorInText = true;
                return error.set(CodeError.TOO_LONG, 0, DecodeError.NO_FIELD, DecodeError.NO_FIELD, TEXT_TOO_LONG);
            }
            final int decoded = Base64Text.decode(
                text, textOffset, textLength, scratch, 0, MAX_BINARY_LENGTH, error);
            if (decoded < 0)
            {
                errorInText = true;
                return error.code();
            }
            binaryLength = decoded;
        }
        else if (binaryLength > MAX_BINARY_LENGTH)
        {
            return error.set(CodeError.TOO_LONG, 0, DecodeError.NO_FIELD, DecodeError.NO_FIELD, BINARY_TOO_LONG);
        }

        final CodeError result = validator.validate(binary, binaryOffset, binaryLength);
        applicationCount = result == CodeError.NONE ? validator.applicationCount : 0;
        return result;
    }

    /**
     * @return the reason for the last failed {@link #decode()}, reset by each call. Owned by this decoder.
     */
    public DecodeError error()
    {
        return error;
    }

    /**
     * @return true if the last error's offset counts characters of the base64 text, false if it counts bytes of
     * the decoded binary.
     */
    public boolean errorInText()
    {
        return errorInText;
    }

    /**
     * @return number of bytes in the decoded binary (0 before a decode of text).
     */
    public int binaryLength()
    {
        return binaryLength;
    }

    /**
     * @return number of Application Templates, 1 or 2 after a successful decode, 0 otherwise.
     */
    public int applicationCount()
    {
        return applicationCount;
    }

    /**
     * @param app application index, 0 or 1.
     * @return number of bytes in the application's AID ('4F'), 5..16.
     */
    public int aidLength(final int app)
    {
        checkApplication(app);
        return validator.aidLength[app];
    }

    /**
     * Copy the application's AID out.
     *
     * @param app       application index.
     * @param dst       receives the AID bytes.
     * @param dstOffset where the first byte goes.
     * @return number of bytes copied.
     */
    public int getAid(final int app, final MutableDirectBuffer dst, final int dstOffset)
    {
        checkApplication(app);
        final int length = validator.aidLength[app];
        dst.putBytes(dstOffset, binary, validator.aidOffset[app], length);
        return length;
    }

    /**
     * Whether the application's AID starts with the given bytes, typically a 5-byte RID, for routing to the
     * issuing wallet without copying.
     *
     * @param app    application index.
     * @param prefix the leading AID bytes to match.
     * @return true if the AID starts with {@code prefix}.
     */
    public boolean aidStartsWith(final int app, final byte[] prefix)
    {
        checkApplication(app);
        if (prefix.length > validator.aidLength[app])
        {
            return false;
        }
        final int offset = validator.aidOffset[app];
        for (int i = 0; i < prefix.length; i++)
        {
            if (binary.getByte(offset + i) != prefix[i])
            {
                return false;
            }
        }
        return true;
    }

    /**
     * The application's AID as uppercase hex. Allocates: for logs, tests and the CLI.
     *
     * @param app application index.
     * @return e.g. {@code "A0000000555555"}.
     */
    public String aidHex(final int app)
    {
        checkApplication(app);
        final int offset = validator.aidOffset[app];
        final int length = validator.aidLength[app];
        final char[] chars = new char[length << 1];
        for (int i = 0; i < length; i++)
        {
            final int b = binary.getByte(offset + i) & 0xFF;
            chars[i << 1] = (char)Ascii.hexDigit(b >>> 4);
            chars[(i << 1) + 1] = (char)Ascii.hexDigit(b);
        }
        return new String(chars);
    }

    /**
     * @param app application index.
     * @return true if the application carries a label ('50').
     */
    public boolean hasApplicationLabel(final int app)
    {
        checkApplication(app);
        return validator.labelLength[app] > 0;
    }

    /**
     * The application label ('50'), validated as printable ASCII. Allocates: for logs, tests and the CLI.
     *
     * @param app application index.
     * @return the label, empty when absent.
     */
    public String applicationLabel(final int app)
    {
        checkApplication(app);
        return binary.getStringWithoutLengthAscii(validator.labelOffset[app], validator.labelLength[app]);
    }

    /**
     * @param app application index.
     * @return number of digits in the application's PAN, 12..19.
     */
    public int panDigitCount(final int app)
    {
        checkApplication(app);
        return validator.panDigits[app];
    }

    /**
     * Last four digits of the application's PAN, the most a receipt may print besides the first six.
     *
     * @param app application index.
     * @return 0..9999; format with four digits, leading zeros included.
     */
    public int panLastFour(final int app)
    {
        checkApplication(app);
        return CpmPan.lastFour(binary, validator.panOffset[app], validator.panDigits[app]);
    }

    /**
     * Append the masked PAN (first six digits, '*' for each hidden digit, last four). Allocation free when the
     * builder has room for 19 characters.
     *
     * @param app application index.
     * @param sb  receives the text.
     * @return {@code sb}.
     */
    public StringBuilder appendMaskedPan(final int app, final StringBuilder sb)
    {
        checkApplication(app);
        return CpmPan.appendMasked(binary, validator.panOffset[app], validator.panDigits[app], sb);
    }

    /**
     * Append the clear PAN. Package-private on purpose: only {@link CpmClearPan}, the issuer's explicit way in,
     * reaches it, so this class's public surface never shows a full PAN.
     *
     * @param app application index.
     * @param sb  receives the digits.
     * @return {@code sb}.
     */
    StringBuilder appendClearPan(final int app, final StringBuilder sb)
    {
        checkApplication(app);
        return CpmPan.appendClear(binary, validator.panOffset[app], validator.panDigits[app], sb);
    }

    /**
     * The masked PAN. Allocates: for logs, tests and the CLI.
     *
     * @param app application index.
     * @return e.g. {@code "123456******3458"}.
     */
    public String maskedPan(final int app)
    {
        return appendMaskedPan(app, new StringBuilder(CpmDescriptor.MAX_PAN_DIGITS)).toString();
    }

    /**
     * The masked PAN of the first application. Allocates: for logs, tests and the CLI.
     *
     * @return e.g. {@code "123456******3458"}.
     */
    public String maskedPan()
    {
        return maskedPan(0);
    }

    /**
     * Expiry date from the track 2 equivalent data that goes with the application's PAN.
     *
     * @param app application index.
     * @return YYMM as an int (1912 for December 2019), or -1 when the PAN came from '5A' alone.
     */
    public int expiryYymm(final int app)
    {
        checkApplication(app);
        final int offset = validator.track2Offset[app];
        return offset < 0 ? -1 : CpmPan.track2Expiry(binary, offset, validator.panDigits[app]);
    }

    /**
     * @param app application index.
     * @return number of bytes in the value of the application's transparent template '63', 0 when absent.
     */
    public int transparentTemplateLength(final int app)
    {
        checkApplication(app);
        return validator.transparentLength[app];
    }

    /**
     * Copy the value of the application's transparent template '63' (cryptogram data TLVs) out, for the
     * authorisation request.
     *
     * @param app       application index.
     * @param dst       receives the bytes.
     * @param dstOffset where the first byte goes.
     * @return number of bytes copied, 0 when absent.
     */
    public int getTransparentTemplate(final int app, final MutableDirectBuffer dst, final int dstOffset)
    {
        checkApplication(app);
        final int length = validator.transparentLength[app];
        dst.putBytes(dstOffset, binary, validator.transparentOffset[app], length);
        return length;
    }

    /**
     * @return number of bytes in the value of the common transparent template '64', 0 when absent or before a
     * successful decode.
     */
    public int commonTransparentTemplateLength()
    {
        return applicationCount == 0 ? 0 : validator.commonTransparentLength;
    }

    /**
     * Copy the value of the common transparent template '64' (cryptogram data TLVs) out.
     *
     * @param dst       receives the bytes.
     * @param dstOffset where the first byte goes.
     * @return number of bytes copied, 0 when absent.
     */
    public int getCommonTransparentTemplate(final MutableDirectBuffer dst, final int dstOffset)
    {
        final int length = commonTransparentTemplateLength();
        if (length > 0)
        {
            dst.putBytes(dstOffset, binary, validator.commonTransparentOffset, length);
        }
        return length;
    }

    private void checkApplication(final int app)
    {
        if (app < 0 || app >= applicationCount)
        {
            throw new IndexOutOfBoundsException("app=" + app + " applicationCount=" + applicationCount);
        }
    }

    private static void checkRegion(final DirectBuffer buffer, final int offset, final int length)
    {
        if (offset < 0 || length < 0 || offset > buffer.capacity() - length)
        {
            throw new IllegalArgumentException(
                "offset=" + offset + " length=" + length + " capacity=" + buffer.capacity() +
                ": region outside buffer");
        }
    }
}
