package io.hutong.codec.card;

import io.hutong.codec.emv.mpm.DataObject;
import io.hutong.codec.emv.mpm.MpmDecoder;
import io.hutong.codec.emv.mpm.MpmDescriptor;
import io.hutong.codec.emv.mpm.MpmPayload;
import io.hutong.codec.emv.mpm.MpmTemplateCursor;
import io.hutong.codec.sign.CodeSigner;
import io.hutong.codec.sign.CodeVerifier;
import io.hutong.codec.sign.TrustedKeys;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import static io.hutong.codec.card.SignedCodeDescriptor.*;

/**
 * Signs merchant codes and verifies their signatures (layout in {@link SignedCodeDescriptor}). A signed code
 * defeats the sticker swap: a fraudster's code pasted over the merchant's card either carries no signature
 * or one that does not verify against the switch's key. Stateless; thread-safe.
 */
public final class MerchantCodeSignatures
{
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final byte[] GUI_BYTES = GUI.getBytes(StandardCharsets.US_ASCII);

    private MerchantCodeSignatures()
    {
    }

    /**
     * Sign a payload and return its text with the signature templates and CRC.
     *
     * @param payload an unsigned payload (must not already use IDs 90 or 91).
     * @param signer  the switch's signing key.
     * @return the signed payload text.
     */
    public static String sign(final MpmPayload payload, final CodeSigner signer)
    {
        if (payload.get(FIRST_TEMPLATE) != null || payload.get(SECOND_TEMPLATE) != null)
        {
            throw new IllegalArgumentException("payload: IDs 90 and 91 are reserved for the signature");
        }
        if (signer.keyId().length() > MAX_KEY_ID_LENGTH)
        {
            throw new IllegalArgumentException("keyId=" + signer.keyId() + ": longer than " + MAX_KEY_ID_LENGTH);
        }
        final String unsignedText = payload.encode(MpmDescriptor.MAX_PAYLOAD_CHARACTERS * 4);
        // Covered bytes: every data object but the CRC (the text without its last 8 characters), then the key id
        // data object, so the id is bound to the signature too.
        final String covered = unsignedText.substring(0, unsignedText.length() - 8) + keyIdObject(signer.keyId());
        final byte[] coveredBytes = covered.getBytes(StandardCharsets.UTF_8);
        final byte[] signature = signer.sign(coveredBytes, 0, coveredBytes.length);
        final byte[] r = Arrays.copyOfRange(signature, 0, HALF_LENGTH);
        final byte[] s = Arrays.copyOfRange(signature, HALF_LENGTH, 2 * HALF_LENGTH);

        final List<DataObject> objects = new ArrayList<>(payload.objects());
        objects.add(DataObject.template(FIRST_TEMPLATE, List.of(
            DataObject.primitive(MpmDescriptor.GUI, GUI),
            DataObject.primitive(KEY_ID, signer.keyId()),
            DataObject.primitive(SIGNATURE_R, ENCODER.encodeToString(r)))));
        objects.add(DataObject.template(SECOND_TEMPLATE, List.of(
            DataObject.primitive(MpmDescriptor.GUI, GUI),
            DataObject.primitive(SIGNATURE_S, ENCODER.encodeToString(s)))));
        return new MpmPayload(objects).encode();
    }

    /**
     * Verify the signature of a decoded payload.
     *
     * @param decoder a decoder whose last decode succeeded.
     * @param trusted the keys whose signatures are accepted.
     * @return valid, invalid (with the reason) or absent.
     */
    public static SignatureCheck verify(final MpmDecoder decoder, final TrustedKeys trusted)
    {
        final MpmTemplateCursor cursor = new MpmTemplateCursor();
        int signatureTemplates = 0;
        for (int i = 0; i < decoder.idCount(); i++)
        {
            final int id = decoder.idAt(i);
            if (isSignatureTemplate(decoder, id, cursor))
            {
                if (id != FIRST_TEMPLATE && id != SECOND_TEMPLATE)
                {
                    return SignatureCheck.invalid(null, "signature template at ID " + id + " instead of 90/91");
                }
                signatureTemplates++;
            }
        }
        if (signatureTemplates == 0)
        {
            return SignatureCheck.absent();
        }
        if (!isSignatureTemplate(decoder, FIRST_TEMPLATE, cursor) || !isSignatureTemplate(decoder, SECOND_TEMPLATE, cursor))
        {
            return SignatureCheck.invalid(null, "signature must span templates 90 and 91");
        }

        final String keyId = decoder.subValue(FIRST_TEMPLATE, KEY_ID);
        final byte[] r = canonicalHalf(decoder.subValue(FIRST_TEMPLATE, SIGNATURE_R));
        final byte[] s = canonicalHalf(decoder.subValue(SECOND_TEMPLATE, SIGNATURE_S));
        if (keyId == null || r == null || s == null ||
            templateHolds(decoder, FIRST_TEMPLATE, cursor, MpmDescriptor.GUI, KEY_ID, SIGNATURE_R) != 3 ||
            templateHolds(decoder, SECOND_TEMPLATE, cursor, MpmDescriptor.GUI, SIGNATURE_S, SIGNATURE_S) != 2)
        {
            return SignatureCheck.invalid(keyId, "malformed signature templates");
        }
        final CodeVerifier verifier = trusted.verifier(keyId);
        if (verifier == null)
        {
            return SignatureCheck.invalid(keyId, "key id " + keyId + " is not trusted");
        }

        final ExpandableArrayBuffer covered = new ExpandableArrayBuffer(decoder.length());
        int coveredLength = 0;
        final DirectBuffer buffer = decoder.buffer();
        for (int i = 0; i < decoder.idCount(); i++)
        {
            final int id = decoder.idAt(i);
            if (id == FIRST_TEMPLATE || id == SECOND_TEMPLATE || id == MpmDescriptor.CRC)
            {
                continue;
            }
            final int objectOffset = decoder.valueOffset(id) - MpmDescriptor.HEADER_LENGTH;
            final int objectLength = decoder.valueLength(id) + MpmDescriptor.HEADER_LENGTH;
            covered.putBytes(coveredLength, buffer, objectOffset, objectLength);
            coveredLength += objectLength;
        }
        final byte[] keyIdBytes = keyIdObject(keyId).getBytes(StandardCharsets.UTF_8);
        covered.putBytes(coveredLength, keyIdBytes);
        coveredLength += keyIdBytes.length;
        final byte[] signature = new byte[2 * HALF_LENGTH];
        System.arraycopy(r, 0, signature, 0, HALF_LENGTH);
        System.arraycopy(s, 0, signature, HALF_LENGTH, HALF_LENGTH);
        final byte[] message = Arrays.copyOf(covered.byteArray(), coveredLength);
        return verifier.verify(message, 0, coveredLength, signature) ?
            new SignatureCheck(SignatureStatus.VALID, keyId, null) :
            SignatureCheck.invalid(keyId, "signature does not match the code");
    }

    private static String keyIdObject(final String keyId)
    {
        final int length = keyId.codePointCount(0, keyId.length());
        return "01" + (length < 10 ? "0" : "") + length + keyId;
    }

    private static boolean isSignatureTemplate(final MpmDecoder decoder, final int id, final MpmTemplateCursor cursor)
    {
        if (!MpmDescriptor.hasGui(id) || !decoder.findSubField(id, MpmDescriptor.GUI, cursor))
        {
            return false;
        }
        // Exact bytes, case included: a case-insensitive match would let one changed letter go unnoticed.
        final DirectBuffer buffer = decoder.buffer();
        if (cursor.valueLength() != GUI_BYTES.length)
        {
            return false;
        }
        for (int i = 0; i < GUI_BYTES.length; i++)
        {
            if (buffer.getByte(cursor.valueOffset() + i) != GUI_BYTES[i])
            {
                return false;
            }
        }
        return true;
    }

    private static int templateHolds(
        final MpmDecoder decoder, final int id, final MpmTemplateCursor cursor, final int a, final int b, final int c)
    {
        int count = 0;
        cursor.wrap(decoder.buffer(), decoder.valueOffset(id), decoder.valueLength(id));
        while (cursor.next())
        {
            final int sub = cursor.id();
            if (sub != a && sub != b && sub != c)
            {
                return -1;
            }
            count++;
        }
        return count;
    }

    private static byte[] canonicalHalf(final String text)
    {
        if (text == null)
        {
            return null;
        }
        try
        {
            final byte[] bytes = DECODER.decode(text);
            // Base64 of 32 bytes leaves two spare bits; only the canonical spelling counts, or a changed last
            // character could decode to the same bytes.
            return bytes.length == HALF_LENGTH && ENCODER.encodeToString(bytes).equals(text) ? bytes : null;
        }
        catch (final IllegalArgumentException ex)
        {
            return null;
        }
    }
}
