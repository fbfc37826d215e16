package io.hutong.core.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.hutong.core.engine.FinalStatus;
import io.hutong.core.engine.PaymentView;
import io.hutong.core.engine.Reason;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.handler.codec.http.HttpResponseStatus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Objects;

/**
 * Writes the HTTP API's JSON answers (docs/http-api.md): a payment, or an error. Field names are the contract.
 * Stateless; thread-safe.
 */
final class ApiResponses
{
    private static final JsonFactory JSON = new JsonFactory();

    private ApiResponses()
    {
    }

    /**
     * @param payment a payment's state.
     * @return 202 while pending, else 200.
     */
    static HttpResponseStatus statusOf(final PaymentView payment)
    {
        return FinalStatus.PENDING == payment.status() ? HttpResponseStatus.ACCEPTED : HttpResponseStatus.OK;
    }

    /**
     * @param refusal why the engine refused a request.
     * @return its HTTP status.
     */
    static HttpResponseStatus statusOf(final Reason refusal)
    {
        return switch (refusal)
        {
            case BUSY -> HttpResponseStatus.SERVICE_UNAVAILABLE;
            case NOT_FOUND -> HttpResponseStatus.NOT_FOUND;
            case MODIFIED_REQUEST, NOT_REVERSIBLE, NOT_REFUNDABLE -> HttpResponseStatus.CONFLICT;
            case REFUND_EXCEEDS_ORIGINAL -> HttpResponseStatus.UNPROCESSABLE_ENTITY;
            case INVALID_CODE, UNKNOWN_ISSUER -> HttpResponseStatus.UNPROCESSABLE_ENTITY;
            default -> HttpResponseStatus.BAD_REQUEST;
        };
    }

    static ByteBuf payment(final ByteBufAllocator allocator, final PaymentView p)
    {
        final ByteBuf buffer = allocator.buffer(512);
        try (JsonGenerator g = JSON.createGenerator((java.io.OutputStream)new ByteBufOutputStream(buffer)))
        {
            g.writeStartObject();
            g.writeStringField("id", Long.toString(p.switchTxnId()));
            g.writeStringField("flow", null == p.flow() ? null : p.flow().name());
            g.writeStringField("status", p.status().name());
            g.writeStringField("reason", Reason.NONE == p.reason() ? null : p.reason().name());
            g.writeNumberField("amount", p.amount());
            g.writeStringField("currency", "CNY");
            g.writeNumberField("refundedAmount", p.refundedAmount());
            g.writeStringField("wallet", p.walletId());
            g.writeStringField("counterpartyWallet", p.counterpartyWalletId());
            g.writeStringField("walletTxnId", Objects.toString(p.walletTxnId(), null));
            g.writeStringField("walletCode", Objects.toString(p.walletCode(), null));
            g.writeStringField("terminalTxnId", p.terminalTxnId().getStringWithoutLengthAscii(0, p.terminalTxnIdLength()));
            g.writeStringField("code", p.maskedCode().getStringWithoutLengthAscii(0, p.maskedCodeLength()));
            g.writeStringField("receivedAt", Instant.ofEpochMilli(p.receivedAtMs()).toString());
            g.writeEndObject();
        }
        catch (final IOException ex)
        {
            buffer.release();
            throw new UncheckedIOException(ex);
        }
        return buffer;
    }

    static ByteBuf error(final ByteBufAllocator allocator, final String error, final String message)
    {
        final ByteBuf buffer = allocator.buffer(128);
        try (JsonGenerator g = JSON.createGenerator((java.io.OutputStream)new ByteBufOutputStream(buffer)))
        {
            g.writeStartObject();
            g.writeStringField("error", error);
            g.writeStringField("message", message);
            g.writeEndObject();
        }
        catch (final IOException ex)
        {
            buffer.release();
            throw new UncheckedIOException(ex);
        }
        return buffer;
    }

    static String refusalMessage(final Reason refusal)
    {
        return switch (refusal)
        {
            case BUSY -> "the switch is at capacity; nothing was started, try again shortly";
            case NOT_FOUND -> "no such payment for this client";
            case MODIFIED_REQUEST -> "this key was used before for a request with different content";
            case INVALID_CODE -> "the code is not a payment code of the kind this endpoint takes";
            case UNKNOWN_ISSUER -> "no participant accepts this code";
            case NOT_REVERSIBLE -> "this payment cannot be voided; refund it instead";
            case NOT_REFUNDABLE -> "only an approved payment can be refunded";
            case REFUND_EXCEEDS_ORIGINAL -> "the refund exceeds what is left of the payment";
            default -> "the request is not valid for this payment";
        };
    }
}
