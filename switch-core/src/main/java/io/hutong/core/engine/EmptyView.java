package io.hutong.core.engine;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The payment view handed with a refusal that names no payment (BUSY, NOT_FOUND, ...): every field empty but the
 * refused request's own txn id, which a POS Result must carry. Engine thread only, one reused for every refusal; a
 * sink reads it during its {@code reply} call.
 */
final class EmptyView implements PaymentView
{
    private static final DirectBuffer EMPTY = new UnsafeBuffer(new byte[0]);

    private final UnsafeBuffer txnId = new UnsafeBuffer(new byte[Payment.ID_CAPACITY]);
    private int txnIdLength;

    EmptyView()
    {
    }

    /**
     * @param source holding the refused request's txn id.
     * @param offset first byte.
     * @param length its length (at most {@link Payment#ID_CAPACITY}, more is cut).
     * @return this.
     */
    EmptyView terminalTxnId(final DirectBuffer source, final int offset, final int length)
    {
        txnIdLength = Math.min(length, txnId.capacity());
        txnId.putBytes(0, source, offset, txnIdLength);
        return this;
    }

    @Override
    public long switchTxnId()
    {
        return 0;
    }

    @Override
    public Flow flow()
    {
        return null;
    }

    @Override
    public FinalStatus status()
    {
        return FinalStatus.DECLINED;
    }

    @Override
    public Reason reason()
    {
        return Reason.NONE;
    }

    @Override
    public long amount()
    {
        return 0;
    }

    @Override
    public long refundedAmount()
    {
        return 0;
    }

    @Override
    public String walletId()
    {
        return null;
    }

    @Override
    public String counterpartyWalletId()
    {
        return null;
    }

    @Override
    public String walletTxnId()
    {
        return null;
    }

    @Override
    public String walletCode()
    {
        return null;
    }

    @Override
    public DirectBuffer terminalId()
    {
        return EMPTY;
    }

    @Override
    public int terminalIdLength()
    {
        return 0;
    }

    @Override
    public DirectBuffer terminalTxnId()
    {
        return txnId;
    }

    @Override
    public int terminalTxnIdLength()
    {
        return txnIdLength;
    }

    @Override
    public DirectBuffer maskedCode()
    {
        return EMPTY;
    }

    @Override
    public int maskedCodeLength()
    {
        return 0;
    }

    @Override
    public long receivedAtMs()
    {
        return 0;
    }
}
