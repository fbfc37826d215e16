package io.hutong.core.engine;

import io.hutong.core.engine.command.RequestDecoder;
import io.hutong.core.engine.command.RequestDescriptor;
import org.agrona.MutableDirectBuffer;

/**
 * The fields every flow keeps from a request, copied into the payment's own buffers (nothing refers to the inbox
 * after the request is read). Stateless; allocates nothing.
 */
final class RequestFields
{
    private RequestFields()
    {
    }

    /**
     * @param request the request being handled.
     * @param payment the payment it creates (or the scratch view of a refusal).
     * @param nowMs   the engine's clock: when it was received.
     */
    static void copyCommon(final RequestDecoder request, final Payment payment, final long nowMs)
    {
        payment.source = request.source();
        payment.sessionId = request.sessionId();
        payment.clientIndex = request.clientIndex();
        payment.amount = request.amount();
        payment.currency = request.currency();
        payment.receivedAtMs = nowMs;
        payment.receivedNs = System.nanoTime();
        payment.terminalIdLength = copy(request, RequestDescriptor.TERMINAL_ID, payment.terminalId);
        payment.terminalTxnIdLength = copy(request, RequestDescriptor.TERMINAL_TXN_ID, payment.terminalTxnId);
        payment.merchantIdLength = copy(request, RequestDescriptor.MERCHANT_ID, payment.merchantId);
    }

    /**
     * @return the bytes copied: the field, cut at the target's capacity.
     */
    static int copy(final RequestDecoder request, final int field, final MutableDirectBuffer target)
    {
        final int length = Math.min(request.fieldLength(field), target.capacity());
        target.putBytes(0, request.buffer(), request.fieldOffset(field), length);
        return length;
    }
}
