package io.hutong.core.engine;

import io.hutong.connector.DeclineReason;
import io.hutong.connector.OutcomeStatus;
import io.hutong.core.engine.command.WalletResultCodec;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * One payment's state, owned by the engine thread. Pooled: {@link #reset()} readies it for reuse, so a warm
 * engine allocates no payments. Text fields are fixed-capacity byte storage; the only objects created per
 * payment are the strings a connector call needs (order number, code) and the wallet's answer.
 * <p>
 * Engine thread only.
 */
public final class Payment implements PaymentView
{
    static final int ID_CAPACITY = 32;
    static final int MASK_CAPACITY = 24;

    long switchTxnId;
    Flow flow;
    PaymentState state;
    FinalStatus status;
    Reason reason;
    int source;
    long sessionId;
    boolean replyPending;
    int clientIndex;
    final UnsafeBuffer terminalId = new UnsafeBuffer(new byte[ID_CAPACITY]);
    int terminalIdLength;
    final UnsafeBuffer terminalTxnId = new UnsafeBuffer(new byte[ID_CAPACITY]);
    int terminalTxnIdLength;
    final UnsafeBuffer merchantId = new UnsafeBuffer(new byte[ID_CAPACITY]);
    int merchantIdLength;
    final UnsafeBuffer maskedCode = new UnsafeBuffer(new byte[MASK_CAPACITY]);
    int maskedCodeLength;
    long amount;
    int currency;
    long refundedAmount;
    int walletIndex;
    int counterpartyIndex;
    long contentHashHigh;
    long contentHashLow;
    long keyHash;
    long codeHash;
    long receivedAtMs;
    long receivedNs;
    int queries;
    int reverseAttempts;
    int releaseAttempts;
    long timerId;
    long originalTxnId;
    long originalAmount;
    int refundAttempts;
    boolean admitted;
    int admittedWallet;
    boolean alerted;
    boolean callInFlight;
    long callStartNs;
    boolean reverseRequested;
    OutcomeStatus lastOutcome;
    DeclineReason lastDecline;
    boolean lastRequestSent;
    String orderNo;
    String refundNo;
    String payerRef;
    String authCode;
    String payeeAccount;
    String subject;
    final WalletText walletCode = new WalletText(WalletResultCodec.MAX_WALLET_CODE);
    final WalletText walletTxnId = new WalletText(WalletResultCodec.MAX_WALLET_TXN_ID);
    String walletId;
    String counterpartyWalletId;

    /**
     * Forget everything before reuse.
     */
    void reset()
    {
        switchTxnId = 0;
        flow = null;
        state = PaymentState.NEW;
        status = FinalStatus.PENDING;
        reason = Reason.NONE;
        source = 0;
        sessionId = 0;
        replyPending = false;
        clientIndex = -1;
        terminalIdLength = 0;
        terminalTxnIdLength = 0;
        merchantIdLength = 0;
        maskedCodeLength = 0;
        amount = 0;
        currency = 0;
        refundedAmount = 0;
        walletIndex = -1;
        counterpartyIndex = -1;
        contentHashHigh = 0;
        contentHashLow = 0;
        keyHash = 0;
        codeHash = 0;
        receivedAtMs = 0;
        receivedNs = 0;
        queries = 0;
        reverseAttempts = 0;
        releaseAttempts = 0;
        timerId = PaymentTimers.NO_TIMER;
        originalTxnId = 0;
        originalAmount = 0;
        refundAttempts = 0;
        admitted = false;
        admittedWallet = -1;
        alerted = false;
        callInFlight = false;
        reverseRequested = false;
        lastOutcome = null;
        lastDecline = null;
        lastRequestSent = true;
        orderNo = null;
        refundNo = null;
        payerRef = null;
        authCode = null;
        payeeAccount = null;
        subject = null;
        walletCode.clear();
        walletTxnId.clear();
        walletId = null;
        counterpartyWalletId = null;
    }

    /**
     * @return true once the payment has its final state.
     */
    public boolean isFinal()
    {
        return PaymentState.FINAL == state;
    }

    /**
     * @return the current life-cycle state.
     */
    public PaymentState state()
    {
        return state;
    }

    /**
     * @return the switch txn id of the payment a refund refers to, or 0.
     */
    public long originalTxnId()
    {
        return originalTxnId;
    }

    /**
     * @return the last wallet call's outcome, or null before any.
     */
    public OutcomeStatus lastOutcome()
    {
        return lastOutcome;
    }

    /**
     * @return the last wallet call's decline reason, or null.
     */
    public DeclineReason lastDecline()
    {
        return lastDecline;
    }

    /**
     * @return the merchant id (CPM) as sent by the terminal; read {@link #merchantIdLength()} bytes.
     */
    public DirectBuffer merchantId()
    {
        return merchantId;
    }

    /**
     * @return the merchant id's length.
     */
    public int merchantIdLength()
    {
        return merchantIdLength;
    }

    /**
     * @return the content hash's high 64 bits (with {@link #contentHashLow()}: 16 bytes of request content
     * hash, for the journal).
     */
    public long contentHashHigh()
    {
        return contentHashHigh;
    }

    /**
     * @return the content hash's low 64 bits.
     */
    public long contentHashLow()
    {
        return contentHashLow;
    }

    /**
     * @return the currency (ISO 4217 numeric).
     */
    public int currency()
    {
        return currency;
    }

    /**
     * @return the order number used at the wallet, or null before routing.
     */
    public String orderNo()
    {
        return orderNo;
    }

    @Override
    public long switchTxnId()
    {
        return switchTxnId;
    }

    @Override
    public Flow flow()
    {
        return flow;
    }

    /**
     * A merchant's void of an approved payment shows as pending until the wallet acknowledges the reversal.
     */
    @Override
    public FinalStatus status()
    {
        return PaymentState.REVERSING == state && FinalStatus.APPROVED == status ? FinalStatus.PENDING : status;
    }

    @Override
    public Reason reason()
    {
        return reason;
    }

    @Override
    public long amount()
    {
        return amount;
    }

    @Override
    public long refundedAmount()
    {
        return refundedAmount;
    }

    @Override
    public String walletId()
    {
        return walletId;
    }

    @Override
    public String counterpartyWalletId()
    {
        return counterpartyWalletId;
    }

    @Override
    public CharSequence walletTxnId()
    {
        return walletTxnId.isEmpty() ? null : walletTxnId;
    }

    @Override
    public CharSequence walletCode()
    {
        return walletCode.isEmpty() ? null : walletCode;
    }

    @Override
    public DirectBuffer terminalId()
    {
        return terminalId;
    }

    @Override
    public int terminalIdLength()
    {
        return terminalIdLength;
    }

    @Override
    public DirectBuffer terminalTxnId()
    {
        return terminalTxnId;
    }

    @Override
    public int terminalTxnIdLength()
    {
        return terminalTxnIdLength;
    }

    @Override
    public DirectBuffer maskedCode()
    {
        return maskedCode;
    }

    @Override
    public int maskedCodeLength()
    {
        return maskedCodeLength;
    }

    @Override
    public long receivedAtMs()
    {
        return receivedAtMs;
    }

    @Override
    public String toString()
    {
        return "Payment[" + switchTxnId + " " + flow + " " + state + " " + status + " " + reason + " amount=" + amount +
            " wallet=" + walletId + " terminalTxnId=" + terminalTxnId.getStringWithoutLengthAscii(0, terminalTxnIdLength) +
            " code=" + maskedCode.getStringWithoutLengthAscii(0, maskedCodeLength) + "]";
    }
}
