package io.hutong.core.pos.codec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * Valid frames of every message type (through the encoders), and raw frames built byte by byte (around them), so
 * tests can break any field on purpose.
 */
public final class TestFrames
{
    public static final String TERMINAL_ID = "TERM0001";

    /** Made once, so encoding a frame in an allocation test allocates nothing in this helper either. */
    private static final UnsafeBuffer TERMINAL_NONCE = PosExample.terminalNonce();
    private static final UnsafeBuffer SWITCH_NONCE = PosExample.switchNonce();

    private TestFrames()
    {
    }

    public static FrameMac exampleMac()
    {
        return new FrameMac().init(PosExample.key(), 0, 16);
    }

    /**
     * A valid frame of {@code type}, length prefix included, MACed with {@code mac}.
     */
    public static byte[] wire(final PosMessageType type, final FrameMac mac)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[PosFrameDescriptor.MAX_WIRE_LENGTH]);
        final int length = encode(new PosFrameEncoder(), buffer, 0, type, mac, 7);
        final byte[] bytes = new byte[length];
        buffer.getBytes(0, bytes);
        return bytes;
    }

    /**
     * The frame of {@link #wire} without its prefix.
     */
    public static UnsafeBuffer frame(final PosMessageType type)
    {
        final byte[] wire = wire(type, exampleMac());
        final byte[] frame = new byte[wire.length - 2];
        System.arraycopy(wire, 2, frame, 0, frame.length);
        return new UnsafeBuffer(frame);
    }

    /**
     * Encode a typical valid frame of {@code type} at {@code offset}.
     *
     * @return bytes written, prefix included.
     */
    public static int encode(
        final PosFrameEncoder encoder,
        final UnsafeBuffer buffer,
        final int offset,
        final PosMessageType type,
        final FrameMac mac,
        final long sequence)
    {
        final long logonSequence = type == PosMessageType.LOGON || type == PosMessageType.LOGON_ACK ? 0 : sequence;
        switch (type)
        {
            case LOGON:
                encoder.logon(buffer, offset).nonce(TERMINAL_NONCE, 0)
                    .timestampMs(PosExample.LOGON_TIME_MS).softwareVersion(PosExample.SOFTWARE_VERSION);
                break;
            case LOGON_ACK:
                encoder.logonAck(buffer, offset).switchNonce(SWITCH_NONCE, 0)
                    .switchTimeMs(PosExample.SWITCH_TIME_MS).heartbeatIntervalSeconds(30);
                break;
            case HEARTBEAT:
                encoder.heartbeat(buffer, offset).timestampMs(PosExample.LOGON_TIME_MS);
                break;
            case ERROR:
                encoder.error(buffer, offset).errorCode(PosReason.BAD_MAC).refTemplateId(10).refSequence(3)
                    .text("bad MAC");
                break;
            case PAY:
                encoder.pay(buffer, offset).amount(PosExample.AMOUNT).currency(156)
                    .terminalTxnId(PosExample.TERMINAL_TXN_ID).merchantId(PosExample.MERCHANT_ID)
                    .code(PosExample.CODE).subject(PosExample.SUBJECT);
                break;
            case QUERY:
                encoder.query(buffer, offset).terminalTxnId(PosExample.TERMINAL_TXN_ID);
                break;
            case REVERSE:
                encoder.reverse(buffer, offset).terminalTxnId(PosExample.TERMINAL_TXN_ID);
                break;
            case REFUND:
                encoder.refund(buffer, offset).amount(500).originalTxnId(PosExample.TERMINAL_TXN_ID)
                    .refundTxnId("R20260101-000001");
                break;
            case RESULT:
                encoder.result(buffer, offset).switchTxnId(PosExample.SWITCH_TXN_ID).amount(PosExample.AMOUNT)
                    .refSequence(1).refTemplateId(PosMessageType.PAY.code()).reason(PosReason.NONE)
                    .status(PosStatus.APPROVED).terminalTxnId(PosExample.TERMINAL_TXN_ID)
                    .walletId(PosExample.WALLET_ID).walletTxnId(PosExample.WALLET_TXN_ID);
                break;
            default:
                throw new IllegalArgumentException("type=" + type);
        }
        return encoder.finish(TERMINAL_ID, logonSequence, 0, mac);
    }

    /**
     * A frame built byte by byte: header fields as given, then the body, then a zero MAC. No rule is enforced.
     */
    public static Raw raw(final PosMessageType type)
    {
        return new Raw(type.code(), type.blockLength());
    }

    /** Builder of raw frames. */
    public static final class Raw
    {
        private int templateId;
        private int version = PosFrameDescriptor.VERSION;
        private int flags;
        private long sequence = 1;
        private int blockLength;
        private Integer bodyLength;
        private byte[] terminalId = TERMINAL_ID.getBytes(StandardCharsets.US_ASCII);
        private final ByteBuffer body = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
        private int trailing;

        Raw(final int templateId, final int blockLength)
        {
            this.templateId = templateId;
            this.blockLength = blockLength;
        }

        public Raw templateId(final int value)
        {
            templateId = value;
            return this;
        }

        public Raw version(final int value)
        {
            version = value;
            return this;
        }

        public Raw flags(final int value)
        {
            flags = value;
            return this;
        }

        public Raw sequence(final long value)
        {
            sequence = value;
            return this;
        }

        public Raw blockLength(final int value)
        {
            blockLength = value;
            return this;
        }

        public Raw bodyLength(final int value)
        {
            bodyLength = value;
            return this;
        }

        public Raw terminalId(final byte[] value)
        {
            terminalId = value;
            return this;
        }

        /** Extra bytes after the MAC, not counted in bodyLength. */
        public Raw trailing(final int count)
        {
            trailing = count;
            return this;
        }

        public Raw i64(final long value)
        {
            body.putLong(value);
            return this;
        }

        public Raw u16(final int value)
        {
            body.putShort((short)value);
            return this;
        }

        public Raw u32(final long value)
        {
            body.putInt((int)value);
            return this;
        }

        public Raw u8(final int value)
        {
            body.put((byte)value);
            return this;
        }

        public Raw bytes(final byte[] value)
        {
            body.put(value);
            return this;
        }

        /** Fixed-width text field, NUL-padded. */
        public Raw fixed(final String value, final int width)
        {
            final byte[] bytes = value.getBytes(StandardCharsets.ISO_8859_1);
            body.put(bytes, 0, Math.min(bytes.length, width));
            for (int i = bytes.length; i < width; i++)
            {
                body.put((byte)0);
            }
            return this;
        }

        /** Variable-length field with its u16 length. */
        public Raw var(final byte[] value)
        {
            body.putShort((short)value.length);
            body.put(value);
            return this;
        }

        public Raw var(final String ascii)
        {
            return var(ascii.getBytes(StandardCharsets.UTF_8));
        }

        /** The frame without prefix. */
        public UnsafeBuffer build()
        {
            final int actualBody = body.position();
            final int declaredBody = bodyLength != null ? bodyLength : actualBody;
            final int length = PosFrameDescriptor.HEADER_LENGTH + actualBody + PosFrameDescriptor.MAC_LENGTH + trailing;
            final ByteBuffer frame = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
            frame.putShort((short)templateId);
            frame.put((byte)version);
            frame.put((byte)flags);
            frame.putInt((int)sequence);
            frame.putShort((short)blockLength);
            frame.putShort((short)declaredBody);
            final byte[] id = new byte[PosFrameDescriptor.TERMINAL_ID_LENGTH];
            System.arraycopy(terminalId, 0, id, 0, Math.min(terminalId.length, id.length));
            frame.put(id);
            frame.put(body.array(), 0, actualBody);
            return new UnsafeBuffer(frame.array());
        }
    }

    /** A valid Pay body, raw, up to (excluding) the code. */
    public static Raw payBlock(final long amount, final int currency, final String txnId, final String merchantId)
    {
        return raw(PosMessageType.PAY).i64(amount).u16(currency)
            .fixed(txnId, PosFrameDescriptor.ID_LENGTH).fixed(merchantId, PosFrameDescriptor.ID_LENGTH);
    }
}
