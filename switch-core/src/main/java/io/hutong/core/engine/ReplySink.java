package io.hutong.core.engine;

/**
 * Where the engine's answers go: each front end (POS TCP, HTTP API) registers one, and the engine calls it
 * on its own thread once the hop that decides the answer is in the journal (write-ahead). Implementations
 * encode the answer at once (the view is reused after the call) and hand it to their event loop; they must
 * not block. A session that has gone away is simply skipped.
 */
@FunctionalInterface
public interface ReplySink
{
    /**
     * @param sessionId the front end's session id from the request.
     * @param payment   the payment's state now.
     * @param refusal   {@link Reason#NONE} for a first answer, {@link Reason#DUPLICATE} for the answer to a
     *                  repeated request (the payment as it is now), or why the request itself was refused
     *                  without touching the payment it names (e.g. {@link Reason#MODIFIED_REQUEST},
     *                  {@link Reason#BUSY}, {@link Reason#NOT_FOUND}); then {@code payment} may be an empty view.
     */
    void reply(long sessionId, PaymentView payment, Reason refusal);
}
