package io.hutong.codec.emv.mpm;

import io.hutong.codec.CodeError;
import io.hutong.codec.DecodeError;
import io.hutong.codec.text.Ascii;
import org.agrona.DirectBuffer;

import static io.hutong.codec.emv.mpm.MpmDescriptor.*;

/**
 * The format rules of EMV QRCPS MPM v1.1 section 4 applied to an indexed payload: mandatory and conditional
 * data objects, value formats and maximum lengths, and the structure of every template. Runs after the
 * decoder has indexed the top level and checked the CRC. Stateless and allocation free; thread-safe.
 */
final class MpmRules
{
    private static final int NONE = DecodeError.NO_FIELD;

    private MpmRules()
    {
    }

    static CodeError validate(final MpmDecoder decoder, final MpmTemplateCursor cursor, final DecodeError error)
    {
        final DirectBuffer buffer = decoder.buffer();
        final int relaxations = decoder.relaxations();
        boolean hasAccount = false;
        for (int i = 0, count = decoder.idCount(); i < count; i++)
        {
            final int id = decoder.idAt(i);
            final int offset = decoder.valueOffset(id);
            final int length = decoder.valueLength(id);
            final int characters = decoder.valueCharacters(id);

            final int control = decoder.firstControlCharacter();
            if (control >= offset && control < offset + length)
            {
                return error.set(CodeError.INVALID_FIELD, control, id, NONE, "value holds a control character");
            }
            if (characters > maxLength(id))
            {
                return error.set(CodeError.INVALID_FIELD, offset, id, NONE, "value longer than its maximum length");
            }

            hasAccount |= isMerchantAccount(id);
            final CodeError fieldError = validateField(buffer, id, offset, length, relaxations, cursor, error);
            if (fieldError != CodeError.NONE)
            {
                return fieldError;
            }
        }

        final int end = decoder.offset() + decoder.length();
        if (!hasAccount)
        {
            return error.set(CodeError.MISSING_FIELD, end, NONE, NONE,
                "no merchant account information (IDs 02..51)");
        }
        final boolean detailsOptional = (relaxations & MpmProfiles.OPTIONAL_MERCHANT_DETAILS) != 0;
        if (!decoder.isPresent(MERCHANT_CATEGORY_CODE) && !detailsOptional)
        {
            return missing(error, end, MERCHANT_CATEGORY_CODE, "merchant category code missing");
        }
        if (!decoder.isPresent(TRANSACTION_CURRENCY))
        {
            return missing(error, end, TRANSACTION_CURRENCY, "transaction currency missing");
        }
        if (!decoder.isPresent(COUNTRY_CODE))
        {
            return missing(error, end, COUNTRY_CODE, "country code missing");
        }
        if (!decoder.isPresent(MERCHANT_NAME) && !detailsOptional)
        {
            return missing(error, end, MERCHANT_NAME, "merchant name missing");
        }
        if (!decoder.isPresent(MERCHANT_CITY) && !detailsOptional)
        {
            return missing(error, end, MERCHANT_CITY, "merchant city missing");
        }
        return validateConvenienceFee(decoder, error);
    }

    private static CodeError validateField(
        final DirectBuffer buffer,
        final int id,
        final int offset,
        final int length,
        final int relaxations,
        final MpmTemplateCursor cursor,
        final DecodeError error)
    {
        switch (id)
        {
            case PAYLOAD_FORMAT_INDICATOR:
                return isTwoChars(buffer, offset, length, '0', '1') ||
                    ((relaxations & MpmProfiles.FORMAT_INDICATOR_02) != 0 && isTwoChars(buffer, offset, length, '0', '2')) ?
                    CodeError.NONE : invalid(error, offset, id, "payload format indicator must be 01");

            case POINT_OF_INITIATION:
                return isTwoChars(buffer, offset, length, '1', '1') || isTwoChars(buffer, offset, length, '1', '2') ?
                    CodeError.NONE : invalid(error, offset, id, "point of initiation must be 11 (static) or 12 (dynamic)");

            case MERCHANT_CATEGORY_CODE:
                return length == 4 && Ascii.isAllDigits(buffer, offset, length) ? CodeError.NONE :
                    invalid(error, offset, id, "merchant category code must be 4 digits");

            case TRANSACTION_CURRENCY:
                return length == 3 && Ascii.isAllDigits(buffer, offset, length) ? CodeError.NONE :
                    invalid(error, offset, id, "transaction currency must be 3 digits (ISO 4217 numeric)");

            case TRANSACTION_AMOUNT:
            case CONVENIENCE_FEE_FIXED:
                return MpmAmounts.isValidAmount(buffer, offset, length) ? CodeError.NONE :
                    invalid(error, offset, id, "amount must be digits with an optional '.' and not zero");

            case CONVENIENCE_FEE_PERCENTAGE:
                return MpmAmounts.isValidPercentage(buffer, offset, length) ? CodeError.NONE :
                    invalid(error, offset, id, "convenience fee percentage must be between 00.01 and 99.99");

            case TIP_OR_CONVENIENCE_INDICATOR:
                return isTwoChars(buffer, offset, length, '0', '1') || isTwoChars(buffer, offset, length, '0', '2') ||
                    isTwoChars(buffer, offset, length, '0', '3') ? CodeError.NONE :
                    invalid(error, offset, id, "tip or convenience indicator must be 01, 02 or 03");

            case COUNTRY_CODE:
                return length == 2 && isUpperLetter(buffer.getByte(offset)) && isUpperLetter(buffer.getByte(offset + 1)) ?
                    CodeError.NONE : invalid(error, offset, id, "country code must be 2 letters (ISO 3166-1 alpha-2)");

            case ADDITIONAL_DATA:
                return validateAdditionalData(buffer, offset, length, cursor, error);

            case LANGUAGE_TEMPLATE:
                return validateLanguageTemplate(buffer, offset, length, cursor, error);

            default:
                if (hasGui(id))
                {
                    return validateGuiTemplate(buffer, id, offset, length, cursor, error);
                }
                return CodeError.NONE;
        }
    }

    private static CodeError validateGuiTemplate(
        final DirectBuffer buffer,
        final int id,
        final int offset,
        final int length,
        final MpmTemplateCursor cursor,
        final DecodeError error)
    {
        cursor.wrap(buffer, offset, length);
        while (cursor.next())
        {
            final int subId = cursor.id();
            if (cursor.isDuplicate())
            {
                return error.set(CodeError.DUPLICATE_FIELD, cursor.objectOffset(), id, subId,
                    "nested data object appears twice");
            }
            if (subId == GUI && cursor.characters() > MAX_GUI_LENGTH)
            {
                return error.set(CodeError.INVALID_FIELD, cursor.valueOffset(), id, subId,
                    "globally unique identifier longer than 32 characters");
            }
        }
        if (cursor.isMalformed())
        {
            return error.set(CodeError.MALFORMED, cursor.malformedOffset(), id, NONE, cursor.malformedDetail());
        }
        if (!cursor.hasSeen(GUI))
        {
            return error.set(CodeError.MISSING_FIELD, offset, id, GUI, "template has no globally unique identifier");
        }
        return CodeError.NONE;
    }

    private static CodeError validateAdditionalData(
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final MpmTemplateCursor cursor,
        final DecodeError error)
    {
        cursor.wrap(buffer, offset, length);
        while (cursor.next())
        {
            final int subId = cursor.id();
            if (cursor.isDuplicate())
            {
                return error.set(CodeError.DUPLICATE_FIELD, cursor.objectOffset(), ADDITIONAL_DATA, subId,
                    "nested data object appears twice");
            }
            if (cursor.characters() > additionalDataMaxLength(subId))
            {
                return error.set(CodeError.INVALID_FIELD, cursor.valueOffset(), ADDITIONAL_DATA, subId,
                    "additional data value longer than its maximum length");
            }
            if (subId == CONSUMER_DATA_REQUEST && !isConsumerDataRequest(buffer, cursor.valueOffset(), cursor.valueLength()))
            {
                return error.set(CodeError.INVALID_FIELD, cursor.valueOffset(), ADDITIONAL_DATA, subId,
                    "consumer data request must be letters A, M, E, each at most once");
            }
        }
        if (cursor.isMalformed())
        {
            return error.set(CodeError.MALFORMED, cursor.malformedOffset(), ADDITIONAL_DATA, NONE,
                cursor.malformedDetail());
        }
        return CodeError.NONE;
    }

    private static CodeError validateLanguageTemplate(
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final MpmTemplateCursor cursor,
        final DecodeError error)
    {
        cursor.wrap(buffer, offset, length);
        while (cursor.next())
        {
            final int subId = cursor.id();
            if (cursor.isDuplicate())
            {
                return error.set(CodeError.DUPLICATE_FIELD, cursor.objectOffset(), LANGUAGE_TEMPLATE, subId,
                    "nested data object appears twice");
            }
            if (subId == LANGUAGE_PREFERENCE && cursor.characters() != 2)
            {
                return error.set(CodeError.INVALID_FIELD, cursor.valueOffset(), LANGUAGE_TEMPLATE, subId,
                    "language preference must be 2 characters (ISO 639-1)");
            }
            if ((subId == ALTERNATE_NAME && cursor.characters() > 25) ||
                (subId == ALTERNATE_CITY && cursor.characters() > 15))
            {
                return error.set(CodeError.INVALID_FIELD, cursor.valueOffset(), LANGUAGE_TEMPLATE, subId,
                    "alternate language value longer than its maximum length");
            }
        }
        if (cursor.isMalformed())
        {
            return error.set(CodeError.MALFORMED, cursor.malformedOffset(), LANGUAGE_TEMPLATE, NONE,
                cursor.malformedDetail());
        }
        if (!cursor.hasSeen(LANGUAGE_PREFERENCE))
        {
            return error.set(CodeError.MISSING_FIELD, offset, LANGUAGE_TEMPLATE, LANGUAGE_PREFERENCE,
                "language template has no language preference");
        }
        if (!cursor.hasSeen(ALTERNATE_NAME))
        {
            return error.set(CodeError.MISSING_FIELD, offset, LANGUAGE_TEMPLATE, ALTERNATE_NAME,
                "language template has no alternate merchant name");
        }
        return CodeError.NONE;
    }

    private static CodeError validateConvenienceFee(final MpmDecoder decoder, final DecodeError error)
    {
        final DirectBuffer buffer = decoder.buffer();
        final int indicator = decoder.isPresent(TIP_OR_CONVENIENCE_INDICATOR) ?
            buffer.getByte(decoder.valueOffset(TIP_OR_CONVENIENCE_INDICATOR) + 1) - '0' : 0;
        final int end = decoder.offset() + decoder.length();

        if (indicator == 2 && !decoder.isPresent(CONVENIENCE_FEE_FIXED))
        {
            return missing(error, end, CONVENIENCE_FEE_FIXED, "fixed convenience fee missing for indicator 02");
        }
        if (indicator == 3 && !decoder.isPresent(CONVENIENCE_FEE_PERCENTAGE))
        {
            return missing(error, end, CONVENIENCE_FEE_PERCENTAGE,
                "convenience fee percentage missing for indicator 03");
        }
        if (indicator != 2 && decoder.isPresent(CONVENIENCE_FEE_FIXED))
        {
            return invalid(error, decoder.valueOffset(CONVENIENCE_FEE_FIXED), CONVENIENCE_FEE_FIXED,
                "fixed convenience fee present without indicator 02");
        }
        if (indicator != 3 && decoder.isPresent(CONVENIENCE_FEE_PERCENTAGE))
        {
            return invalid(error, decoder.valueOffset(CONVENIENCE_FEE_PERCENTAGE), CONVENIENCE_FEE_PERCENTAGE,
                "convenience fee percentage present without indicator 03");
        }
        return CodeError.NONE;
    }

    private static boolean isConsumerDataRequest(final DirectBuffer buffer, final int offset, final int length)
    {
        int seen = 0;
        for (int i = offset, end = offset + length; i < end; i++)
        {
            final byte b = buffer.getByte(i);
            final int bit = b == 'A' ? 1 : b == 'M' ? 2 : b == 'E' ? 4 : 0;
            if (bit == 0 || (seen & bit) != 0)
            {
                return false;
            }
            seen |= bit;
        }
        return true;
    }

    private static boolean isTwoChars(
        final DirectBuffer buffer, final int offset, final int length, final char first, final char second)
    {
        return length == 2 && buffer.getByte(offset) == first && buffer.getByte(offset + 1) == second;
    }

    private static boolean isUpperLetter(final byte b)
    {
        return b >= 'A' && b <= 'Z';
    }

    private static CodeError invalid(final DecodeError error, final int offset, final int id, final String detail)
    {
        return error.set(CodeError.INVALID_FIELD, offset, id, NONE, detail);
    }

    private static CodeError missing(final DecodeError error, final int offset, final int id, final String detail)
    {
        return error.set(CodeError.MISSING_FIELD, offset, id, NONE, detail);
    }
}
