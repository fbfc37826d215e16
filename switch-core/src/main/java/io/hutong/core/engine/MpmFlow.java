package io.hutong.core.engine;

import io.hutong.codec.CodeMode;
import io.hutong.codec.classify.Classification;
import io.hutong.codec.emv.mpm.MpmDecoder;
import io.hutong.codec.emv.mpm.MpmDescriptor;
import io.hutong.codec.emv.mpm.MpmTemplateCursor;
import io.hutong.codec.registry.WalletRegistry;
import io.hutong.connector.OutcomeStatus;
import io.hutong.connector.WalletOperation;
import io.hutong.connector.WalletSchedule;
import io.hutong.core.engine.admission.Admission;
import io.hutong.core.engine.command.RequestDecoder;
import io.hutong.core.engine.command.RequestDescriptor;
import org.agrona.DirectBuffer;

/**
 * Merchant-presented payments on the engine thread: a payer wallet's consumer scanned a merchant code and
 * approved; the payer wallet holds the debit and asks the switch to pay the merchant.
 * <pre>
 *  MPM pay (payer wallet, payer ref, code, amount) --repeat?--&gt; original answer / MODIFIED_REQUEST
 *       | decode the merchant code, choose the payee wallet (the payer's own if the merchant is enrolled there,
 *       | else the first participant with a connector), check a dynamic code's amount
 *       v
 *  RECEIVED, DECODED, ROUTED, CREDIT_SENT --credit--&gt; payee wallet
 *       APPROVED: position payer-&gt;payee, FINAL APPROVED
 *       DECLINED / not sent: FINAL DECLINED, then RELEASE the payer's hold until acknowledged
 *       in doubt: answer PENDING, query the credit; past the window reverse it, then release: FINAL REVERSED
 * </pre>
 * Engine thread only.
 */
final class MpmFlow
{
    static final long SEED_KEY_MPM = 0x4D504D4B45595F5FL;
    private static final int CURRENCY_CNY = 156;
    private static final long MAX_AMOUNT = 99_999_999_999L;

    private final Engine engine;
    private final MpmTemplateCursor cursor = new MpmTemplateCursor();

    MpmFlow(final Engine engine)
    {
        this.engine = engine;
    }

    void onPay(final RequestDecoder request)
    {
        engine.counters.received++;
        final DirectBuffer buffer = request.buffer();
        final int payer = walletOf(request);
        final long keyHash = Hashes.finish(Hashes.hash(Hashes.hash(SEED_KEY_MPM, buffer,
            request.fieldOffset(RequestDescriptor.WALLET_ID), request.fieldLength(RequestDescriptor.WALLET_ID)),
            buffer, request.fieldOffset(RequestDescriptor.REF_TXN_ID), request.fieldLength(RequestDescriptor.REF_TXN_ID)));
        long content = Hashes.hash(CpmFlow.SEED_CONTENT_HIGH, request.amount());
        content = Hashes.finish(Hashes.hash(content, buffer, request.fieldOffset(RequestDescriptor.CODE),
            request.fieldLength(RequestDescriptor.CODE)));
        final Payment existing = engine.table.byKey(keyHash);
        if (null != existing)
        {
            if (Flow.MPM != existing.flow || existing.walletIndex != payer ||
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
        if (payer < 0 || request.fieldLength(RequestDescriptor.REF_TXN_ID) == 0 ||
            request.fieldLength(RequestDescriptor.CODE) == 0 || request.amount() <= 0 ||
            request.amount() > MAX_AMOUNT || CURRENCY_CNY != request.currency())
        {
            engine.refuse(request, Reason.INVALID_REQUEST);
            return;
        }
        final Classification classification = engine.classifier.classify(
            buffer, request.fieldOffset(RequestDescriptor.CODE), request.fieldLength(RequestDescriptor.CODE));
        if (!classification.isValid() || CodeMode.MPM != classification.mode())
        {
            engine.refuse(request, Reason.INVALID_CODE);
            return;
        }
        final int payee = choosePayee(classification, payer);
        if (payee < 0)
        {
            engine.refuse(request, Reason.UNKNOWN_ISSUER);
            return;
        }
        final MpmDecoder mpm = classification.mpm();
        if (mpm.isPresent(MpmDescriptor.TRANSACTION_AMOUNT) &&
            mpm.transactionAmountMinor(2) != request.amount())
        {
            engine.refuse(request, Reason.INVALID_REQUEST);
            return;
        }
        if (Admission.ADMITTED != engine.admission.tryAdmit(request.clientIndex(), payee))
        {
            engine.refuse(request, Reason.BUSY);
            return;
        }

        final Payment payment = engine.table.allocate();
        payment.switchTxnId = engine.nextTxnId();
        payment.flow = Flow.MPM;
        payment.keyHash = keyHash;
        payment.contentHashHigh = content;
        RequestFields.copyCommon(request, payment, engine.nowMs);
        // For MPM the client's reference is the payer wallet's reference of the held payment.
        payment.terminalTxnId.putBytes(0, buffer, request.fieldOffset(RequestDescriptor.REF_TXN_ID),
            request.fieldLength(RequestDescriptor.REF_TXN_ID));
        payment.terminalTxnIdLength = request.fieldLength(RequestDescriptor.REF_TXN_ID);
        payment.payerRef = request.fieldAsString(RequestDescriptor.REF_TXN_ID);
        CpmFlow.mask(buffer, request.fieldOffset(RequestDescriptor.CODE), request.fieldLength(RequestDescriptor.CODE), payment);
        payment.admitted = true;
        payment.admittedWallet = payee;
        payment.replyPending = true;
        engine.table.put(payment);
        engine.journal.hop(Hop.RECEIVED, payment);
        engine.journal.hop(Hop.DECODED, payment);

        payment.walletIndex = payer;
        payment.walletId = engine.wallets[payer].id();
        payment.counterpartyIndex = payee;
        payment.counterpartyWalletId = engine.wallets[payee].id();
        payment.payeeAccount = payeeAccount(mpm, payee);
        payment.subject = request.fieldLength(RequestDescriptor.SUBJECT) > 0 ?
            request.fieldAsString(RequestDescriptor.SUBJECT) : merchantName(mpm);
        payment.orderNo = engine.orderNo('M', payment.switchTxnId);
        engine.journal.hop(Hop.ROUTED, payment);
        if (null == payment.payeeAccount)
        {
            // The code names the payee wallet but no merchant account there: nothing to credit.
            decline(payment, Reason.MERCHANT_NOT_ENROLLED);
            return;
        }
        payment.state = PaymentState.CREDITING;
        engine.counters.walletCalls++;
        engine.send(payment, WalletOperation.CREDIT, Hop.CREDIT_SENT);
    }

    void onCreditResult(final Payment payment)
    {
        engine.journal.hop(Hop.CREDIT_RESULT, payment);
        settle(payment);
    }

    void onQueryResult(final Payment payment)
    {
        settle(payment);
    }

    void onReverseResult(final Payment payment)
    {
        final OutcomeStatus outcome = payment.lastOutcome;
        if (OutcomeStatus.APPROVED == outcome)
        {
            engine.counters.declines[Reason.TIMEOUT.ordinal()]++;
            engine.decide(payment, FinalStatus.REVERSED, Reason.TIMEOUT);
            release(payment);
        }
        else if (OutcomeStatus.DECLINED == outcome)
        {
            engine.alert(payment, "credit reverse refused: " + payment.walletCode);
            payment.state = PaymentState.QUERYING;
            engine.queryLater(payment);
        }
        else
        {
            engine.reverse(payment);
        }
    }

    void onReleaseResult(final Payment payment)
    {
        engine.journal.hop(Hop.RELEASE_RESULT, payment);
        final OutcomeStatus outcome = payment.lastOutcome;
        if (OutcomeStatus.APPROVED == outcome)
        {
            engine.complete(payment);
        }
        else if (OutcomeStatus.DECLINED == outcome)
        {
            engine.alert(payment, "payer refused to release its hold: " + payment.walletCode);
            engine.complete(payment);
        }
        else
        {
            final WalletSchedule schedule = engine.wallets[payment.walletIndex].schedule();
            engine.scheduleAt(payment, engine.nowMs + schedule.reverseDelayMs(payment.releaseAttempts - 1));
        }
    }

    private void settle(final Payment payment)
    {
        final OutcomeStatus outcome = payment.lastOutcome;
        if (OutcomeStatus.APPROVED == outcome)
        {
            engine.positions.add(payment.walletIndex, payment.counterpartyIndex, payment.amount);
            engine.decide(payment, FinalStatus.APPROVED, Reason.NONE);
            engine.complete(payment);
        }
        else if (OutcomeStatus.DECLINED == outcome || Engine.notSent(payment))
        {
            decline(payment, OutcomeStatus.DECLINED == outcome ? Reason.of(payment.lastDecline) : Reason.WALLET_UNAVAILABLE);
        }
        else
        {
            engine.replyIfWaiting(payment);
            payment.state = PaymentState.QUERYING;
            engine.queryLater(payment);
        }
    }

    private void decline(final Payment payment, final Reason reason)
    {
        engine.counters.declines[reason.ordinal()]++;
        engine.decide(payment, FinalStatus.DECLINED, reason);
        release(payment);
    }

    private void release(final Payment payment)
    {
        payment.state = PaymentState.RELEASING;
        engine.send(payment, WalletOperation.RELEASE, Hop.RELEASE_SENT);
    }

    private int walletOf(final RequestDecoder request)
    {
        for (final WalletSlot slot : engine.wallets)
        {
            if (asciiEquals(request, RequestDescriptor.WALLET_ID, slot.id()))
            {
                return slot.index();
            }
        }
        return -1;
    }

    /**
     * The payer's own wallet when the merchant is enrolled there (on-us), else the first participant named by
     * the code that the switch has a connector for.
     */
    private int choosePayee(final Classification classification, final int payer)
    {
        int first = -1;
        for (int i = 0; i < classification.walletCount(); i++)
        {
            final int wallet = classification.wallet(i);
            if (null == engine.wallets[wallet].connector())
            {
                continue;
            }
            if (wallet == payer)
            {
                return wallet;
            }
            if (first < 0)
            {
                first = wallet;
            }
        }
        return first;
    }

    private String payeeAccount(final MpmDecoder mpm, final int payee)
    {
        final WalletRegistry registry = engine.classifier.registry();
        for (int i = 0; i < mpm.idCount(); i++)
        {
            final int id = mpm.idAt(i);
            if (!MpmDescriptor.isMerchantAccount(id))
            {
                continue;
            }
            if (id <= MpmDescriptor.MERCHANT_ACCOUNT_PRIMITIVE_LAST)
            {
                if (registry.participantForPrimitiveId(id) == payee)
                {
                    return mpm.value(id);
                }
            }
            else if (mpm.findSubField(id, MpmDescriptor.GUI, cursor))
            {
                final int entry = registry.guiEntry(mpm.buffer(), cursor.valueOffset(), cursor.valueLength());
                if (WalletRegistry.NO_PARTICIPANT != entry && registry.guiParticipant(entry) == payee)
                {
                    return mpm.subValue(id, 1);
                }
            }
        }
        return null;
    }

    private static String merchantName(final MpmDecoder mpm)
    {
        final String name = mpm.value(MpmDescriptor.MERCHANT_NAME);
        return null == name || name.isEmpty() ? "MPM payment" : name;
    }

    private static boolean asciiEquals(final RequestDecoder request, final int field, final String text)
    {
        final int length = request.fieldLength(field);
        if (length != text.length())
        {
            return false;
        }
        final DirectBuffer buffer = request.buffer();
        final int offset = request.fieldOffset(field);
        for (int i = 0; i < length; i++)
        {
            if (buffer.getByte(offset + i) != text.charAt(i))
            {
                return false;
            }
        }
        return true;
    }
}
