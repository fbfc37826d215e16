package io.hutong.core.engine;

import io.hutong.core.engine.command.RequestDecoder;
import io.hutong.core.engine.command.RequestDescriptor;

/**
 * Requests that name an existing payment: query its state, or void it (merchant-initiated reverse).
 * A payment is named by switch txn id (HTTP) or by the terminal's own txn id (POS); a client only ever sees
 * its own payments.
 * <p>
 * A void of a payment the switch never saw leaves a REVERSED tombstone under that terminal txn id, so a pay
 * that arrives late under it is answered "reversed" and never reaches a wallet (ISO 8583 reversal practice).
 * Engine thread only.
 */
final class Lookups
{
    private final Engine engine;
    private final CpmFlow cpm;

    Lookups(final Engine engine, final CpmFlow cpm)
    {
        this.engine = engine;
        this.cpm = cpm;
    }

    /**
     * @param request a request naming a payment.
     * @return the client's payment it names (CPM, MPM or refund), or null.
     */
    Payment find(final RequestDecoder request)
    {
        final Payment payment;
        if (0 != request.switchTxnId())
        {
            payment = engine.table.byId(request.switchTxnId());
        }
        else
        {
            final Payment byPay = engine.table.byKey(CpmFlow.keyHash(request));
            if (null != byPay && Flow.CPM == byPay.flow && CpmFlow.sameKey(request, byPay))
            {
                return byPay;
            }
            final Payment byRefund = engine.table.byKey(refundKey(request));
            payment = null != byRefund && Flow.REFUND == byRefund.flow &&
                CpmFlow.equal(request, RequestDescriptor.TERMINAL_TXN_ID, byRefund.terminalTxnId, byRefund.terminalTxnIdLength) ?
                byRefund : null;
        }
        if (null == payment ||
            !CpmFlow.equal(request, RequestDescriptor.TERMINAL_ID, payment.terminalId, payment.terminalIdLength))
        {
            return null;
        }
        return payment;
    }

    void onQuery(final RequestDecoder request)
    {
        final Payment payment = find(request);
        if (null == payment)
        {
            engine.refuse(request, Reason.NOT_FOUND);
            return;
        }
        engine.outbox.reply(request.source(), request.sessionId(), payment, Reason.NONE);
    }

    void onReverse(final RequestDecoder request)
    {
        final Payment payment = find(request);
        if (null == payment)
        {
            if (0 != request.switchTxnId() || request.fieldLength(RequestDescriptor.TERMINAL_TXN_ID) == 0)
            {
                engine.refuse(request, Reason.NOT_FOUND);
                return;
            }
            engine.outbox.reply(request.source(), request.sessionId(), tombstone(request), Reason.NONE);
            return;
        }
        if (Flow.CPM != payment.flow)
        {
            engine.refuse(request, Reason.NOT_REVERSIBLE);
            return;
        }
        cpm.onVoid(payment);
        engine.outbox.reply(request.source(), request.sessionId(), payment, Reason.NONE);
    }

    private Payment tombstone(final RequestDecoder request)
    {
        final Payment payment = engine.table.allocate();
        payment.switchTxnId = engine.nextTxnId();
        payment.flow = Flow.CPM;
        payment.keyHash = CpmFlow.keyHash(request);
        RequestFields.copyCommon(request, payment, engine.nowMs);
        payment.amount = 0;
        engine.table.put(payment);
        engine.journal.hop(Hop.RECEIVED, payment);
        engine.decide(payment, FinalStatus.REVERSED, Reason.NOT_FOUND);
        engine.complete(payment);
        return payment;
    }

    private static long refundKey(final RequestDecoder request)
    {
        // A refund is looked up by its own txn id, which a query carries in the terminal txn id field.
        long h = Hashes.hash(RefundFlow.SEED_KEY_REFUND, request.buffer(), request.fieldOffset(RequestDescriptor.TERMINAL_ID),
            request.fieldLength(RequestDescriptor.TERMINAL_ID));
        h = Hashes.hash(h, request.buffer(), request.fieldOffset(RequestDescriptor.TERMINAL_TXN_ID),
            request.fieldLength(RequestDescriptor.TERMINAL_TXN_ID));
        return Hashes.finish(h);
    }
}
