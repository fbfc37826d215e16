package io.hutong.bench.core;

import io.hutong.connector.CreditCommand;
import io.hutong.connector.PayCommand;
import io.hutong.connector.QueryCommand;
import io.hutong.connector.RefundCommand;
import io.hutong.connector.ReleaseCommand;
import io.hutong.connector.ReverseCommand;
import io.hutong.connector.WalletCallback;
import io.hutong.connector.WalletConnector;
import io.hutong.connector.WalletOperation;
import io.hutong.connector.WalletOutcome;
import io.hutong.connector.WalletResult;
import io.hutong.connector.WalletSchedule;

/**
 * A wallet that approves every pay at once: the result goes to the callback before {@link #pay} returns, on the
 * caller's thread, with one shared {@link WalletResult} (wallet code {@value #WALLET_CODE}, wallet txn id
 * {@value #WALLET_TXN_ID}). It stands where a real connector and its HTTP round trip would be, so that what is
 * measured is the switch alone; it allocates nothing itself.
 * <p>
 * The last {@link PayCommand} is kept, as a real connector keeps it until its request is written: the engine's
 * allocation of the command is then real and cannot be removed by escape analysis. Any other operation is a bug
 * in the benchmark (an approved pay needs no query, reverse or refund) and throws.
 * <p>
 * Not thread-safe: called on the engine thread only (the benchmark thread).
 */
public final class ApprovingConnector implements WalletConnector
{
    /** The wallet's own result code in every answer. */
    public static final String WALLET_CODE = "SUCCESS";
    /** The wallet's transaction id in every answer. */
    public static final String WALLET_TXN_ID = "4200001234202611250000001";

    private final String walletId;
    private final WalletSchedule schedule;
    private final WalletResult approved =
        WalletResult.answered(WalletOperation.PAY, WalletOutcome.approved(WALLET_CODE), WALLET_TXN_ID);
    private PayCommand lastPay;
    private long pays;

    /**
     * @param walletId the participant this connector serves.
     * @param schedule the schedule the engine applies to its payments (never reached: nothing is in doubt).
     */
    public ApprovingConnector(final String walletId, final WalletSchedule schedule)
    {
        this.walletId = walletId;
        this.schedule = schedule;
    }

    /**
     * @return pays approved so far.
     */
    public long pays()
    {
        return pays;
    }

    /**
     * @return the last pay command, or null before the first.
     */
    public PayCommand lastPay()
    {
        return lastPay;
    }

    @Override
    public String walletId()
    {
        return walletId;
    }

    @Override
    public WalletSchedule schedule()
    {
        return schedule;
    }

    @Override
    public void pay(final long correlationId, final PayCommand command, final WalletCallback callback)
    {
        lastPay = command;
        pays++;
        callback.onResult(correlationId, approved);
    }

    @Override
    public void query(final long correlationId, final QueryCommand command, final WalletCallback callback)
    {
        throw unexpected(WalletOperation.QUERY);
    }

    @Override
    public void reverse(final long correlationId, final ReverseCommand command, final WalletCallback callback)
    {
        throw unexpected(WalletOperation.REVERSE);
    }

    @Override
    public void refund(final long correlationId, final RefundCommand command, final WalletCallback callback)
    {
        throw unexpected(WalletOperation.REFUND);
    }

    @Override
    public void credit(final long correlationId, final CreditCommand command, final WalletCallback callback)
    {
        throw unexpected(WalletOperation.CREDIT);
    }

    @Override
    public void release(final long correlationId, final ReleaseCommand command, final WalletCallback callback)
    {
        throw unexpected(WalletOperation.RELEASE);
    }

    @Override
    public void close()
    {
    }

    private IllegalStateException unexpected(final WalletOperation operation)
    {
        return new IllegalStateException("operation=" + operation + " wallet=" + walletId +
            ": not expected, every pay is approved at once");
    }
}
