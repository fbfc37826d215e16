package io.hutong.codec.emv.cpm;

/**
 * Tags, limits and layout of the EMVCo consumer-presented QR payload (EMV QRCPS Consumer-Presented Mode v1.1;
 * data object formats from EMV Book 3 Annex A): a base64 text of BER-TLV data objects, at most
 * {@value #MAX_BINARY_LENGTH} bytes once decoded.
 * <pre>
 *   base64 text (QR byte mode, &lt;= 684 characters)
 *     |  RFC 4648 decode
 *     v
 *   +------+---------------+---------------------------------------------------------------+
 *   | 85   | 05 "CPV01"    | Payload Format Indicator: first, exactly once                 |
 *   +------+---------------+---------------------------------------------------------------+
 *   | 61   | len  ...      | Application Template: one or two                              |
 *   |      |  4F  AID      |   ADF Name, 5..16 bytes                      mandatory        |
 *   |      |  50  label    |   Application Label, 1..16 printable ASCII   optional         |
 *   |      |  57  track 2  |   PAN 'D' YYMM service-code discretionary 'F'-pad  } PAN in   |
 *   |      |  5A  PAN      |   BCD, 'F'-padded, 12..19 digits                   } one, or  |
 *   |      |               |                                                    } in '62'  |
 *   |      |  5F20 5F2D 5F50 9F08 9F19 9F24 9F25                     optional, not interpreted |
 *   |      |  63  len ...  |   Application Specific Transparent Template: 9F26 9F27 9F10   |
 *   |      |               |   9F36 9F37 (cryptogram data), well-formed TLV               |
 *   +------+---------------+---------------------------------------------------------------+
 *   | 62   | len  ...      | Common Data Template: optional, at most once                  |
 *   |      |  5A / 57      |   PAN for applications that carry none                        |
 *   |      |  5F20 5F2D    |   cardholder name, language preference (not interpreted)     |
 *   |      |  64  len ...  |   Common Data Transparent Template (cryptogram data)          |
 *   +------+---------------+---------------------------------------------------------------+
 * </pre>
 * Spec example 1 decodes to {@code 85 05 "CPV01" 61 1A (4F 07 A0000000555555 57 0F 1234567890123458 D 1912 201
 * 12345 F)}.
 * <p>
 * Constants only; thread-safe.
 */
public final class CpmDescriptor
{
    /** Largest decoded payload, in bytes (EMV QRCPS CPM: the QR Code holds at most 512 bytes of data). */
    public static final int MAX_BINARY_LENGTH = 512;
    /** Longest base64 text that can decode to {@link #MAX_BINARY_LENGTH} bytes (padded). */
    public static final int MAX_TEXT_LENGTH = 684;
    /** Most Application Templates in one payload. */
    public static final int MAX_APPLICATIONS = 2;

    /** Payload Format Indicator, always the first data object. */
    public static final int TAG_PAYLOAD_FORMAT_INDICATOR = 0x85;
    /** Application Template, one per offered payment application. */
    public static final int TAG_APPLICATION_TEMPLATE = 0x61;
    /** Common Data Template, data shared by all applications. */
    public static final int TAG_COMMON_DATA_TEMPLATE = 0x62;
    /** Application Specific Transparent Template, inside an Application Template. */
    public static final int TAG_APPLICATION_TRANSPARENT_TEMPLATE = 0x63;
    /** Common Data Transparent Template, inside the Common Data Template. */
    public static final int TAG_COMMON_TRANSPARENT_TEMPLATE = 0x64;

    /** ADF Name: the application identifier (AID), RID first. */
    public static final int TAG_ADF_NAME = 0x4F;
    /** Application Label, for display. */
    public static final int TAG_APPLICATION_LABEL = 0x50;
    /** Track 2 Equivalent Data. */
    public static final int TAG_TRACK2_EQUIVALENT_DATA = 0x57;
    /** Application Primary Account Number, BCD. */
    public static final int TAG_APPLICATION_PAN = 0x5A;
    /** Cardholder Name. */
    public static final int TAG_CARDHOLDER_NAME = 0x5F20;
    /** Language Preference. */
    public static final int TAG_LANGUAGE_PREFERENCE = 0x5F2D;
    /** Issuer URL. */
    public static final int TAG_ISSUER_URL = 0x5F50;
    /** Application Version Number. */
    public static final int TAG_APPLICATION_VERSION_NUMBER = 0x9F08;
    /** Token Requestor ID. */
    public static final int TAG_TOKEN_REQUESTOR_ID = 0x9F19;
    /** Payment Account Reference. */
    public static final int TAG_PAYMENT_ACCOUNT_REFERENCE = 0x9F24;
    /** Last 4 Digits of PAN. */
    public static final int TAG_LAST_FOUR_DIGITS_OF_PAN = 0x9F25;

    /** Application Cryptogram, in a transparent template. */
    public static final int TAG_APPLICATION_CRYPTOGRAM = 0x9F26;
    /** Cryptogram Information Data, in a transparent template. */
    public static final int TAG_CRYPTOGRAM_INFORMATION_DATA = 0x9F27;
    /** Issuer Application Data, in a transparent template. */
    public static final int TAG_ISSUER_APPLICATION_DATA = 0x9F10;
    /** Application Transaction Counter, in a transparent template. */
    public static final int TAG_APPLICATION_TRANSACTION_COUNTER = 0x9F36;
    /** Unpredictable Number, in a transparent template. */
    public static final int TAG_UNPREDICTABLE_NUMBER = 0x9F37;

    /** Value of the Payload Format Indicator for this version, ASCII. */
    public static final String PAYLOAD_FORMAT_INDICATOR = "CPV01";
    /** Shortest ADF Name: a 5-byte RID with no PIX. */
    public static final int MIN_AID_LENGTH = 5;
    /** Longest ADF Name (ISO/IEC 7816-4). */
    public static final int MAX_AID_LENGTH = 16;
    /** Longest Application Label, in bytes. */
    public static final int MAX_LABEL_LENGTH = 16;
    /** Fewest PAN digits accepted (ISO/IEC 7812-1). */
    public static final int MIN_PAN_DIGITS = 12;
    /** Most PAN digits accepted (ISO/IEC 7812-1). */
    public static final int MAX_PAN_DIGITS = 19;
    /** Longest '5A' value: 19 digits and an 'F' pad. */
    public static final int MAX_PAN_BYTES = 10;
    /** Longest '57' value (EMV Book 3 Annex A: var. up to 19 bytes). */
    public static final int MAX_TRACK2_BYTES = 19;
    /** Track 2 field separator nibble. */
    public static final int TRACK2_SEPARATOR = 0xD;
    /** Padding nibble of BCD fields. */
    public static final int PAD_NIBBLE = 0xF;
    /** PAN digits that may be shown at the start of a masked PAN (PCI DSS: first six, last four at most). */
    public static final int MASK_VISIBLE_PREFIX = 6;
    /** PAN digits that may be shown at the end of a masked PAN. */
    public static final int MASK_VISIBLE_SUFFIX = 4;
    /** Character standing for each hidden PAN digit. */
    public static final char MASK_CHARACTER = '*';

    private CpmDescriptor()
    {
    }
}
