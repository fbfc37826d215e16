package io.hutong.codec.emv.mpm;

/**
 * Layout and rules of the EMVCo merchant-presented QR payload (EMV QRCPS Merchant-Presented Mode v1.1).
 * <pre>
 *   +----+----+---------------+----+----+-------------+     +----+----+------+
 *   | ID | LL | value (LL ch) | ID | LL | value       | ... | 63 | 04 | CRC  |
 *   +----+----+---------------+----+----+-------------+     +----+----+------+
 *    2 digits, 2 digits, LL characters (UTF-8; LL counts characters, not bytes), 01..99
 *    ID 00 first ("01"), ID 63 last; CRC-16/CCITT-FALSE over everything before the CRC value,
 *    including "6304", as four hex digits. At most 512 characters in all.
 *
 *   templates (value is itself ID-LL-value data objects):
 *     26..51 merchant account information: 00 GUI (..32) then network specific 01..99
 *     62     additional data field:  01..08 (..25), 09 (..3), 10 (..20), 11 (..3), 12..99
 *     64     merchant information - language template: 00 language (2), 01 name (..25), 02 city (..15)
 *     80..99 unreserved: 00 GUI (..32) then context specific 01..99
 *   primitive merchant account IDs 02..25 are opaque values, the network implied by the ID
 *   (15..16 UnionPay); they are never parsed as templates.
 * </pre>
 * Stateless constants; thread-safe.
 */
public final class MpmDescriptor
{
    /** Most characters a payload may hold (EMV QRCPS MPM 4.1). */
    public static final int MAX_PAYLOAD_CHARACTERS = 512;
    /**
     * Most bytes any payload may hold, whatever its profile: the byte-mode capacity of the largest QR code
     * (version 40, level L). Longer input cannot have come from a scanner and is refused before parsing.
     */
    public static final int MAX_PAYLOAD_BYTES = 2953;
    /** Characters of an ID plus its length. */
    public static final int HEADER_LENGTH = 4;
    /** Largest length a data object may declare. */
    public static final int MAX_VALUE_LENGTH = 99;
    /** Number of possible IDs at any level (00..99). */
    public static final int ID_COUNT = 100;

    /** Payload format indicator, value "01". */
    public static final int PAYLOAD_FORMAT_INDICATOR = 0;
    /** Point of initiation method: "11" static, "12" dynamic. */
    public static final int POINT_OF_INITIATION = 1;
    /** First merchant account information ID. */
    public static final int MERCHANT_ACCOUNT_FIRST = 2;
    /** Last primitive merchant account information ID. */
    public static final int MERCHANT_ACCOUNT_PRIMITIVE_LAST = 25;
    /** First merchant account information template ID. */
    public static final int MERCHANT_ACCOUNT_TEMPLATE_FIRST = 26;
    /** Last merchant account information ID. */
    public static final int MERCHANT_ACCOUNT_LAST = 51;
    /** Merchant category code, 4 digits. */
    public static final int MERCHANT_CATEGORY_CODE = 52;
    /** Transaction currency, ISO 4217 numeric. */
    public static final int TRANSACTION_CURRENCY = 53;
    /** Transaction amount. */
    public static final int TRANSACTION_AMOUNT = 54;
    /** Tip or convenience indicator: 01, 02 or 03. */
    public static final int TIP_OR_CONVENIENCE_INDICATOR = 55;
    /** Value of convenience fee, fixed; present when 55 is 02. */
    public static final int CONVENIENCE_FEE_FIXED = 56;
    /** Value of convenience fee, percentage; present when 55 is 03. */
    public static final int CONVENIENCE_FEE_PERCENTAGE = 57;
    /** Country code, ISO 3166-1 alpha-2. */
    public static final int COUNTRY_CODE = 58;
    /** Merchant name. */
    public static final int MERCHANT_NAME = 59;
    /** Merchant city. */
    public static final int MERCHANT_CITY = 60;
    /** Postal code. */
    public static final int POSTAL_CODE = 61;
    /** Additional data field template. */
    public static final int ADDITIONAL_DATA = 62;
    /** CRC. */
    public static final int CRC = 63;
    /** Merchant information - language template. */
    public static final int LANGUAGE_TEMPLATE = 64;
    /** First unreserved template ID. */
    public static final int UNRESERVED_FIRST = 80;
    /** Last unreserved template ID. */
    public static final int UNRESERVED_LAST = 99;

    /** Globally unique identifier sub-ID inside merchant account and unreserved templates. */
    public static final int GUI = 0;
    /** Longest GUI. */
    public static final int MAX_GUI_LENGTH = 32;

    /** Language template: language preference (2 characters). */
    public static final int LANGUAGE_PREFERENCE = 0;
    /** Language template: merchant name in the alternate language. */
    public static final int ALTERNATE_NAME = 1;
    /** Language template: merchant city in the alternate language. */
    public static final int ALTERNATE_CITY = 2;

    /** Additional data: bill number. */
    public static final int BILL_NUMBER = 1;
    /** Additional data: consumer data request (letters A, M, E). */
    public static final int CONSUMER_DATA_REQUEST = 9;
    /** Additional data: merchant tax ID. */
    public static final int MERCHANT_TAX_ID = 10;
    /** Additional data: merchant channel. */
    public static final int MERCHANT_CHANNEL = 11;
    /** Additional data: first payment-system specific template. */
    public static final int ADDITIONAL_DATA_PAYMENT_SYSTEM_FIRST = 50;

    /** Value of ID 00. */
    public static final String PAYLOAD_FORMAT_VERSION = "01";
    /** Value of ID 00 in DuitNow QR codes (see {@link MpmProfiles}). */
    public static final String PAYLOAD_FORMAT_VERSION_DUITNOW = "02";
    /** Value of ID 01 for a static code (reusable, amount entered by the consumer). */
    public static final String STATIC_INITIATION = "11";
    /** Value of ID 01 for a dynamic code (one transaction). */
    public static final String DYNAMIC_INITIATION = "12";

    private static final int[] MAX_LENGTH = new int[ID_COUNT];

    static
    {
        for (int id = 0; id < ID_COUNT; id++)
        {
            MAX_LENGTH[id] = MAX_VALUE_LENGTH;
        }
        MAX_LENGTH[PAYLOAD_FORMAT_INDICATOR] = 2;
        MAX_LENGTH[POINT_OF_INITIATION] = 2;
        MAX_LENGTH[MERCHANT_CATEGORY_CODE] = 4;
        MAX_LENGTH[TRANSACTION_CURRENCY] = 3;
        MAX_LENGTH[TRANSACTION_AMOUNT] = 13;
        MAX_LENGTH[TIP_OR_CONVENIENCE_INDICATOR] = 2;
        MAX_LENGTH[CONVENIENCE_FEE_FIXED] = 13;
        MAX_LENGTH[CONVENIENCE_FEE_PERCENTAGE] = 5;
        MAX_LENGTH[COUNTRY_CODE] = 2;
        MAX_LENGTH[MERCHANT_NAME] = 25;
        MAX_LENGTH[MERCHANT_CITY] = 15;
        MAX_LENGTH[POSTAL_CODE] = 10;
        MAX_LENGTH[CRC] = 4;
    }

    private MpmDescriptor()
    {
    }

    /**
     * @param id a top-level ID.
     * @return the most characters its value may hold.
     */
    public static int maxLength(final int id)
    {
        return MAX_LENGTH[id];
    }

    /**
     * @param id a top-level ID.
     * @return true if the value is itself a list of data objects.
     */
    public static boolean isTemplate(final int id)
    {
        return (id >= MERCHANT_ACCOUNT_TEMPLATE_FIRST && id <= MERCHANT_ACCOUNT_LAST) ||
            id == ADDITIONAL_DATA || id == LANGUAGE_TEMPLATE || id >= UNRESERVED_FIRST;
    }

    /**
     * @param id a top-level ID.
     * @return true for merchant account information, primitive or template (02..51).
     */
    public static boolean isMerchantAccount(final int id)
    {
        return id >= MERCHANT_ACCOUNT_FIRST && id <= MERCHANT_ACCOUNT_LAST;
    }

    /**
     * @param id a top-level ID.
     * @return true for templates whose sub-ID 00 is a mandatory GUI (26..51 and 80..99).
     */
    public static boolean hasGui(final int id)
    {
        return (id >= MERCHANT_ACCOUNT_TEMPLATE_FIRST && id <= MERCHANT_ACCOUNT_LAST) || id >= UNRESERVED_FIRST;
    }

    /**
     * @param subId an ID inside the additional data template (62).
     * @return the most characters its value may hold.
     */
    public static int additionalDataMaxLength(final int subId)
    {
        if (subId >= 1 && subId <= 8)
        {
            return 25;
        }
        if (subId == CONSUMER_DATA_REQUEST || subId == MERCHANT_CHANNEL)
        {
            return 3;
        }
        if (subId == MERCHANT_TAX_ID)
        {
            return 20;
        }
        return MAX_VALUE_LENGTH;
    }
}
