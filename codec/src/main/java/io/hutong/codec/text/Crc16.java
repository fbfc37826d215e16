package io.hutong.codec.text;

import org.agrona.DirectBuffer;

/**
 * CRC-16/CCITT-FALSE (polynomial 0x1021, initial value 0xFFFF, no reflection, no final XOR), the checksum of
 * EMVCo MPM ID 63 (EMV QRCPS-MPM 4.7.3). Table driven; allocation free; thread-safe.
 */
public final class Crc16
{
    private static final int[] TABLE = new int[256];
    // Slicing by four: TABLE_K[x] is the register after byte x followed by K - 1 zero bytes. The CRC is linear,
    // so four bytes fold into four independent lookups (reads a word at a time, a quarter of the dependent steps).
    private static final int[] TABLE_2 = new int[256];
    private static final int[] TABLE_3 = new int[256];
    private static final int[] TABLE_4 = new int[256];

    static
    {
        for (int i = 0; i < 256; i++)
        {
            int crc = i << 8;
            for (int bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
            TABLE[i] = crc & 0xFFFF;
        }
        for (int i = 0; i < 256; i++)
        {
            TABLE_2[i] = shiftZeroByte(TABLE[i]);
            TABLE_3[i] = shiftZeroByte(TABLE_2[i]);
            TABLE_4[i] = shiftZeroByte(TABLE_3[i]);
        }
    }

    private static int shiftZeroByte(final int crc)
    {
        return ((crc << 8) & 0xFFFF) ^ TABLE[crc >>> 8];
    }

    /** Initial value of the register. */
    public static final int INITIAL = 0xFFFF;

    private Crc16()
    {
    }

    /**
     * Checksum of a buffer region.
     *
     * @param buffer holding the bytes.
     * @param offset of the first byte.
     * @param length number of bytes.
     * @return the 16-bit CRC.
     */
    public static int compute(final DirectBuffer buffer, final int offset, final int length)
    {
        return update(INITIAL, buffer, offset, length);
    }

    /**
     * Continue a running checksum over a buffer region.
     *
     * @param crc    the running value ({@link #INITIAL} to start).
     * @param buffer holding the bytes.
     * @param offset of the first byte.
     * @param length number of bytes.
     * @return the updated 16-bit CRC.
     */
    public static int update(final int crc, final DirectBuffer buffer, final int offset, final int length)
    {
        int value = crc;
        int i = offset;
        final int end = offset + length;
        for (final int wordEnd = end - 3; i < wordEnd; i += 4)
        {
            final int word = buffer.getInt(i, java.nio.ByteOrder.BIG_ENDIAN);
            value = TABLE_4[((value >>> 8) ^ (word >>> 24)) & 0xFF] ^
                TABLE_3[(value ^ (word >>> 16)) & 0xFF] ^
                TABLE_2[(word >>> 8) & 0xFF] ^
                TABLE[word & 0xFF];
        }
        for (; i < end; i++)
        {
            value = ((value << 8) ^ TABLE[((value >>> 8) ^ buffer.getByte(i)) & 0xFF]) & 0xFFFF;
        }
        return value;
    }

    /**
     * Checksum of a byte array region.
     *
     * @param bytes  holding the data.
     * @param offset of the first byte.
     * @param length number of bytes.
     * @return the 16-bit CRC.
     */
    public static int compute(final byte[] bytes, final int offset, final int length)
    {
        int value = INITIAL;
        for (int i = offset, end = offset + length; i < end; i++)
        {
            value = ((value << 8) ^ TABLE[((value >>> 8) ^ bytes[i]) & 0xFF]) & 0xFFFF;
        }
        return value;
    }
}
