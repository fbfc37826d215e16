package io.hutong.core.pos.codec;

/**
 * Body of Result (template 20, switch to terminal): the answer to Pay, Query, Reverse or Refund.
 * <pre>
 *   offset size  field           type      rule
 *    0      8    switchTxnId     i64       the switch's id of the payment or refund, 0 when none exists
 *    8      8    amount          i64       fen, 0..99,999,999,999 (0 when unknown, e.g. NOT_FOUND)
 *   16      4    refSequence     u32       sequence of the request frame answered
 *   20      2    refTemplateId   u16       template id of that request (10..13)
 *   22      2    reasonCode      u16       a PosReason code, 0 = none; unknown codes: read by range
 *   24      1    status          u8        a PosStatus code 1..7
 *   25     32    terminalTxnId   char[32]  the Pay's or Refund's terminal txn id, 1..32 printable ASCII
 *   57     16    walletId        char[16]  participant id of the wallet (e.g. "wechat"), 0..16 printable ASCII
 *   73      2+n  walletTxnId     var       n = 0..64 printable ASCII 0x21..0x7E, the wallet's transaction id
 * </pre>
 * Constants only; thread-safe.
 */
public final class ResultDescriptor
{
    /** Offset of the switch's transaction id. */
    public static final int SWITCH_TXN_ID_OFFSET = 0;
    /** Offset of the amount in fen. */
    public static final int AMOUNT_OFFSET = 8;
    /** Offset of the answered request's sequence. */
    public static final int REF_SEQUENCE_OFFSET = 16;
    /** Offset of the answered request's template id. */
    public static final int REF_TEMPLATE_ID_OFFSET = 20;
    /** Offset of the reason code. */
    public static final int REASON_CODE_OFFSET = 22;
    /** Offset of the status. */
    public static final int STATUS_OFFSET = 24;
    /** Offset of the terminal's transaction id. */
    public static final int TERMINAL_TXN_ID_OFFSET = 25;
    /** Offset of the wallet id. */
    public static final int WALLET_ID_OFFSET = 57;
    /** Length of the fixed block. */
    public static final int BLOCK_LENGTH = 73;
    /** Longest wallet transaction id. */
    public static final int MAX_WALLET_TXN_ID_LENGTH = 64;

    private ResultDescriptor()
    {
    }
}
