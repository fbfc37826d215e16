package io.hutong.sim.unionpay;

import io.hutong.codec.CodeError;
import io.hutong.codec.emv.cpm.CpmClearPan;
import io.hutong.codec.emv.cpm.CpmDecoder;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;

/**
 * Turns a scanned {@code auth_code} into the numeric consumer code the ledger checks. UnionPay consumer codes are 19
 * digits with prefix 62; the simulated wallet also issues them inside EMV consumer-presented codes (base64 BER-TLV),
 * where the application's PAN is the numeric code. Whether a numeric code is live (prefix, account, check digits,
 * age, use) is the ledger's business, not this class's.
 *
 * <pre>
 *  "6212345678901234567"            digits: as they are
 *  "hQVDUFYwMWEa..." (EMV CPM)      decode; the PAN of the application with UnionPay's RID (A000000333), else of
 *                                   the first application (the wallet may be configured with another AID)
 *  anything else                    null: not a consumer code at all
 * </pre>
 *
 * Stateless and thread-safe (one decoder per thread).
 */
final class UnionPayConsumerCodes
{
    /** UnionPay's registered application provider id, the first five bytes of its AIDs. */
    private static final byte[] UNIONPAY_RID = {(byte)0xA0, 0x00, 0x00, 0x03, 0x33};
    private static final ThreadLocal<CpmDecoder> DECODERS = ThreadLocal.withInitial(CpmDecoder::new);

    private UnionPayConsumerCodes()
    {
    }

    /**
     * @param authCode the {@code auth_code} as received (already checked to be 1-128 digits or base64 characters).
     * @return the numeric code to check, or null when the text is neither digits nor a valid EMV CPM payload.
     */
    static String numeric(final String authCode)
    {
        if (isDigits(authCode))
        {
            return authCode;
        }
        final byte[] text = authCode.getBytes(StandardCharsets.US_ASCII);
        final CpmDecoder decoder = DECODERS.get();
        if (CodeError.NONE != decoder.wrap(new UnsafeBuffer(text), 0, text.length).decode())
        {
            return null;
        }
        int app = 0;
        for (int i = 0; i < decoder.applicationCount(); i++)
        {
            if (decoder.aidStartsWith(i, UNIONPAY_RID))
            {
                app = i;
                break;
            }
        }
        return CpmClearPan.of(decoder, app);
    }

    private static boolean isDigits(final String text)
    {
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (c < '0' || c > '9')
            {
                return false;
            }
        }
        return !text.isEmpty();
    }
}
