package io.hutong.codec.emv.cpm;

import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static io.hutong.codec.emv.cpm.CpmDescriptor.MAX_APPLICATIONS;
import static io.hutong.codec.emv.cpm.CpmDescriptor.MAX_BINARY_LENGTH;
import static io.hutong.codec.emv.cpm.CpmDescriptor.PAYLOAD_FORMAT_INDICATOR;
import static io.hutong.codec.emv.cpm.CpmDescriptor.TAG_ADF_NAME;
import static io.hutong.codec.emv.cpm.CpmDescriptor.TAG_APPLICATION_LABEL;
import static io.hutong.codec.emv.cpm.CpmDescriptor.TAG_APPLICATION_PAN;
import static io.hutong.codec.emv.cpm.CpmDescriptor.TAG_APPLICATION_TEMPLATE;
import static io.hutong.codec.emv.cpm.CpmDescriptor.TAG_APPLICATION_TRANSPARENT_TEMPLATE;
import static io.hutong.codec.emv.cpm.CpmDescriptor.TAG_CARDHOLDER_NAME;
import static io.hutong.codec.emv.cpm.CpmDescriptor.TAG_COMMON_DATA_TEMPLATE;
import static io.hutong.codec.emv.cpm.CpmDescriptor.TAG_COMMON_TRANSPARENT_TEMPLATE;
import static io.hutong.codec.emv.cpm.CpmDescriptor.TAG_LANGUAGE_PREFERENCE;
import static io.hutong.codec.emv.cpm.CpmDescriptor.TAG_PAYLOAD_FORMAT_INDICATOR;

/**
 * Builds consumer-presented QR payloads (EMV QRCPS CPM v1.1) for the simulated wallets: '85' "CPV01", one or two
 * Application Templates '61' from {@link CpmApplication}s, then an optional Common Data Template '62' holding, in
 * this order, '5A' PAN, '5F20' cardholder name, '5F2D' language preference and '64' transparent template. The
 * order follows the specification's examples, so spec example 1 and 2 come out byte for byte. Lengths use the
 * shortest BER form.
 * <p>
 * Immutable: every {@code with...} returns a new encoder, so a configured encoder may be shared between threads.
 * {@link #encode(MutableDirectBuffer, int)} writes without allocating; the other outputs allocate. Not on the
 * decode hot path.
 */
public final class CpmEncoder
{
    private static final byte[] NONE = new byte[0];
    private static final byte[] CPV01 = PAYLOAD_FORMAT_INDICATOR.getBytes(StandardCharsets.US_ASCII);
    private static final int MIN_NAME_LENGTH = 2;
    private static final int MAX_NAME_LENGTH = 26;
    private static final int MIN_LANGUAGE_LENGTH = 2;
    private static final int MAX_LANGUAGE_LENGTH = 8;

    private final CpmApplication[] applications;
    private final byte[] commonPan;
    private final byte[] cardholderName;
    private final byte[] languagePreference;
    private final byte[] commonTransparentData;

    /**
     * An encoder with no applications yet; add one or two with {@link #withApplication(CpmApplication)}.
     */
    public CpmEncoder()
    {
        this(new CpmApplication[0], NONE, NONE, NONE, NONE);
    }

    private CpmEncoder(
        final CpmApplication[] applications,
        final byte[] commonPan,
        final byte[] cardholderName,
        final byte[] languagePreference,
        final byte[] commonTransparentData)
    {
        this.applications = applications;
        this.commonPan = commonPan;
        this.cardholderName = cardholderName;
        this.languagePreference = languagePreference;
        this.commonTransparentData = commonTransparentData;
    }

    /**
     * Add an Application Template.
     *
     * @param application the application, in the order the wallet prefers.
     * @return a new encoder.
     * @throws IllegalStateException if two applications are already present.
     */
    public CpmEncoder withApplication(final CpmApplication application)
    {
        if (applications.length == MAX_APPLICATIONS)
        {
            throw new IllegalStateException("applications=" + applications.length + ": at most 2 allowed");
        }
        final CpmApplication[] more = Arrays.copyOf(applications, applications.length + 1);
        more[applications.length] = application;
        return new CpmEncoder(more, commonPan, cardholderName, languagePreference, commonTransparentData);
    }

    /**
     * Put an Application PAN '5A' in the Common Data Template, for applications that carry none.
     *
     * @param pan 12..19 decimal digits.
     * @return a new encoder.
     * @throws IllegalArgumentException if the PAN is not 12..19 digits.
     */
    public CpmEncoder withCommonPan(final String pan)
    {
        return new CpmEncoder(
            applications, CpmApplication.panBcd(pan), cardholderName, languagePreference, commonTransparentData);
    }

    /**
     * Put a Cardholder Name '5F20' in the Common Data Template.
     *
     * @param name 2..26 printable ASCII characters.
     * @return a new encoder.
     * @throws IllegalArgumentException if the name is out of range.
     */
    public CpmEncoder withCardholderName(final String name)
    {
        final byte[] ascii = CpmApplication.printableAscii("cardholderName", name, MIN_NAME_LENGTH, MAX_NAME_LENGTH);
        return new CpmEncoder(applications, commonPan, ascii, languagePreference, commonTransparentData);
    }

    /**
     * Put a Language Preference '5F2D' in the Common Data Template.
     *
     * @param languages 2..8 characters, ISO 639-1 codes run together ("zhen").
     * @return a new encoder.
     * @throws IllegalArgumentException if out of range.
     */
    public CpmEncoder withLanguagePreference(final String languages)
    {
        final byte[] ascii = CpmApplication.printableAscii(
            "languagePreference", languages, MIN_LANGUAGE_LENGTH, MAX_LANGUAGE_LENGTH);
        return new CpmEncoder(applications, commonPan, cardholderName, ascii, commonTransparentData);
    }

    /**
     * Put a Common Data Transparent Template '64' in the Common Data Template.
     *
     * @param tlv well-formed BER-TLV (cryptogram data objects) with each tag at most once; copied.
     * @return a new encoder.
     * @throws IllegalArgumentException if the bytes are not well-formed TLV or repeat a tag.
     */
    public CpmEncoder withCommonTransparentData(final byte[] tlv)
    {
        final byte[] checked = CpmApplication.checkTransparent("commonTransparentData", tlv);
        return new CpmEncoder(applications, commonPan, cardholderName, languagePreference, checked);
    }

    /**
     * @return number of bytes {@link #encode(MutableDirectBuffer, int)} writes.
     */
    public int encodedLength()
    {
        int length = tlvLength(TAG_PAYLOAD_FORMAT_INDICATOR, CPV01.length);
        for (final CpmApplication application : applications)
        {
            length += tlvLength(TAG_APPLICATION_TEMPLATE, applicationValueLength(application));
        }
        final int common = commonValueLength();
        if (common > 0)
        {
            length += tlvLength(TAG_COMMON_DATA_TEMPLATE, common);
        }
        return length;
    }

    /**
     * Write the binary payload.
     *
     * @param dst    receives the payload; needs {@link #encodedLength()} bytes from {@code offset}.
     * @param offset where the first byte goes.
     * @return number of bytes written.
     * @throws IllegalStateException if there is no application, an application has no PAN and there is no common
     *                               PAN, or the payload would exceed 512 bytes.
     */
    public int encode(final MutableDirectBuffer dst, final int offset)
    {
        checkComplete();
        int p = putTlv(dst, offset, TAG_PAYLOAD_FORMAT_INDICATOR, CPV01);
        for (final CpmApplication application : applications)
        {
            p = putHeader(dst, p, TAG_APPLICATION_TEMPLATE, applicationValueLength(application));
            p = putTlv(dst, p, TAG_ADF_NAME, application.aid());
            p = putTlv(dst, p, TAG_APPLICATION_LABEL, application.label());
            p = putTlv(dst, p, application.panTag(), application.panValue());
            p = putTlv(dst, p, TAG_APPLICATION_TRANSPARENT_TEMPLATE, application.transparentData());
        }

        final int common = commonValueLength();
        if (common > 0)
        {
            p = putHeader(dst, p, TAG_COMMON_DATA_TEMPLATE, common);
            p = putTlv(dst, p, TAG_APPLICATION_PAN, commonPan);
            p = putTlv(dst, p, TAG_CARDHOLDER_NAME, cardholderName);
            p = putTlv(dst, p, TAG_LANGUAGE_PREFERENCE, languagePreference);
            p = putTlv(dst, p, TAG_COMMON_TRANSPARENT_TEMPLATE, commonTransparentData);
        }
        return p - offset;
    }

    /**
     * @return the binary payload in a new array.
     * @throws IllegalStateException as {@link #encode(MutableDirectBuffer, int)}.
     */
    public byte[] encodeBytes()
    {
        final byte[] bytes = new byte[encodedLength()];
        encode(new UnsafeBuffer(bytes), 0);
        return bytes;
    }

    /**
     * @return the payload as the padded base64 text a QR code carries.
     * @throws IllegalStateException as {@link #encode(MutableDirectBuffer, int)}.
     */
    public String encodeBase64()
    {
        return Base64Text.encode(encodeBytes());
    }

    private void checkComplete()
    {
        if (applications.length == 0)
        {
            throw new IllegalStateException("applications=0: at least one required");
        }
        for (int i = 0; i < applications.length; i++)
        {
            if (applications[i].panTag() == 0 && commonPan.length == 0)
            {
                throw new IllegalStateException("applications[" + i + "] has no PAN and there is no common PAN");
            }
        }
        final int length = encodedLength();
        if (length > MAX_BINARY_LENGTH)
        {
            throw new IllegalStateException("encodedLength=" + length + ": must be <= " + MAX_BINARY_LENGTH);
        }
    }

    private static int applicationValueLength(final CpmApplication application)
    {
        return optionalTlvLength(TAG_ADF_NAME, application.aid()) +
            optionalTlvLength(TAG_APPLICATION_LABEL, application.label()) +
            optionalTlvLength(application.panTag(), application.panValue()) +
            optionalTlvLength(TAG_APPLICATION_TRANSPARENT_TEMPLATE, application.transparentData());
    }

    private int commonValueLength()
    {
        return optionalTlvLength(TAG_APPLICATION_PAN, commonPan) +
            optionalTlvLength(TAG_CARDHOLDER_NAME, cardholderName) +
            optionalTlvLength(TAG_LANGUAGE_PREFERENCE, languagePreference) +
            optionalTlvLength(TAG_COMMON_TRANSPARENT_TEMPLATE, commonTransparentData);
    }

    /** Absent optional data objects are held as empty arrays and take no bytes; CPM has no empty values. */
    private static int optionalTlvLength(final int tag, final byte[] value)
    {
        return value.length == 0 ? 0 : tlvLength(tag, value.length);
    }

    private static int tlvLength(final int tag, final int valueLength)
    {
        return tagLength(tag) + lengthLength(valueLength) + valueLength;
    }

    private static int tagLength(final int tag)
    {
        return tag > 0xFF ? 2 : 1;
    }

    private static int lengthLength(final int length)
    {
        if (length < 0x80)
        {
            return 1;
        }
        return length <= 0xFF ? 2 : 3;
    }

    private static int putTlv(final MutableDirectBuffer dst, final int offset, final int tag, final byte[] value)
    {
        if (value.length == 0)
        {
            return offset;
        }
        final int p = putHeader(dst, offset, tag, value.length);
        dst.putBytes(p, value);
        return p + value.length;
    }

    private static int putHeader(final MutableDirectBuffer dst, final int offset, final int tag, final int length)
    {
        int p = offset;
        if (tag > 0xFF)
        {
            dst.putByte(p++, (byte)(tag >>> 8));
        }
        dst.putByte(p++, (byte)tag);

        // Shortest definite form: the decoder accepts longer ones, but nothing we issue should need the leniency.
        if (length >= 0x80)
        {
            if (length > 0xFF)
            {
                dst.putByte(p++, (byte)0x82);
                dst.putByte(p++, (byte)(length >>> 8));
            }
            else
            {
                dst.putByte(p++, (byte)0x81);
            }
        }
        dst.putByte(p++, (byte)length);
        return p;
    }
}
