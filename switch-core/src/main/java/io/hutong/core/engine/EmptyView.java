package io.hutong.core.engine;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The payment view handed with a refusal that names no payment (BUSY, NOT_FOUND, ...): every field empty.
 */
final class EmptyView implements PaymentView
{
    static final EmptyView INSTANCE = new EmptyView();
    private static final DirectBuffer EMPTY = new UnsafeBuffer(new byte[0]);

    private EmptyView()
    {
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
        return EMPTY;
    }

    @Override
    public int terminalTxnIdLength()
    {
        return 0;
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
