package io.hutong.core.journal;

/**
 * Layout of one journal record (record version 1): a 320-byte fixed block, then 0..256 bytes of UTF-8 detail.
 * Little-endian; every text slot zero-padded; the reserved word zero.
 * <pre>
 *  offset size field                    notes
 *  ------ ---- ------------------------ ----------------------------------------------------------
 *     0    2   version                  u16, {@value #VERSION}
 *     2    2   hop                      u16, {@link JournalHop} code
 *     4    1   flow                     u8,  {@link JournalFlow} code
 *     5    1   status                   u8,  {@link JournalStatus} code
 *     6    2   reason                   u16, {@link JournalReason} code
 *     8    8   epochNanos               i64, wall clock, nanoseconds since 1970-01-01T00:00Z
 *    16    8   monotonicNanos           i64, System.nanoTime-style; comparable only within one run
 *    24    8   switchTxnId              i64, 0 for audit events
 *    32    8   amount                   i64, minor units (fen)
 *    40    2   currency                 u16, ISO 4217 numeric (156 = CNY), 0 when none
 *    42    2   detailLength             u16, bytes of detail, 0..256
 *    44    8   text lengths             u8 each, in {@link JournalText} order:
 *                                         44 terminalId, 45 terminalTxnId, 46 walletId,
 *                                         47 counterpartyWalletId, 48 maskedCode, 49 walletCode,
 *                                         50 walletTxnId, 51 walletOrderNo
 *    52    4   reserved                 zero
 *    56   16   contentHash              first 16 bytes of SM3 of the request's canonical content
 *    72   32   chain                    SM3(previous chain || content), see {@link HashChain}
 *   104   16   terminalId               ASCII
 *   120   32   terminalTxnId            ASCII
 *   152    8   walletId                 ASCII  issuer / payer wallet
 *   160    8   counterpartyWalletId     ASCII  acquirer / payee wallet
 *   168   24   maskedCode               ASCII  never a full code (see {@link CodeMasking})
 *   192   32   walletCode               ASCII  the wallet's own result code
 *   224   64   walletTxnId              ASCII
 *   288   32   walletOrderNo            ASCII
 *   320    n   detail                   UTF-8, n = detailLength (audit text)
 * </pre>
 * The chain value of the first record of a journal uses {@link #GENESIS_CHAIN} (32 zero bytes) as the
 * previous value.
 * <p>
 * Stateless constants; thread-safe.
 */
public final class JournalRecordDescriptor
{
    /** The record layout version this code writes and reads. */
    public static final int VERSION = 1;

    /** Offset of the u16 layout version. */
    public static final int VERSION_OFFSET = 0;
    /** Offset of the u16 hop code. */
    public static final int HOP_OFFSET = 2;
    /** Offset of the u8 flow code. */
    public static final int FLOW_OFFSET = 4;
    /** Offset of the u8 status code. */
    public static final int STATUS_OFFSET = 5;
    /** Offset of the u16 reason code. */
    public static final int REASON_OFFSET = 6;
    /** Offset of the i64 wall-clock timestamp in epoch nanoseconds. */
    public static final int EPOCH_NANOS_OFFSET = 8;
    /** Offset of the i64 monotonic timestamp in nanoseconds. */
    public static final int MONOTONIC_NANOS_OFFSET = 16;
    /** Offset of the i64 switch transaction id. */
    public static final int SWITCH_TXN_ID_OFFSET = 24;
    /** Offset of the i64 amount in minor units. */
    public static final int AMOUNT_OFFSET = 32;
    /** Offset of the u16 ISO 4217 numeric currency. */
    public static final int CURRENCY_OFFSET = 40;
    /** Offset of the u16 detail length. */
    public static final int DETAIL_LENGTH_OFFSET = 42;
    /** Offset of the table of eight u8 text lengths, in {@link JournalText} order. */
    public static final int TEXT_LENGTHS_OFFSET = 44;
    /** Offset of the reserved u32, always zero. */
    public static final int RESERVED_OFFSET = 52;
    /** Offset of the 16-byte content hash. */
    public static final int CONTENT_HASH_OFFSET = 56;
    /** Bytes of the content hash. */
    public static final int CONTENT_HASH_LENGTH = 16;
    /** Offset of the 32-byte chain value. */
    public static final int CHAIN_OFFSET = 72;
    /** Bytes of the chain value (an SM3 digest). */
    public static final int CHAIN_LENGTH = 32;
    /** Offset of the first text slot. */
    public static final int TEXT_OFFSET = 104;
    /** Offset of the UTF-8 detail, right after the fixed block. */
    public static final int DETAIL_OFFSET = 320;
    /** Bytes of the fixed block; also the shortest valid record. */
    public static final int FIXED_LENGTH = DETAIL_OFFSET;
    /** Most bytes of UTF-8 detail. */
    public static final int MAX_DETAIL_LENGTH = 256;
    /** Longest valid record. */
    public static final int MAX_LENGTH = FIXED_LENGTH + MAX_DETAIL_LENGTH;

    /** The "previous chain value" of a journal's first record, in hex: 32 zero bytes. */
    public static final String GENESIS_CHAIN = "0000000000000000000000000000000000000000000000000000000000000000";

    private static final byte[] GENESIS = new byte[CHAIN_LENGTH];

    private JournalRecordDescriptor()
    {
    }

    /**
     * @return a fresh copy of the genesis chain value (32 zero bytes).
     */
    public static byte[] genesisChain()
    {
        return GENESIS.clone();
    }
}
