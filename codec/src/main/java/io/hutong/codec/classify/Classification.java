package io.hutong.codec.classify;

import io.hutong.codec.CodeError;
import io.hutong.codec.CodeFormat;
import io.hutong.codec.CodeMode;
import io.hutong.codec.DecodeError;
import io.hutong.codec.emv.cpm.CpmDecoder;
import io.hutong.codec.emv.mpm.MpmDecoder;
import org.agrona.DirectBuffer;

/**
 * The outcome of {@link CodeClassifier#classify}: the format, the participants the code routes to (in the
 * order the code names them) and access to the decoded fields, or the typed error. Owned and reused by
 * its classifier: valid until the next call. Not thread-safe.
 */
public final class Classification
{
    /** Most participants one code can route to (one merchant code card lists every enrolled wallet). */
    public static final int MAX_WALLETS = 64;

    private final DecodeError error = new DecodeError();
    private final int[] wallets = new int[MAX_WALLETS];
    private final MpmDecoder mpm;
    private final CpmDecoder cpm;
    private CodeFormat format;
    private int walletCount;
    private boolean provisional;
    private int rule;
    private DirectBuffer buffer;
    private int offset;
    private int length;

    Classification(final MpmDecoder mpm, final CpmDecoder cpm)
    {
        this.mpm = mpm;
        this.cpm = cpm;
    }

    void reset(final DirectBuffer buffer, final int offset, final int length)
    {
        error.reset();
        format = null;
        walletCount = 0;
        provisional = false;
        rule = -1;
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
    }

    void trim(final int offset, final int length)
    {
        this.offset = offset;
        this.length = length;
    }

    void format(final CodeFormat format)
    {
        this.format = format;
    }

    void rule(final int rule)
    {
        this.rule = rule;
    }

    void addWallet(final int participant, final boolean provisionalRule)
    {
        for (int i = 0; i < walletCount; i++)
        {
            if (wallets[i] == participant)
            {
                return;
            }
        }
        if (walletCount < MAX_WALLETS)
        {
            wallets[walletCount++] = participant;
            provisional |= provisionalRule;
        }
    }

    DecodeError mutableError()
    {
        return error;
    }

    /**
     * @return true when the code is well formed (it may still route to no participant, for EMV codes).
     */
    public boolean isValid()
    {
        return error.code() == CodeError.NONE;
    }

    /**
     * @return the error, {@link CodeError#NONE} when valid.
     */
    public CodeError errorCode()
    {
        return error.code();
    }

    /**
     * @return details of the error.
     */
    public DecodeError error()
    {
        return error;
    }

    /**
     * @return the recognised format, or null when the text is no known format.
     */
    public CodeFormat format()
    {
        return format;
    }

    /**
     * @return who presents the code, or null when the format is unknown.
     */
    public CodeMode mode()
    {
        return format == null ? null : format.mode();
    }

    /**
     * @return number of participants the code routes to.
     */
    public int walletCount()
    {
        return walletCount;
    }

    /**
     * @param index 0..{@link #walletCount()}-1.
     * @return a participant index in the registry.
     */
    public int wallet(final int index)
    {
        return wallets[index];
    }

    /**
     * @return true if any routing decision rests on a provisional registry rule.
     */
    public boolean isProvisional()
    {
        return provisional;
    }

    /**
     * @return index of the numeric or URL rule that matched, or -1.
     */
    public int rule()
    {
        return rule;
    }

    /**
     * @return the EMV MPM decoder, holding the fields when {@link #format()} is {@link CodeFormat#EMV_MPM}.
     */
    public MpmDecoder mpm()
    {
        return mpm;
    }

    /**
     * @return the EMV CPM decoder, holding the fields when {@link #format()} is {@link CodeFormat#EMV_CPM}.
     */
    public CpmDecoder cpm()
    {
        return cpm;
    }

    /**
     * @return the buffer holding the code.
     */
    public DirectBuffer buffer()
    {
        return buffer;
    }

    /**
     * @return offset of the code (surrounding white space trimmed).
     */
    public int offset()
    {
        return offset;
    }

    /**
     * @return length of the code in bytes (surrounding white space trimmed).
     */
    public int length()
    {
        return length;
    }
}
