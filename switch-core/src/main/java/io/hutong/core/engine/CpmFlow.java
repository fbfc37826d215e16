package io.hutong.core.engine;

import io.hutong.codec.CodeError;
import io.hutong.codec.CodeMode;
import io.hutong.codec.classify.Classification;
import io.hutong.connector.OutcomeStatus;
import io.hutong.connector.WalletOperation;
import io.hutong.core.engine.admission.Admission;
import io.hutong.core.engine.command.RequestDecoder;
import io.hutong.core.engine.command.RequestDescriptor;
import io.hutong.core.journal.CodeMasking;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Consumer-presented payments on the engine thread: a POS scanned a consumer's code.
 * <pre>
 *  Pay request --repeat?--&gt; original answer (same content) or MODIFIED_REQUEST (different)
 *       | decode + route (invalid: DECLINED INVALID_CODE / UNKNOWN_ISSUER), admission (BUSY), code reuse
 *       v
 *  RECEIVED, DECODED, ROUTED, WALLET_SENT --pay--&gt; issuer wallet
 *       APPROVED: position issuer-&gt;acquirer, FINAL APPROVED     DECLINED: FINAL DECLINED
 *       not sent (connect failed, busy): FINAL DECLINED WALLET_UNAVAILABLE (the wallet never saw it)
 *       IN_PROGRESS / UNKNOWN: answer PENDING, query every queryIntervalMs within queryWindowMs,
 *                              then reverse until acknowledged: FINAL REVERSED (TIMEOUT)
 * </pre>
 * Engine thread only.
 */
final class CpmFlow
{
    static final long SEED_KEY_CPM = 0x43504D4B45594C4CL;
    static final long SEED_CONTENT_HIGH = 0x5A3C96E1F00DBA11L;
    static final long SEED_CONTENT_LOW = 0x1B873593CC9E2D51L;
    static final long SEED_CODE = 0x2545F4914F6CDD1DL;
    private static final int CURRENCY_CNY = 156;
    private static final long MAX_AMOUNT = 99_999_999_999L;

    private final Engine engine;

    CpmFlow(final Engine engine)
    {
        this.engine = engine;
    }

    void onPay(final RequestDecoder request)
    {
        engine.counters.received++;
        final DirectBuffer buffer = request.buffer();
        final long keyHash = keyHash(request);
        final long contentHigh = contentHash(SEED_CONTENT_HIGH, request);
        final long contentLow = contentHash(SEED_CONTENT_LOW, request);
        final Payment existing = engine.table.byKey(keyHash);
        if (null != existing)
        {
            answerRepeat(request, existing, contentHigh, contentLow);
            return;
        }
        final int codeLength = request.fieldLength(RequestDescriptor.CODE);
        if (request.fieldLength(RequestDescriptor.TERMINAL_TXN_ID) == 0 || codeLength == 0 ||
            request.amount() <= 0 || request.amount() > MAX_AMOUNT || CURRENCY_CNY != request.currency())
        {
            engine.refuse(request, Reason.INVALID_REQUEST);
            return;
        }
        final Classification classification =
            engine.classifier.classify(buffer, request.fieldOffset(RequestDescriptor.CODE), codeLength);
        int wallet = -1;
        if (classification.isValid() && CodeMode.CPM == classification.mode() && classification.walletCount() > 0)
        {
            wallet = classification.wallet(0);
            if (null != engine.wallets[wallet].connector())
            {
                final int admitted = engine.admission.tryAdmit(request.clientIndex(), wallet);
                if (Admission.ADMITTED != admitted)
                {
                    engine.refuse(request, Reason.BUSY);
                    return;
                }
            }
        }

        final Payment payment = engine.table.allocate();
        payment.switchTxnId = engine.nextTxnId();
        payment.flow = Flow.CPM;
        payment.keyHash = keyHash;
        payment.contentHashHigh = contentHigh;
        payment.contentHashLow = contentLow;
        RequestFields.copyCommon(request, payment, engine.nowMs);
        payment.codeHash = Hashes.finish(Hashes.hash(SEED_CODE, buffer, request.fieldOffset(RequestDescriptor.CODE), codeLength));
        mask(buffer, request.fieldOffset(RequestDescriptor.CODE), codeLength, payment);
        payment.replyPending = true;
        engine.table.put(payment);
        engine.journal.hop(Hop.RECEIVED, payment);

        if (!classification.isValid() || CodeMode.CPM != classification.mode())
        {
            declineNow(payment, CodeError.UNKNOWN_ISSUER == classification.errorCode() ?
                Reason.UNKNOWN_ISSUER : Reason.INVALID_CODE);
            return;
        }
        engine.journal.hop(Hop.DECODED, payment);
        if (wallet < 0)
        {
            declineNow(payment, Reason.UNKNOWN_ISSUER);
            return;
        }
        route(payment, wallet);
        if (null == engine.wallets[wallet].connector())
        {
            declineNow(payment, Reason.WALLET_UNAVAILABLE);
            return;
        }
        payment.admitted = true;
        payment.admittedWallet = wallet;
        if (!engine.recentCodes.firstUse(payment.codeHash, engine.nowMs))
        {
            declineNow(payment, Reason.CODE_REUSED);
            return;
        }
        if (!engine.wallets[wallet].breaker().tryPass(engine.nowMs))
        {
            declineNow(payment, Reason.WALLET_UNAVAILABLE);
            return;
        }
        payment.authCode = buffer.getStringWithoutLengthAscii(request.fieldOffset(RequestDescriptor.CODE), codeLength);
        payment.subject = request.fieldLength(RequestDescriptor.SUBJECT) > 0 ?
            request.fieldAsString(RequestDescriptor.SUBJECT) : engine.config.defaultSubject();
        payment.state = PaymentState.PAYING;
        engine.counters.walletCalls++;
        engine.send(payment, WalletOperation.PAY, Hop.WALLET_SENT);
    }

    void onPayResult(final Payment payment)
    {
        engine.journal.hop(Hop.WALLET_RESULT, payment);
        final WalletSlot slot = engine.wallets[payment.walletIndex];
        final OutcomeStatus outcome = payment.lastOutcome;
        if (OutcomeStatus.APPROVED == outcome || OutcomeStatus.DECLINED == outcome || OutcomeStatus.IN_PROGRESS == outcome)
        {
            slot.breaker().onSuccess();
        }
        else
        {
            slot.breaker().onFailure(engine.nowMs);
        }
        if (OutcomeStatus.DECLINED == outcome || Engine.notSent(payment))
        {
            finish(payment, FinalStatus.DECLINED, OutcomeStatus.DECLINED == outcome ?
                Reason.of(payment.lastDecline) : Reason.WALLET_UNAVAILABLE);
            return;
        }
        if (payment.reverseRequested)
        {
            engine.reverse(payment);
            return;
        }
        if (OutcomeStatus.APPROVED == outcome)
        {
            approve(payment);
            return;
        }
        // In doubt: tell the terminal "in progress" now, and find out.
        engine.replyIfWaiting(payment);
        payment.state = PaymentState.QUERYING;
        engine.queryLater(payment);
    }

    void onQueryResult(final Payment payment)
    {
        final OutcomeStatus outcome = payment.lastOutcome;
        if (payment.reverseRequested)
        {
            engine.reverse(payment);
        }
        else if (OutcomeStatus.APPROVED == outcome)
        {
            approve(payment);
        }
        else if (OutcomeStatus.DECLINED == outcome)
        {
            finish(payment, FinalStatus.DECLINED, Reason.of(payment.lastDecline));
        }
        else
        {
            // Still in doubt (after a refused reversal too: keep asking until the wallet tells the order's fate).
            engine.queryLater(payment);
        }
    }

    void onReverseResult(final Payment payment)
    {
        final OutcomeStatus outcome = payment.lastOutcome;
        if (OutcomeStatus.APPROVED == outcome)
        {
            if (FinalStatus.APPROVED == payment.status)
            {
                // A void of an approved payment: the obligation goes away with the debit.
                engine.positions.add(payment.walletIndex, payment.counterpartyIndex, -payment.amount);
            }
            final Reason reason = payment.reverseRequested ? Reason.NONE : Reason.TIMEOUT;
            finish(payment, FinalStatus.REVERSED, reason);
        }
        else if (OutcomeStatus.DECLINED == outcome)
        {
            // The wallet refuses to reverse for good (e.g. its reverse window passed). Never guess: raise it and
            // learn the order's fate by query; an approved order stays approved and needs a refund by an operator.
            engine.alert(payment, "reverse refused: " + payment.walletCode);
            payment.reverseRequested = false;
            payment.state = PaymentState.QUERYING;
            engine.queryLater(payment);
        }
        else
        {
            engine.reverse(payment);
        }
    }

    /**
     * A void asked by the merchant: reverse now if the pay is settled, or as soon as its call returns.
     */
    void onVoid(final Payment payment)
    {
        if (PaymentState.FINAL == payment.state && FinalStatus.APPROVED == payment.status)
        {
            payment.reverseRequested = true;
            payment.reverseAttempts = 0;
            engine.reverse(payment);
        }
        else if (PaymentState.PAYING == payment.state || PaymentState.QUERYING == payment.state)
        {
            payment.reverseRequested = true;
            if (!payment.callInFlight)
            {
                engine.cancelTimer(payment);
                engine.reverse(payment);
            }
        }
    }

    private void approve(final Payment payment)
    {
        if (payment.counterpartyIndex >= 0)
        {
            engine.positions.add(payment.walletIndex, payment.counterpartyIndex, payment.amount);
        }
        finish(payment, FinalStatus.APPROVED, Reason.NONE);
    }

    private void finish(final Payment payment, final FinalStatus status, final Reason reason)
    {
        if (FinalStatus.DECLINED == status || FinalStatus.REVERSED == status)
        {
            engine.counters.declines[reason.ordinal()]++;
        }
        engine.decide(payment, status, reason);
        engine.complete(payment);
    }

    private void declineNow(final Payment payment, final Reason reason)
    {
        finish(payment, FinalStatus.DECLINED, reason);
    }

    private void route(final Payment payment, final int wallet)
    {
        payment.walletIndex = wallet;
        payment.walletId = engine.wallets[wallet].id();
        final int acquirer = engine.clients.acquirerWallet(payment.clientIndex);
        payment.counterpartyIndex = acquirer;
        payment.counterpartyWalletId = acquirer >= 0 ? engine.wallets[acquirer].id() : null;
        payment.orderNo = engine.orderNo('T', payment.switchTxnId);
        engine.journal.hop(Hop.ROUTED, payment);
    }

    private void answerRepeat(
        final RequestDecoder request, final Payment existing, final long contentHigh, final long contentLow)
    {
        if (!sameKey(request, existing))
        {
            // Two different keys with one 64-bit hash: vanishingly rare; refuse rather than confuse them.
            engine.refuse(request, Reason.INVALID_REQUEST);
            return;
        }
        if (Reason.NOT_FOUND == existing.reason && FinalStatus.REVERSED == existing.status)
        {
            // A void arrived before this pay: the tombstone answers for it, the pay never reaches a wallet.
            engine.outbox.reply(request.source(), request.sessionId(), existing, Reason.DUPLICATE);
            return;
        }
        if (existing.contentHashHigh != contentHigh || existing.contentHashLow != contentLow)
        {
            engine.refuse(request, Reason.MODIFIED_REQUEST);
            return;
        }
        engine.outbox.reply(request.source(), request.sessionId(), existing, Reason.DUPLICATE);
    }

    static long keyHash(final RequestDecoder request)
    {
        final DirectBuffer buffer = request.buffer();
        long h = Hashes.hash(SEED_KEY_CPM, buffer, request.fieldOffset(RequestDescriptor.TERMINAL_ID),
            request.fieldLength(RequestDescriptor.TERMINAL_ID));
        h = Hashes.hash(h, buffer, request.fieldOffset(RequestDescriptor.TERMINAL_TXN_ID),
            request.fieldLength(RequestDescriptor.TERMINAL_TXN_ID));
        return Hashes.finish(h);
    }

    static boolean sameKey(final RequestDecoder request, final Payment payment)
    {
        return equal(request, RequestDescriptor.TERMINAL_ID, payment.terminalId, payment.terminalIdLength) &&
            equal(request, RequestDescriptor.TERMINAL_TXN_ID, payment.terminalTxnId, payment.terminalTxnIdLength);
    }

    static boolean equal(final RequestDecoder request, final int field, final DirectBuffer stored, final int storedLength)
    {
        final int length = request.fieldLength(field);
        if (length != storedLength)
        {
            return false;
        }
        final DirectBuffer buffer = request.buffer();
        final int offset = request.fieldOffset(field);
        for (int i = 0; i < length; i++)
        {
            if (buffer.getByte(offset + i) != stored.getByte(i))
            {
                return false;
            }
        }
        return true;
    }

    private static long contentHash(final long seed, final RequestDecoder request)
    {
        final DirectBuffer buffer = request.buffer();
        long h = Hashes.hash(seed, request.amount());
        h = Hashes.hash(h, request.currency());
        h = Hashes.hash(h, buffer, request.fieldOffset(RequestDescriptor.MERCHANT_ID),
            request.fieldLength(RequestDescriptor.MERCHANT_ID));
        h = Hashes.hash(h, buffer, request.fieldOffset(RequestDescriptor.CODE), request.fieldLength(RequestDescriptor.CODE));
        h = Hashes.hash(h, buffer, request.fieldOffset(RequestDescriptor.SUBJECT), request.fieldLength(RequestDescriptor.SUBJECT));
        return Hashes.finish(h);
    }

    /**
     * Keep only the first 6 and last 4 characters at most (the journal's masking): never a full code or PAN in
     * memory for logs, replies or the journal.
     */
    static void mask(final DirectBuffer code, final int offset, final int length, final Payment payment)
    {
        payment.maskedCodeLength = CodeMasking.mask(code, offset, length, payment.maskedCode, 0);
    }
}
