package io.hutong.core.pos.codec;

/**
 * The messages of POS protocol version 1, with their stable wire template ids, fixed block lengths and the
 * directions they may travel in. Codes are a wire contract: never renumber, only add.
 * <pre>
 *   id  message      direction            body fixed block   variable fields
 *    1  LOGON        terminal -&gt; switch   24                 softwareVersion
 *    2  LOGON_ACK    switch -&gt; terminal   26                 -
 *    3  HEARTBEAT    both                  8                 -
 *    4  ERROR        both                  8                 text
 *   10  PAY          terminal -&gt; switch   74                 code, subject
 *   11  QUERY        terminal -&gt; switch   32                 -
 *   12  REVERSE      terminal -&gt; switch   32                 -
 *   13  REFUND       terminal -&gt; switch   72                 -
 *   20  RESULT       switch -&gt; terminal   73                 walletTxnId
 * </pre>
 * Immutable; thread-safe.
 */
public enum PosMessageType
{
    /** A terminal opens a session: nonce, timestamp, software version; MACed with the terminal key. */
    LOGON(1, LogonDescriptor.BLOCK_LENGTH, true, false),
    /** The switch accepts a Logon: its nonce and time; first frame MACed with the session key. */
    LOGON_ACK(2, LogonAckDescriptor.BLOCK_LENGTH, false, true),
    /** Keep-alive, either direction; the switch answers each terminal heartbeat with one. */
    HEARTBEAT(3, HeartbeatDescriptor.BLOCK_LENGTH, true, true),
    /** A protocol or authentication failure; the sender closes the connection after it. */
    ERROR(4, ErrorDescriptor.BLOCK_LENGTH, true, true),
    /** Pay a scanned consumer code. */
    PAY(10, PayDescriptor.BLOCK_LENGTH, true, false),
    /** Ask for the state of an earlier Pay or Refund. */
    QUERY(11, TxnReferenceDescriptor.BLOCK_LENGTH, true, false),
    /** Cancel an earlier Pay (reversal). */
    REVERSE(12, TxnReferenceDescriptor.BLOCK_LENGTH, true, false),
    /** Refund part or all of an approved Pay. */
    REFUND(13, RefundDescriptor.BLOCK_LENGTH, true, false),
    /** The switch's answer to Pay, Query, Reverse and Refund. */
    RESULT(20, ResultDescriptor.BLOCK_LENGTH, false, true);

    private static final int MAX_CODE = 20;
    private static final PosMessageType[] BY_CODE = new PosMessageType[MAX_CODE + 1];

    static
    {
        for (final PosMessageType type : values())
        {
            BY_CODE[type.code] = type;
        }
    }

    private final int code;
    private final int blockLength;
    private final boolean fromTerminal;
    private final boolean fromSwitch;

    PosMessageType(final int code, final int blockLength, final boolean fromTerminal, final boolean fromSwitch)
    {
        this.code = code;
        this.blockLength = blockLength;
        this.fromTerminal = fromTerminal;
        this.fromSwitch = fromSwitch;
    }

    /**
     * @return the template id on the wire (header offset 0, u16).
     */
    public int code()
    {
        return code;
    }

    /**
     * @return length of this message's fixed block in version {@value PosFrameDescriptor#VERSION}.
     */
    public int blockLength()
    {
        return blockLength;
    }

    /**
     * @return true if a terminal may send this message.
     */
    public boolean fromTerminal()
    {
        return fromTerminal;
    }

    /**
     * @return true if the switch may send this message.
     */
    public boolean fromSwitch()
    {
        return fromSwitch;
    }

    /**
     * Lookup by wire code without allocating.
     *
     * @param code a template id.
     * @return the message type, or null when the code is not one of version 1.
     */
    public static PosMessageType get(final int code)
    {
        return code >= 0 && code <= MAX_CODE ? BY_CODE[code] : null;
    }
}
