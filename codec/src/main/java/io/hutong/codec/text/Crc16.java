package io.hutong.codec.text;

import org.agrona.DirectBuffer;

/**
 * CRC-16/CCITT-FALSE (polynomial 0x1021, initial value 0xFFFF, no reflection, no final XOR), the checksum of
 * EMVCo MPM ID 63 (EMV QRCPS-MPM 4.7.3). Table driven; allocation free; thread-safe.
 */
public final class Crc16
{
    private static final int[] TABLE = new int[256];

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
        for (int i = offset, end = offset + length; i < end; i++)
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
