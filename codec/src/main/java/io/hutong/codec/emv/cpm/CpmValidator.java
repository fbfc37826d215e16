package io.hutong.codec.emv.cpm;

import io.hutong.codec.CodeError;
import io.hutong.codec.DecodeError;
import org.agrona.DirectBuffer;

import static io.hutong.codec.emv.cpm.CpmDescriptor.MAX_AID_LENGTH;
import static io.hutong.codec.emv.cpm.CpmDescriptor.MAX_APPLICATIONS;
import static io.hutong.codec.emv.cpm.CpmDescriptor.MAX_BINARY_LENGTH;
import static io.hutong.codec.emv.cpm.CpmDescriptor.MAX_LABEL_LENGTH;
import static io.hutong.codec.emv.cpm.CpmDescriptor.MIN_AID_LENGTH;
import static io.hutong.codec.emv.cpm.CpmDescriptor.TAG_ADF_NAME;
import static io.hutong.codec.emv.cpm.CpmDescriptor.TAG_APPLICATION_LABEL;
import static io.hutong.codec.emv.cpm.CpmDescriptor.TAG_APPLICATION_PAN;
import static io.hutong.codec.emv.cpm.CpmDescriptor.TAG_APPLICATION_TEMPLATE;
import static io.hutong.codec.emv.cpm.CpmDescriptor.TAG_APPLICATION_TRANSPARENT_TEMPLATE;
import static io.hutong.codec.emv.cpm.CpmDescriptor.TAG_COMMON_DATA_TEMPLATE;
import static io.hutong.codec.emv.cpm.CpmDescriptor.TAG_COMMON_TRANSPARENT_TEMPLATE;
import static io.hutong.codec.emv.cpm.CpmDescriptor.TAG_PAYLOAD_FORMAT_INDICATOR;
import static io.hutong.codec.emv.cpm.CpmDescriptor.TAG_TRACK2_EQUIVALENT_DATA;

/**
 * The payload rules {@link CpmDecoder} documents, applied to a decoded binary: pure validation returning a
 * {@link CodeError}, recording where each application's AID, label, PAN and cryptogram data sit so the decoder's
 * accessors read them in place. Package-private because its arrays are the decoder's state; split out so the
 * decoder file holds the public API and this one the rules.
 * <p>
 * The whole payload passes {@link BerTlvReader#validateTree()} first, so a structural error always wins over a
 * field error and reader failures during the field walk are not expected; they are still handled rather than
 * assumed away.
 * <p>
 * Not thread-safe: owned by one decoder. Allocation free after construction.
 */
final class CpmValidator
{
    private static final byte[] CPV01 = { 'C', 'P', 'V', '0', '1' };

    /** Most data objects one template can hold: every object takes at least two bytes. */
    private static final int MAX_OBJECTS = MAX_BINARY_LENGTH / 2;

    private static final String EMPTY = "CPM payload is empty";
    private static final String PFI_NOT_FIRST = "CPM payload must start with Payload Format Indicator '85'";
    private static final String PFI_VALUE = "Payload Format Indicator is not CPV01";
    private static final String DUPLICATE_TOP_LEVEL = "data object appears twice at top level";
    private static final String TOO_MANY_APPLICATIONS = "more than two Application Templates";
    private static final String UNEXPECTED_TAG = "tag not allowed at top level of a CPM payload";
    private static final String NO_APPLICATION = "no Application Template '61'";
    private static final String DUPLICATE_IN_TEMPLATE = "data object appears twice in one template";
    private static final String BAD_AID = "ADF Name '4F' must be 5 to 16 bytes";
    private static final String NO_AID = "Application Template has no ADF Name '4F'";
    private static final String BAD_LABEL = "Application Label '50' must be 1 to 16 printable ASCII characters";
    private static final String BAD_PAN = "Application PAN '5A' is not 12 to 19 BCD digits with trailing F padding";
    private static final String BAD_TRACK2 =
        "Track 2 Equivalent Data '57' is not PAN, separator D, expiry YYMM, service code, digits, F pad";
    private static final String PAN_MISMATCH = "PAN in '5A' differs from PAN in '57'";
    private static final String NO_PAN = "no '5A' or '57' in the Application Template nor in the Common Data Template";

    final int[] templateOffset = new int[MAX_APPLICATIONS];
    final int[] aidOffset = new int[MAX_APPLICATIONS];
    final int[] aidLength = new int[MAX_APPLICATIONS];
    final int[] labelOffset = new int[MAX_APPLICATIONS];
    final int[] labelLength = new int[MAX_APPLICATIONS];
    final int[] panOffset = new int[MAX_APPLICATIONS];
    final int[] panDigits = new int[MAX_APPLICATIONS];
    final int[] track2Offset = new int[MAX_APPLICATIONS];
    final int[] transparentOffset = new int[MAX_APPLICATIONS];
    final int[] transparentLength = new int[MAX_APPLICATIONS];
    int commonTransparentOffset;
    int commonTransparentLength;
    int applicationCount;

    private final DecodeError error;
    private final BerTlvReader topReader;
    private final BerTlvReader templateReader;
    private final BerTlvReader innerReader;
    private final int[] templateTags = new int[MAX_OBJECTS];
    private final int[] innerTags = new int[MAX_OBJECTS];

    private DirectBuffer binary;
    private int origin;

    private int commonPanOffset;
    private int commonPanDigits;
    private int commonTrack2Offset;

    // PAN candidates of the template being decoded, then the one chosen by settlePan.
    private int pan5aOffset;
    private int pan5aDigits;
    private int track2ValueOffset;
    private int track2Digits;
    private int track2TagOffset;
    private int chosenPanOffset;
    private int chosenPanDigits;
    private int chosenTrack2Offset;

    CpmValidator(final DecodeError error)
    {
        this.error = error;
        topReader = new BerTlvReader(error);
        templateReader = new BerTlvReader(error);
        innerReader = new BerTlvReader(error);
    }

    private void reset(final DirectBuffer binary, final int origin)
    {
        this.binary = binary;
        this.origin = origin;
        commonPanOffset = 0;
        commonPanDigits = 0;
        commonTrack2Offset = -1;
        commonTransparentOffset = origin;
        commonTransparentLength = 0;
    }

    /**
     * Apply every rule to a decoded binary payload.
     *
     * @param binary holding the payload.
     * @param offset first byte of the payload; error offsets count from here.
     * @param length number of bytes.
     * @return {@link CodeError#NONE} or the first rule broken, the detail in the shared {@link DecodeError}.
     */
    CodeError validate(final DirectBuffer binary, final int offset, final int length)
    {
        applicationCount = 0;
        reset(binary, offset);
        if (length == 0)
        {
            return error.set(CodeError.MALFORMED, 0, DecodeError.NO_FIELD, DecodeError.NO_FIELD, EMPTY);
        }

        final BerTlvReader reader = topReader.wrap(binary, offset, length, offset);
        if (!reader.validateTree() || !reader.next())
        {
            return error.code();
        }
        if (reader.tag() != TAG_PAYLOAD_FORMAT_INDICATOR)
        {
            return error.set(CodeError.MISSING_FIELD, reader.relativeTagOffset(), TAG_PAYLOAD_FORMAT_INDICATOR,
                DecodeError.NO_FIELD, PFI_NOT_FIRST);
        }
        if (reader.valueLength() != CPV01.length || !isExactly(reader.valueOffset(), CPV01))
        {
            return error.set(CodeError.INVALID_FIELD, reader.relativeTagOffset(), TAG_PAYLOAD_FORMAT_INDICATOR,
                DecodeError.NO_FIELD, PFI_VALUE);
        }

        int applications = 0;
        boolean commonSeen = false;
        while (reader.next())
        {
            final int tag = reader.tag();
            final CodeError result;
            if (tag == TAG_APPLICATION_TEMPLATE)
            {
                if (applications == MAX_APPLICATIONS)
                {
                    return error.set(CodeError.INVALID_FIELD, reader.relativeTagOffset(), tag, DecodeError.NO_FIELD,
                        TOO_MANY_APPLICATIONS);
                }
                result = decodeApplication(applications++, reader);
            }
            else if (tag == TAG_COMMON_DATA_TEMPLATE && !commonSeen)
            {
                commonSeen = true;
                result = decodeCommon(reader);
            }
            else if (tag == TAG_COMMON_DATA_TEMPLATE || tag == TAG_PAYLOAD_FORMAT_INDICATOR)
            {
                result = error.set(CodeError.DUPLICATE_FIELD, reader.relativeTagOffset(), tag, DecodeError.NO_FIELD,
                    DUPLICATE_TOP_LEVEL);
            }
            else
            {
                result = error.set(CodeError.INVALID_FIELD, reader.relativeTagOffset(), tag, DecodeError.NO_FIELD,
                    UNEXPECTED_TAG);
            }

            if (result != CodeError.NONE)
            {
                return result;
            }
        }
        if (reader.hasFailed())
        {
            return error.code();
        }
        if (applications == 0)
        {
            return error.set(CodeError.MISSING_FIELD, length, TAG_APPLICATION_TEMPLATE, DecodeError.NO_FIELD,
                NO_APPLICATION);
        }

        final CodeError result = resolvePans(applications);
        if (result == CodeError.NONE)
        {
            applicationCount = applications;
        }
        return result;
    }

    private boolean isExactly(final int valueOffset, final byte[] expected)
    {
        for (int i = 0; i < expected.length; i++)
        {
            if (binary.getByte(valueOffset + i) != expected[i])
            {
                return false;
            }
        }
        return true;
    }

    private CodeError decodeApplication(final int app, final BerTlvReader parent)
    {
        final int templateTagOffset = parent.relativeTagOffset();
        templateOffset[app] = templateTagOffset;
        aidOffset[app] = -1;
        aidLength[app] = 0;
        labelOffset[app] = origin;
        labelLength[app] = 0;
        transparentOffset[app] = origin;
        transparentLength[app] = 0;
        clearPanCandidates();

        final BerTlvReader reader = templateReader.wrap(binary, parent.valueOffset(), parent.valueLength(), origin);
        int seen = 0;
        while (reader.next())
        {
            final int tag = reader.tag();
            if (contains(templateTags, seen, tag))
            {
                return duplicate(TAG_APPLICATION_TEMPLATE, reader);
            }
            seen = remember(templateTags, seen, tag);

            final CodeError result;
            switch (tag)
            {
                case TAG_ADF_NAME:
                    result = aid(app, reader);
                    break;

                case TAG_APPLICATION_LABEL:
                    result = label(app, reader);
                    break;

                case TAG_APPLICATION_PAN:
                case TAG_TRACK2_EQUIVALENT_DATA:
                    result = panCandidate(TAG_APPLICATION_TEMPLATE, reader);
                    break;

                case TAG_APPLICATION_TRANSPARENT_TEMPLATE:
                    transparentOffset[app] = reader.valueOffset();
                    transparentLength[app] = reader.valueLength();
                    result = transparent(TAG_APPLICATION_TEMPLATE, reader);
                    break;

                default:
                    // Optional objects we do not interpret and unknown ones are skipped, as EMV terminals ignore
                    // data objects they do not recognise; validateTree has already proved them well formed.
                    result = CodeError.NONE;
                    break;
            }
            if (result != CodeError.NONE)
            {
                return result;
            }
        }
        if (reader.hasFailed())
        {
            return error.code();
        }
        if (aidOffset[app] < 0)
        {
            return error.set(
                CodeError.MISSING_FIELD, templateTagOffset, TAG_APPLICATION_TEMPLATE, TAG_ADF_NAME, NO_AID);
        }

        final CodeError result = settlePan(TAG_APPLICATION_TEMPLATE);
        panOffset[app] = chosenPanOffset;
        panDigits[app] = chosenPanDigits;
        track2Offset[app] = chosenTrack2Offset;
        return result;
    }

    private CodeError decodeCommon(final BerTlvReader parent)
    {
        clearPanCandidates();
        final BerTlvReader reader = templateReader.wrap(binary, parent.valueOffset(), parent.valueLength(), origin);
        int seen = 0;
        while (reader.next())
        {
            final int tag = reader.tag();
            if (contains(templateTags, seen, tag))
            {
                return duplicate(TAG_COMMON_DATA_TEMPLATE, reader);
            }
            seen = remember(templateTags, seen, tag);

            final CodeError result;
            if (tag == TAG_APPLICATION_PAN || tag == TAG_TRACK2_EQUIVALENT_DATA)
            {
                result = panCandidate(TAG_COMMON_DATA_TEMPLATE, reader);
            }
            else if (tag == TAG_COMMON_TRANSPARENT_TEMPLATE)
            {
                commonTransparentOffset = reader.valueOffset();
                commonTransparentLength = reader.valueLength();
                result = transparent(TAG_COMMON_DATA_TEMPLATE, reader);
            }
            else
            {
                // '5F20', '5F2D' and unknown objects: not interpreted (the cardholder name stays out of the switch).
                result = CodeError.NONE;
            }
            if (result != CodeError.NONE)
            {
                return result;
            }
        }
        if (reader.hasFailed())
        {
            return error.code();
        }

        final CodeError result = settlePan(TAG_COMMON_DATA_TEMPLATE);
        commonPanOffset = chosenPanOffset;
        commonPanDigits = chosenPanDigits;
        commonTrack2Offset = chosenTrack2Offset;
        return result;
    }

    /**
     * Give each application without a PAN of its own the common one. Run after the whole payload is read because
     * '62' may follow the '61's.
     */
    private CodeError resolvePans(final int applications)
    {
        for (int app = 0; app < applications; app++)
        {
            if (panDigits[app] == 0)
            {
                if (commonPanDigits == 0)
                {
                    return error.set(CodeError.MISSING_FIELD, templateOffset[app], TAG_APPLICATION_TEMPLATE,
                        TAG_APPLICATION_PAN, NO_PAN);
                }
                panOffset[app] = commonPanOffset;
                panDigits[app] = commonPanDigits;
                track2Offset[app] = commonTrack2Offset;
            }
        }
        return CodeError.NONE;
    }

    private CodeError aid(final int app, final BerTlvReader reader)
    {
        final int length = reader.valueLength();
        if (length < MIN_AID_LENGTH || length > MAX_AID_LENGTH)
        {
            return invalid(TAG_APPLICATION_TEMPLATE, reader, BAD_AID);
        }
        aidOffset[app] = reader.valueOffset();
        aidLength[app] = length;
        return CodeError.NONE;
    }

    private CodeError label(final int app, final BerTlvReader reader)
    {
        final int offset = reader.valueOffset();
        final int length = reader.valueLength();
        if (length < 1 || length > MAX_LABEL_LENGTH)
        {
            return invalid(TAG_APPLICATION_TEMPLATE, reader, BAD_LABEL);
        }
        for (int i = offset, end = offset + length; i < end; i++)
        {
            final byte b = binary.getByte(i);
            if (b < 0x20 || b > 0x7E)
            {
                return invalid(TAG_APPLICATION_TEMPLATE, reader, BAD_LABEL);
            }
        }
        labelOffset[app] = offset;
        labelLength[app] = length;
        return CodeError.NONE;
    }

    private CodeError panCandidate(final int templateTag, final BerTlvReader reader)
    {
        final int offset = reader.valueOffset();
        final int length = reader.valueLength();
        if (reader.tag() == TAG_APPLICATION_PAN)
        {
            final int digits = CpmPan.panDigits(binary, offset, length);
            if (digits == CpmPan.INVALID)
            {
                return invalid(templateTag, reader, BAD_PAN);
            }
            pan5aOffset = offset;
            pan5aDigits = digits;
        }
        else
        {
            final int digits = CpmPan.track2PanDigits(binary, offset, length);
            if (digits == CpmPan.INVALID)
            {
                return invalid(templateTag, reader, BAD_TRACK2);
            }
            track2ValueOffset = offset;
            track2Digits = digits;
            track2TagOffset = reader.relativeTagOffset();
        }
        return CodeError.NONE;
    }

    private CodeError settlePan(final int templateTag)
    {
        chosenPanOffset = 0;
        chosenPanDigits = 0;
        chosenTrack2Offset = -1;
        if (pan5aDigits > 0 && track2Digits > 0 &&
            (pan5aDigits != track2Digits || !CpmPan.sameDigits(binary, pan5aOffset, track2ValueOffset, pan5aDigits)))
        {
            return error.set(
                CodeError.INVALID_FIELD, track2TagOffset, templateTag, TAG_TRACK2_EQUIVALENT_DATA, PAN_MISMATCH);
        }

        if (pan5aDigits > 0)
        {
            chosenPanOffset = pan5aOffset;
            chosenPanDigits = pan5aDigits;
        }
        else if (track2Digits > 0)
        {
            chosenPanOffset = track2ValueOffset;
            chosenPanDigits = track2Digits;
        }
        if (track2Digits > 0)
        {
            chosenTrack2Offset = track2ValueOffset;
        }
        return CodeError.NONE;
    }

    private CodeError transparent(final int templateTag, final BerTlvReader parent)
    {
        // Well-formedness was proven by validateTree; what is left is one value per tag.
        final BerTlvReader reader = innerReader.wrap(binary, parent.valueOffset(), parent.valueLength(), origin);
        int seen = 0;
        while (reader.next())
        {
            final int tag = reader.tag();
            if (contains(innerTags, seen, tag))
            {
                return duplicate(templateTag, reader);
            }
            seen = remember(innerTags, seen, tag);
        }
        return reader.hasFailed() ? error.code() : CodeError.NONE;
    }

    private void clearPanCandidates()
    {
        pan5aOffset = 0;
        pan5aDigits = 0;
        track2ValueOffset = 0;
        track2Digits = 0;
        track2TagOffset = 0;
    }

    private CodeError invalid(final int templateTag, final BerTlvReader reader, final String detail)
    {
        return error.set(CodeError.INVALID_FIELD, reader.relativeTagOffset(), templateTag, reader.tag(), detail);
    }

    private CodeError duplicate(final int templateTag, final BerTlvReader reader)
    {
        return error.set(
            CodeError.DUPLICATE_FIELD, reader.relativeTagOffset(), templateTag, reader.tag(), DUPLICATE_IN_TEMPLATE);
    }

    private static boolean contains(final int[] tags, final int count, final int tag)
    {
        // Linear: templates hold a handful of objects, and a hostile 512-byte payload bounds the worst case.
        for (int i = 0; i < count; i++)
        {
            if (tags[i] == tag)
            {
                return true;
            }
        }
        return false;
    }

    private static int remember(final int[] tags, final int count, final int tag)
    {
        if (count < tags.length)
        {
            tags[count] = tag;
            return count + 1;
        }
        return count;
    }
}
