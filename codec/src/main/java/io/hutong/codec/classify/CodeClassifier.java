package io.hutong.codec.classify;

import io.hutong.codec.CodeError;
import io.hutong.codec.CodeFormat;
import io.hutong.codec.DecodeError;
import io.hutong.codec.emv.cpm.CpmDecoder;
import io.hutong.codec.emv.cpm.CpmDescriptor;
import io.hutong.codec.emv.mpm.MpmDecoder;
import io.hutong.codec.emv.mpm.MpmDescriptor;
import io.hutong.codec.emv.mpm.MpmTemplateCursor;
import io.hutong.codec.numeric.NumericCodeMatcher;
import io.hutong.codec.registry.RuleStatus;
import io.hutong.codec.registry.WalletRegistry;
import io.hutong.codec.text.Ascii;
import io.hutong.codec.url.UrlCodeMatcher;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The one entry point from "a scanner read this" to "this is an EMV merchant code for wechat and alipay":
 * recognises the format, decodes it and routes it through the {@link WalletRegistry}.
 * <pre>
 *   all digits ............................ NUMERIC  -> numeric rules (prefix, length)
 *   "0002" ................................ EMV_MPM  -> primitive IDs 02..25, template GUIs 26..51
 *   scheme "://" .......................... URL      -> URL prefixes
 *   "hQ" (base64 of tag 85) or byte 0x85 .. EMV_CPM  -> AID prefixes
 *   anything else ......................... UNSUPPORTED_FORMAT
 * </pre>
 * Surrounding white space (a keyboard-wedge scanner's CR/LF) is ignored. No input makes it throw, and
 * nothing allocates after construction: results land in a reused {@link Classification}.
 * <p>
 * Not thread-safe: one instance per thread.
 */
public final class CodeClassifier
{
    /** Most bytes of input considered at all; longer input is {@link CodeError#TOO_LONG} at once. */
    public static final int MAX_INPUT_BYTES = MpmDescriptor.MAX_PAYLOAD_BYTES;

    private static final int NONE = DecodeError.NO_FIELD;

    private final WalletRegistry registry;
    private final MpmDecoder mpm = new MpmDecoder();
    private final CpmDecoder cpm = new CpmDecoder();
    private final MpmTemplateCursor cursor = new MpmTemplateCursor();
    private final Classification result = new Classification(mpm, cpm);
    private final UnsafeBuffer textBuffer = new UnsafeBuffer(new byte[MAX_INPUT_BYTES]);
    private final UnsafeBuffer aidBuffer = new UnsafeBuffer(new byte[CpmDescriptor.MAX_AID_LENGTH]);

    /**
     * @param registry the participants and their routing rules.
     */
    public CodeClassifier(final WalletRegistry registry)
    {
        this.registry = registry;
    }

    /**
     * @return the registry codes are routed with.
     */
    public WalletRegistry registry()
    {
        return registry;
    }

    /**
     * Classify text, e.g. from the command line or a JSON request.
     *
     * @param text the scanned text.
     * @return the reused result.
     */
    public Classification classify(final CharSequence text)
    {
        final int length = encodeUtf8(text);
        if (length < 0)
        {
            result.reset(textBuffer, 0, 0);
            fail(CodeError.TOO_LONG, MAX_INPUT_BYTES, "code longer than any payment code");
            return result;
        }
        return classify(textBuffer, 0, length);
    }

    /**
     * Classify scanned bytes in place.
     *
     * @param buffer holding the code (UTF-8 text, or raw EMV CPM binary).
     * @param offset first byte.
     * @param length bytes.
     * @return the reused result.
     */
    public Classification classify(final DirectBuffer buffer, final int offset, final int length)
    {
        result.reset(buffer, offset, length);
        if (length > MAX_INPUT_BYTES)
        {
            fail(CodeError.TOO_LONG, offset + MAX_INPUT_BYTES, "code longer than any payment code");
            return result;
        }

        int start = offset;
        int end = offset + length;
        if (length > 0 && (buffer.getByte(offset) & 0xFF) == CpmDescriptor.TAG_PAYLOAD_FORMAT_INDICATOR)
        {
            classifyCpm(buffer, offset, length, true);
            return result;
        }
        while (start < end && isWhiteSpace(buffer.getByte(start)))
        {
            start++;
        }
        while (end > start && isWhiteSpace(buffer.getByte(end - 1)))
        {
            end--;
        }
        final int trimmed = end - start;
        result.trim(start, trimmed);

        if (trimmed == 0)
        {
            fail(CodeError.MALFORMED, start, "empty code");
        }
        else if (Ascii.isAllDigits(buffer, start, trimmed))
        {
            classifyNumeric(buffer, start, trimmed);
        }
        else if (trimmed >= 4 && buffer.getByte(start) == '0' && buffer.getByte(start + 1) == '0' &&
            buffer.getByte(start + 2) == '0' && buffer.getByte(start + 3) == '2')
        {
            classifyMpm(buffer, start, trimmed);
        }
        else if (UrlCodeMatcher.isUrlShaped(buffer, start, trimmed))
        {
            classifyUrl(buffer, start, trimmed);
        }
        else if (trimmed >= 2 && buffer.getByte(start) == 'h' && buffer.getByte(start + 1) == 'Q')
        {
            classifyCpm(buffer, start, trimmed, false);
        }
        else
        {
            fail(CodeError.UNSUPPORTED_FORMAT, start,
                "not an EMV merchant or consumer code, a wallet's numeric code or a merchant URL");
        }
        return result;
    }

    private void classifyNumeric(final DirectBuffer buffer, final int offset, final int length)
    {
        result.format(CodeFormat.NUMERIC);
        final NumericCodeMatcher matcher = registry.numericMatcher();
        final int rule = matcher.match(buffer, offset, length);
        if (rule == NumericCodeMatcher.NO_MATCH)
        {
            fail(CodeError.UNKNOWN_ISSUER, offset, "no participant issues numeric codes with this prefix and length");
            return;
        }
        result.rule(rule);
        result.addWallet(matcher.rule(rule).participant(), matcher.rule(rule).status() == RuleStatus.PROVISIONAL);
    }

    private void classifyMpm(final DirectBuffer buffer, final int offset, final int length)
    {
        result.format(CodeFormat.EMV_MPM);
        final CodeError error = mpm.wrap(buffer, offset, length).decode();
        if (error != CodeError.NONE)
        {
            result.mutableError().set(mpm.error());
            return;
        }
        for (int i = 0, count = mpm.idCount(); i < count; i++)
        {
            final int id = mpm.idAt(i);
            if (id <= MpmDescriptor.MERCHANT_ACCOUNT_PRIMITIVE_LAST && id >= MpmDescriptor.MERCHANT_ACCOUNT_FIRST)
            {
                final int participant = registry.participantForPrimitiveId(id);
                if (participant != WalletRegistry.NO_PARTICIPANT)
                {
                    result.addWallet(participant, registry.primitiveIdStatus(id) == RuleStatus.PROVISIONAL);
                }
            }
            else if (id >= MpmDescriptor.MERCHANT_ACCOUNT_TEMPLATE_FIRST && id <= MpmDescriptor.MERCHANT_ACCOUNT_LAST &&
                mpm.findSubField(id, MpmDescriptor.GUI, cursor))
            {
                final int entry = registry.guiEntry(buffer, cursor.valueOffset(), cursor.valueLength());
                if (entry != WalletRegistry.NO_PARTICIPANT)
                {
                    result.addWallet(registry.guiParticipant(entry), registry.guiStatus(entry) == RuleStatus.PROVISIONAL);
                }
            }
        }
    }

    private void classifyUrl(final DirectBuffer buffer, final int offset, final int length)
    {
        result.format(CodeFormat.URL);
        if (length > UrlCodeMatcher.MAX_URL_LENGTH)
        {
            fail(CodeError.TOO_LONG, offset + UrlCodeMatcher.MAX_URL_LENGTH, "merchant URL longer than 512 characters");
            return;
        }
        final int bad = UrlCodeMatcher.findInvalidCharacter(buffer, offset, length);
        if (bad >= 0)
        {
            fail(CodeError.INVALID_FIELD, bad, "character not allowed in a URL");
            return;
        }
        final UrlCodeMatcher matcher = registry.urlMatcher();
        final int rule = matcher.match(buffer, offset, length);
        if (rule == UrlCodeMatcher.NO_MATCH)
        {
            fail(CodeError.UNKNOWN_ISSUER, offset, "no participant's merchant URL prefix matches");
            return;
        }
        result.rule(rule);
        result.addWallet(matcher.rule(rule).participant(), matcher.rule(rule).status() == RuleStatus.PROVISIONAL);
    }

    private void classifyCpm(final DirectBuffer buffer, final int offset, final int length, final boolean binary)
    {
        result.format(CodeFormat.EMV_CPM);
        final CodeError error = binary ?
            cpm.wrapBinary(buffer, offset, length).decode() : cpm.wrap(buffer, offset, length).decode();
        if (error != CodeError.NONE)
        {
            final DecodeError detail = result.mutableError();
            detail.set(cpm.error());
            // The CPM decoder counts from the start of the code: in the base64 text, or in the decoded binary.
            // Report an offset into what was scanned, as for every other format.
            final int relative = detail.offset();
            final int inScanned = binary || cpm.errorInText() ? relative : (relative / 3) * 4 + relative % 3;
            detail.shiftOffset(offset + inScanned - relative);
            return;
        }
        for (int app = 0, count = cpm.applicationCount(); app < count; app++)
        {
            final int aidLength = cpm.getAid(app, aidBuffer, 0);
            final int entry = registry.aidEntry(aidBuffer, 0, aidLength);
            if (entry != WalletRegistry.NO_PARTICIPANT)
            {
                result.addWallet(registry.aidParticipant(entry), registry.aidStatus(entry) == RuleStatus.PROVISIONAL);
            }
        }
    }

    private void fail(final CodeError code, final int offset, final String detail)
    {
        result.mutableError().set(code, offset, NONE, NONE, detail);
    }

    private int encodeUtf8(final CharSequence text)
    {
        final int capacity = textBuffer.capacity();
        int position = 0;
        for (int i = 0, length = text.length(); i < length; i++)
        {
            int c = text.charAt(i);
            if (Character.isHighSurrogate((char)c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1)))
            {
                c = Character.toCodePoint((char)c, text.charAt(++i));
            }
            else if (Character.isSurrogate((char)c))
            {
                c = 0xFFFD; // an unpaired surrogate cannot be UTF-8; the decoders will refuse the replacement
            }
            final int bytes = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
            if (position + bytes > capacity)
            {
                return -1;
            }
            switch (bytes)
            {
                case 1:
                    textBuffer.putByte(position++, (byte)c);
                    break;
                case 2:
                    textBuffer.putByte(position++, (byte)(0xC0 | (c >> 6)));
                    textBuffer.putByte(position++, (byte)(0x80 | (c & 0x3F)));
                    break;
                case 3:
                    textBuffer.putByte(position++, (byte)(0xE0 | (c >> 12)));
                    textBuffer.putByte(position++, (byte)(0x80 | ((c >> 6) & 0x3F)));
                    textBuffer.putByte(position++, (byte)(0x80 | (c & 0x3F)));
                    break;
                default:
                    textBuffer.putByte(position++, (byte)(0xF0 | (c >> 18)));
                    textBuffer.putByte(position++, (byte)(0x80 | ((c >> 12) & 0x3F)));
                    textBuffer.putByte(position++, (byte)(0x80 | ((c >> 6) & 0x3F)));
                    textBuffer.putByte(position++, (byte)(0x80 | (c & 0x3F)));
                    break;
            }
        }
        return position;
    }

    private static boolean isWhiteSpace(final byte b)
    {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }
}
