package io.hutong.codec.emv.mpm;

import io.hutong.codec.CodeError;
import io.hutong.codec.DecodeError;
import io.hutong.codec.text.Ascii;
import io.hutong.codec.text.Crc16;
import org.agrona.DirectBuffer;

import static io.hutong.codec.emv.mpm.MpmDescriptor.CRC;

/**
 * The CRC check of an MPM payload (EMV QRCPS MPM 4.7.3): CRC-16/CCITT-FALSE over every byte before the CRC
 * value, "6304" included, compared as a number with the four hex digits of ID 63 (so "0abc" and "0ABC" are
 * equal, and a three-digit CRC is refused). Stateless; thread-safe.
 */
final class MpmCrc
{
    private MpmCrc()
    {
    }

    static CodeError check(
        final DirectBuffer buffer, final int payloadOffset, final int crcOffset, final int crcLength,
        final DecodeError error)
    {
        if (crcLength != 4)
        {
            return error.set(CodeError.INVALID_FIELD, crcOffset, CRC, DecodeError.NO_FIELD,
                "CRC must be 4 hexadecimal digits");
        }
        int declared = 0;
        for (int i = 0; i < 4; i++)
        {
            final int nibble = Ascii.hexValue(buffer.getByte(crcOffset + i));
            if (nibble < 0)
            {
                return error.set(CodeError.INVALID_FIELD, crcOffset + i, CRC, DecodeError.NO_FIELD,
                    "CRC must be 4 hexadecimal digits");
            }
            declared = (declared << 4) | nibble;
        }
        final int computed = Crc16.compute(buffer, payloadOffset, crcOffset - payloadOffset);
        if (computed != declared)
        {
            return error.set(CodeError.CRC_MISMATCH, crcOffset, CRC, DecodeError.NO_FIELD,
                "CRC does not match the payload");
        }
        return CodeError.NONE;
    }
}
