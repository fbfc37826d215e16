package io.hutong.core.engine;

import io.hutong.connector.DeclineReason;
import io.hutong.connector.OutcomeStatus;
import io.hutong.connector.WalletOperation;
import io.hutong.core.journal.JournalReason;
import io.hutong.core.journal.JournalRecordDecoder;
import io.hutong.core.journal.JournalRecordHandler;
import io.hutong.core.journal.JournalStatus;
import io.hutong.core.journal.JournalText;
import org.agrona.DirectBuffer;

/**
 * Rebuilds the engine's state from the journal before it starts: every payment with its idempotency key, the
 * settlement positions, and the work left unfinished by a crash or a stop, which it then resumes:
 * <pre>
 *  last hop seen                    resumed as
 *  RECEIVED / ROUTED (no *_SENT)     never reached a wallet: FINAL DECLINED WALLET_UNAVAILABLE (MPM: then release)
 *  WALLET_SENT, CREDIT_SENT          in doubt: query on the wallet's schedule, then reverse
 *  a result in progress or unknown   in doubt: query, then reverse
 *  REVERSE_SENT / not acknowledged   reverse again until acknowledged (store and forward)
 *  RELEASE_SENT / not acknowledged   release again until acknowledged
 *  REFUND_SENT / no final answer     refund again, same refund number (idempotent at the wallet)
 * </pre>
 * Replaying the same journal twice gives the same state: every step is a function of the records alone.
 * Run on the thread that will run the engine, before the engine starts.
 */
final class Recovery implements JournalRecordHandler
{
    private final Engine engine;
    private long recovered;

    Recovery(final Engine engine)
    {
        this.engine = engine;
    }

    long recovered()
    {
        return recovered;
    }

    @Override
    public void onRecord(final long index, final JournalRecordDecoder r)
    {
        final long id = r.switchTxnId();
        if (0 == id || null == r.hop())
        {
            return;
        }
        engine.observeTxnId(id);
        Payment p = engine.table.byId(id);
        switch (r.hop())
        {
            case RECEIVED ->
            {
                if (null != p)
                {
                    return;
                }
                p = received(r);
            }
            case ROUTED ->
            {
                if (null != p)
                {
                    routed(r, p);
                }
            }
            case WALLET_SENT -> sent(p, PaymentState.PAYING);
            case CREDIT_SENT -> sent(p, PaymentState.CREDITING);
            case QUERY_SENT ->
            {
                sent(p, PaymentState.QUERYING);
                if (null != p)
                {
                    p.queries++;
                }
            }
            case REVERSE_SENT ->
            {
                if (null != p && FinalStatus.APPROVED == p.status)
                {
                    // Reversing a payment already approved: a merchant's void.
                    p.reverseRequested = true;
                }
                sent(p, PaymentState.REVERSING);
                if (null != p)
                {
                    p.reverseAttempts++;
                }
            }
            case RELEASE_SENT ->
            {
                sent(p, PaymentState.RELEASING);
                if (null != p)
                {
                    p.releaseAttempts++;
                }
            }
            case REFUND_SENT ->
            {
                sent(p, PaymentState.REFUNDING);
                if (null != p)
                {
                    p.refundAttempts++;
                }
            }
            case WALLET_RESULT, QUERY_RESULT, REVERSE_RESULT, CREDIT_RESULT, RELEASE_RESULT, REFUND_RESULT ->
                result(r, p);
            case FINAL -> decided(r, p);
            default ->
            {
                // REPLIED, DECODED and audit events change nothing to rebuild.
            }
        }
    }

    private Payment received(final JournalRecordDecoder r)
    {
        final Payment p = engine.table.allocate();
        p.switchTxnId = r.switchTxnId();
        p.flow = Flow.valueOf(r.flow().name());
        p.amount = r.amount();
        p.currency = r.currency();
        p.receivedAtMs = r.epochNanos() / 1_000_000;
        p.receivedNs = System.nanoTime();
        p.terminalIdLength = copy(r, JournalText.TERMINAL_ID, p.terminalId);
        p.terminalTxnIdLength = copy(r, JournalText.TERMINAL_TXN_ID, p.terminalTxnId);
        p.maskedCodeLength = copy(r, JournalText.MASKED_CODE, p.maskedCode);
        final DirectBuffer buffer = r.buffer();
        final int hash = r.contentHashOffset();
        p.contentHashHigh = buffer.getLong(hash);
        p.contentHashLow = buffer.getLong(hash + 8);
        p.state = PaymentState.NEW;
        if (Flow.CPM == p.flow)
        {
            long h = Hashes.hash(CpmFlow.SEED_KEY_CPM, p.terminalId, 0, p.terminalIdLength);
            h = Hashes.hash(h, p.terminalTxnId, 0, p.terminalTxnIdLength);
            p.keyHash = Hashes.finish(h);
        }
        else if (Flow.REFUND == p.flow)
        {
            long h = Hashes.hash(RefundFlow.SEED_KEY_REFUND, p.terminalId, 0, p.terminalIdLength);
            h = Hashes.hash(h, p.terminalTxnId, 0, p.terminalTxnIdLength);
            p.keyHash = Hashes.finish(h);
        }
        engine.table.put(p);
        recovered++;
        return p;
    }

    private void routed(final JournalRecordDecoder r, final Payment p)
    {
        p.walletId = r.walletId();
        p.walletIndex = walletIndex(p.walletId);
        p.counterpartyWalletId = r.textLength(JournalText.COUNTERPARTY_WALLET_ID) > 0 ? r.counterpartyWalletId() : null;
        p.counterpartyIndex = null == p.counterpartyWalletId ? -1 : walletIndex(p.counterpartyWalletId);
        p.orderNo = r.walletOrderNo();
        if (Flow.MPM == p.flow)
        {
            p.payerRef = p.terminalTxnId.getStringWithoutLengthAscii(0, p.terminalTxnIdLength);
            long h = Hashes.hash(MpmFlow.SEED_KEY_MPM, asBuffer(p.walletId), 0, p.walletId.length());
            h = Hashes.hash(h, p.terminalTxnId, 0, p.terminalTxnIdLength);
            p.keyHash = Hashes.finish(h);
            engine.table.put(p);
        }
        else if (Flow.REFUND == p.flow)
        {
            p.refundNo = engine.orderNo('R', p.switchTxnId);
            final Payment original = originalOf(p);
            if (null != original)
            {
                // As when the refund was taken: its amount is reserved against the original at once.
                p.originalTxnId = original.switchTxnId;
                p.originalAmount = original.amount;
                original.refundedAmount += p.amount;
            }
        }
    }

    private static void sent(final Payment p, final PaymentState state)
    {
        if (null != p)
        {
            p.state = state;
            p.callInFlight = true;
        }
    }

    private void result(final JournalRecordDecoder r, final Payment p)
    {
        if (null == p)
        {
            return;
        }
        p.callInFlight = false;
        final JournalStatus status = r.status();
        p.lastOutcome = switch (status)
        {
            case WALLET_APPROVED -> OutcomeStatus.APPROVED;
            case WALLET_DECLINED -> OutcomeStatus.DECLINED;
            case WALLET_IN_PROGRESS -> OutcomeStatus.IN_PROGRESS;
            default -> OutcomeStatus.UNKNOWN;
        };
        final JournalReason reason = r.reason();
        p.lastDecline = null != reason && reason.code() > 0 && reason.code() < 100 ? DeclineReason.valueOf(reason.name()) : null;
        if (OutcomeStatus.DECLINED == p.lastOutcome && null == p.lastDecline)
        {
            p.lastDecline = DeclineReason.OTHER;
        }
        p.lastRequestSent = JournalReason.NOT_SENT != reason;
        if (r.textLength(JournalText.WALLET_TXN_ID) > 0)
        {
            p.walletTxnId.set(r.walletTxnId());
        }
        if (r.textLength(JournalText.WALLET_CODE) > 0)
        {
            p.walletCode.set(r.walletCode());
        }
        if (PaymentState.RELEASING == p.state &&
            (OutcomeStatus.APPROVED == p.lastOutcome || OutcomeStatus.DECLINED == p.lastOutcome))
        {
            p.state = PaymentState.FINAL;
            engine.table.retire(p);
        }
    }

    private void decided(final JournalRecordDecoder r, final Payment p)
    {
        if (null == p)
        {
            return;
        }
        final FinalStatus previous = p.status;
        p.status = switch (r.status())
        {
            case APPROVED -> FinalStatus.APPROVED;
            case DECLINED -> FinalStatus.DECLINED;
            case REVERSED -> FinalStatus.REVERSED;
            default -> FinalStatus.PENDING;
        };
        p.reason = reasonOf(r.reason());
        positions(p, previous);
        if (Flow.REFUND == p.flow && FinalStatus.DECLINED == p.status)
        {
            final Payment original = engine.table.byId(p.originalTxnId);
            if (null != original)
            {
                original.refundedAmount -= p.amount;
            }
        }
        if (Flow.MPM == p.flow && FinalStatus.APPROVED != p.status)
        {
            // A declined or reversed MPM payment still owes the payer a release.
            p.state = PaymentState.RELEASING;
        }
        else
        {
            p.state = PaymentState.FINAL;
            engine.table.retire(p);
        }
    }

    private void positions(final Payment p, final FinalStatus previous)
    {
        if (p.walletIndex < 0 || p.counterpartyIndex < 0)
        {
            return;
        }
        if (Flow.REFUND == p.flow)
        {
            if (FinalStatus.APPROVED == p.status)
            {
                engine.positions.add(p.walletIndex, p.counterpartyIndex, -p.amount);
            }
            return;
        }
        if (FinalStatus.APPROVED == p.status && FinalStatus.APPROVED != previous)
        {
            engine.positions.add(p.walletIndex, p.counterpartyIndex, p.amount);
        }
        else if (FinalStatus.APPROVED == previous && FinalStatus.APPROVED != p.status)
        {
            engine.positions.add(p.walletIndex, p.counterpartyIndex, -p.amount);
        }
    }

    /**
     * After the replay: refunds count against their originals, finished payments retire, and every payment left
     * unfinished is taken up again.
     */
    void resume()
    {
        final java.util.List<Payment> unfinished = new java.util.ArrayList<>();
        engine.table.forEachInFlight(unfinished::add);
        for (final Payment p : unfinished)
        {
            resume(p);
        }
    }

    private void resume(final Payment p)
    {
        p.callInFlight = false;
        if (null == p.walletId || p.walletIndex < 0 || null == engine.wallets[p.walletIndex].connector())
        {
            // Never routed, or routed to a wallet this configuration no longer drives: nothing was sent there.
            if (PaymentState.NEW == p.state)
            {
                engine.decide(p, FinalStatus.DECLINED, Reason.WALLET_UNAVAILABLE);
                engine.complete(p);
            }
            else
            {
                engine.alert(p, "recovered payment for a wallet with no connector: " + p.walletId);
                engine.complete(p);
            }
            return;
        }
        switch (p.state)
        {
            case NEW ->
            {
                engine.decide(p, FinalStatus.DECLINED, Reason.WALLET_UNAVAILABLE);
                if (Flow.MPM == p.flow)
                {
                    p.state = PaymentState.RELEASING;
                    engine.send(p, WalletOperation.RELEASE, Hop.RELEASE_SENT);
                }
                else
                {
                    engine.complete(p);
                }
            }
            case PAYING, CREDITING, QUERYING ->
            {
                p.state = PaymentState.QUERYING;
                restoreAdmission(p);
                engine.scheduleAt(p, engine.nowMs + 1);
            }
            case REVERSING -> engine.scheduleAt(p, engine.nowMs + 1);
            case RELEASING -> engine.scheduleAt(p, engine.nowMs + 1);
            case REFUNDING -> engine.scheduleAt(p, engine.nowMs + 1);
            default -> engine.complete(p);
        }
    }

    private void restoreAdmission(final Payment p)
    {
        final int wallet = Flow.MPM == p.flow ? p.counterpartyIndex : p.walletIndex;
        if (wallet >= 0 && !p.admitted)
        {
            p.admitted = true;
            p.admittedWallet = wallet;
            p.clientIndex = -1;
            engine.admission.restore(-1, wallet);
        }
    }

    /**
     * A refund is sent under its original's order number, which carries the original's switch txn id
     * ({@link Engine#orderNo}: "H", kind, two node digits, id).
     */
    private Payment originalOf(final Payment refund)
    {
        if (null == refund.orderNo || refund.orderNo.length() < 5)
        {
            return null;
        }
        try
        {
            return engine.table.byId(Long.parseLong(refund.orderNo.substring(4)));
        }
        catch (final NumberFormatException ex)
        {
            return null;
        }
    }

    private int walletIndex(final String walletId)
    {
        for (final WalletSlot slot : engine.wallets)
        {
            if (slot.id().equals(walletId))
            {
                return slot.index();
            }
        }
        return -1;
    }

    private static Reason reasonOf(final JournalReason reason)
    {
        if (null == reason)
        {
            return Reason.NONE;
        }
        try
        {
            return Reason.valueOf(reason.name());
        }
        catch (final IllegalArgumentException ex)
        {
            return Reason.OTHER;
        }
    }

    private static int copy(final JournalRecordDecoder r, final JournalText slot, final org.agrona.MutableDirectBuffer target)
    {
        final int length = Math.min(r.textLength(slot), target.capacity());
        target.putBytes(0, r.buffer(), r.textOffset(slot), length);
        return length;
    }

    private static DirectBuffer asBuffer(final String ascii)
    {
        return new org.agrona.concurrent.UnsafeBuffer(ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
