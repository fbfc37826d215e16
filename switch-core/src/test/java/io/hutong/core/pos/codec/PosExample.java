package io.hutong.core.pos.codec;

import java.util.HexFormat;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * The worked example of docs/pos-protocol.md: fixed key, nonces, clock and fields, so every frame is reproducible
 * byte for byte. Test-only key: never use it for anything else.
 */
public final class PosExample
{
    public static final String TERMINAL_ID = "SHOP0001-LANE01";
    public static final String KEY_HEX = "000102030405060708090a0b0c0d0e0f";
    public static final String TERMINAL_NONCE_HEX = "a0a1a2a3a4a5a6a7a8a9aaabacadaeaf";
    public static final String SWITCH_NONCE_HEX = "b0b1b2b3b4b5b6b7b8b9babbbcbdbebf";
    /** 2026-01-01T00:00:00Z. */
    public static final long LOGON_TIME_MS = 1_767_225_600_000L;
    public static final long SWITCH_TIME_MS = LOGON_TIME_MS + 250;
    public static final int HEARTBEAT_SECONDS = 30;
    public static final String SOFTWARE_VERSION = "hutong-pos 1.0";

    public static final long AMOUNT = 1234;
    public static final String TERMINAL_TXN_ID = "T20260101-000001";
    public static final String MERCHANT_ID = "M100000001";
    public static final String CODE = "134567890123456789";
    public static final String SUBJECT = "\u5496\u5561";

    public static final long SWITCH_TXN_ID = 1001;
    public static final String WALLET_ID = "wechat";
    public static final String WALLET_TXN_ID = "4200001234202601010000000001";

    private PosExample()
    {
    }

    public static byte[] key()
    {
        return HexFormat.of().parseHex(KEY_HEX);
    }

    public static UnsafeBuffer terminalNonce()
    {
        return new UnsafeBuffer(HexFormat.of().parseHex(TERMINAL_NONCE_HEX));
    }

    public static UnsafeBuffer switchNonce()
    {
        return new UnsafeBuffer(HexFormat.of().parseHex(SWITCH_NONCE_HEX));
    }

    public static String hex(final UnsafeBuffer buffer, final int offset, final int length)
    {
        final byte[] bytes = new byte[length];
        buffer.getBytes(offset, bytes);
        return HexFormat.of().formatHex(bytes);
    }

    public static UnsafeBuffer fromHex(final String hex)
    {
        return new UnsafeBuffer(HexFormat.of().parseHex(hex));
    }
}
