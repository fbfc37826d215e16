package io.hutong.core.engine;

import io.hutong.connector.OutcomeStatus;
import io.hutong.connector.WalletOperation;
import io.hutong.connector.WalletSchedule;
import io.hutong.core.engine.command.RequestDecoder;
import io.hutong.core.engine.command.RequestDescriptor;
import org.agrona.DirectBuffer;

/**
 * Refunds of approved CPM payments, on the engine thread. A refund is its own payment (flow REFUND) keyed by
 * the terminal and the refund's own txn id; it reserves its amount on the original at once, so concurrent
 * refunds can never return more than was paid, and gives the reservation back if the wallet declines.
 * <pre>
 *  Refund (original, refund txn id, amount) --&gt; RECEIVED, ROUTED, REFUND_SENT --refund--&gt; issuer wallet
 *     APPROVED: position issuer-&gt;acquirer reduced, FINAL APPROVED     DECLINED: FINAL DECLINED
 *     in doubt: answer PENDING, resend with the same refund number (idempotent) until the wallet answers
 * </pre>
 * Engine thread only.
 */
final class RefundFlow
{
    static final long SEED_KEY_REFUND = 0x524546554E444B59L;

    private final Engine engine;

    RefundFlow(final Engine engine)
    {
        this.engine = engine;
    }

    static long keyHash(final RequestDecoder request)
    {
        final DirectBuffer buffer = request.buffer();
        long h = Hashes.hash(SEED_KEY_REFUND, buffer, request.fieldOffset(RequestDescriptor.TERMINAL_ID),
            request.fieldLength(RequestDescriptor.TERMINAL_ID));
        h = Hashes.hash(h, buffer, request.fieldOffset(RequestDescriptor.REF_TXN_ID),
            request.fieldLength(RequestDescriptor.REF_TXN_ID));
        return Hashes.finish(h);
    }

    void onRefund(final RequestDecoder request)
    {
        engine.counters.received++;
        if (request.fieldLength(RequestDescriptor.REF_TXN_ID) == 0 || request.amount() <= 0)
        {
            engine.refuse(request, Reason.INVALID_REQUEST);
            return;
        }
        final Payment original = engine.lookups().find(request);
        final long keyHash = keyHash(request);
        final long content = Hashes.finish(Hashes.hash(Hashes.hash(SEED_KEY_REFUND, request.amount()),
            null == original ? 0 : original.switchTxnId));
        final Payment existing = engine.table.byKey(keyHash);
        if (null != existing)
        {
            if (Flow.REFUND != existing.flow ||
                !CpmFlow.equal(request, RequestDescriptor.TERMINAL_ID, existing.terminalId, existing.terminalIdLength) ||
                !CpmFlow.equal(request, RequestDescriptor.REF_TXN_ID, existing.terminalTxnId, existing.terminalTxnIdLength))
            {
                engine.refuse(request, Reason.INVALID_REQUEST);
            }
            else if (existing.contentHashHigh != content)
            {
                engine.refuse(request, Reason.MODIFIED_REQUEST);
            }
            else
            {
                engine.outbox.reply(request.source(), request.sessionId(), existing, Reason.DUPLICATE);
            }
            return;
        }
        if (null == original)
        {
            engine.refuse(request, Reason.NOT_FOUND);
            return;
        }
        if (Flow.CPM != original.flow || FinalStatus.APPROVED != original.status || PaymentState.FINAL != original.state)
        {
            engine.refuse(request, Reason.NOT_REFUNDABLE);
            return;
        }
        if (request.amount() > original.amount - original.refundedAmount)
        {
            engine.refuse(request, Reason.REFUND_EXCEEDS_ORIGINAL);
            return;
        }

        final Payment refund = engine.table.allocate();
        refund.switchTxnId = engine.nextTxnId();
        refund.flow = Flow.REFUND;
        refund.keyHash = keyHash;
        refund.contentHashHigh = content;
        RequestFields.copyCommon(request, refund, engine.nowMs);
        refund.terminalTxnId.putBytes(0, request.buffer(), request.fieldOffset(RequestDescriptor.REF_TXN_ID),
            request.fieldLength(RequestDescriptor.REF_TXN_ID));
        refund.terminalTxnIdLength = request.fieldLength(RequestDescriptor.REF_TXN_ID);
        refund.currency = original.currency;
        refund.maskedCode.putBytes(0, original.maskedCode, 0, original.maskedCodeLength);
        refund.maskedCodeLength = original.maskedCodeLength;
        refund.originalTxnId = original.switchTxnId;
        refund.originalAmount = original.amount;
        refund.walletIndex = original.walletIndex;
        refund.walletId = original.walletId;
        refund.counterpartyIndex = original.counterpartyIndex;
        refund.counterpartyWalletId = original.counterpartyWalletId;
        refund.orderNo = original.orderNo;
        refund.refundNo = engine.orderNo('R', refund.switchTxnId);
        refund.replyPending = true;
        original.refundedAmount += refund.amount;
        engine.table.put(refund);
        engine.journal.hop(Hop.RECEIVED, refund);
        engine.journal.hop(Hop.ROUTED, refund);
        refund.state = PaymentState.REFUNDING;
        engine.counters.walletCalls++;
        engine.send(refund, WalletOperation.REFUND, Hop.REFUND_SENT);
    }

    void onRefundResult(final Payment refund)
    {
        engine.journal.hop(Hop.REFUND_RESULT, refund);
        final OutcomeStatus outcome = refund.lastOutcome;
        if (OutcomeStatus.APPROVED == outcome)
        {
            if (refund.counterpartyIndex >= 0)
            {
                engine.positions.add(refund.walletIndex, refund.counterpartyIndex, -refund.amount);
            }
            engine.decide(refund, FinalStatus.APPROVED, Reason.NONE);
            engine.complete(refund);
        }
        else if (OutcomeStatus.DECLINED == outcome || Engine.notSent(refund))
        {
            final Payment original = engine.table.byId(refund.originalTxnId);
            if (null != original)
            {
                original.refundedAmount -= refund.amount;
            }
            final Reason reason = OutcomeStatus.DECLINED == outcome ? Reason.of(refund.lastDecline) : Reason.WALLET_UNAVAILABLE;
            engine.counters.declines[reason.ordinal()]++;
            engine.decide(refund, FinalStatus.DECLINED, reason);
            engine.complete(refund);
        }
        else
        {
            engine.replyIfWaiting(refund);
            final WalletSchedule schedule = engine.wallets[refund.walletIndex].schedule();
            engine.scheduleAt(refund, engine.nowMs + schedule.reverseDelayMs(refund.refundAttempts - 1));
        }
    }
}
