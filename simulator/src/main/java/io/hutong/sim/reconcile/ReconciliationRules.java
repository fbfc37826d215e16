package io.hutong.sim.reconcile;

import io.hutong.core.journal.JournalFlow;
import io.hutong.sim.ledger.OrderState;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reconciliation rules (docs/reconciliation.md, "Rules") applied to the journal's payments and the indexed
 * ledgers. Each disagreement becomes one finding:
 * <pre>
 *  payment (journal)           wallet order(s) (ledger)            finding
 *  not settled                 anything (claimed)                  in doubt (ORPHAN with --final)
 *  APPROVED                    no debit / closed / reversed        MISMATCHED
 *  APPROVED                    debit, other amount or refunds      MISMATCHED
 *  DECLINED / REVERSED         debit (PAY paid, hold CAPTURED)     LOST
 *  DECLINED / REVERSED         MPM credit made                     MISMATCHED
 *  declined, wallet never called   any order                       MISMATCHED (LOST if it is a debit)
 *  decided                     USERPAYING / HELD                   ORPHAN
 *  one payment                 two debits (or two credits)         DUPLICATE
 *  two payments, one code      both debited                        DUPLICATE
 *  none                        money moved or reserved             ORPHAN (in doubt if newer than the journal read)
 * </pre>
 * Not thread-safe: one reconciliation's thread.
 */
final class ReconciliationRules
{
    private final LedgerIndex ledgers;
    private final ReportBuilder report;
    private final boolean strict;
    private final long asOfMs;
    private final Map<LedgerIndex.OrderKey, Refunds> refunds = new HashMap<>();
    private final Map<CodeKey, SwitchPayment> debitedCodes = new HashMap<>();
    private final Map<LedgerIndex.OrderKey, SwitchPayment> creditedHolds = new HashMap<>();

    ReconciliationRules(final LedgerIndex ledgers, final ReportBuilder report, final boolean strict, final long asOfMs)
    {
        this.ledgers = ledgers;
        this.report = report;
        this.strict = strict;
        this.asOfMs = asOfMs;
    }

    void apply(final List<SwitchPayment> payments)
    {
        for (final SwitchPayment payment : payments)
        {
            if (JournalFlow.REFUND == payment.flow())
            {
                refunds.computeIfAbsent(new LedgerIndex.OrderKey(payment.wallet(), payment.orderNo()),
                    (key) -> new Refunds()).add(payment);
            }
        }
        for (final SwitchPayment payment : payments)
        {
            report.payment(payment);
            switch (payment.flow())
            {
                case CPM -> cpm(payment);
                case MPM -> mpm(payment);
                default -> settledOrInDoubt(payment, List.of());
            }
        }
        unmatchedRefunds();
        unclaimedOrders();
    }

    private void cpm(final SwitchPayment p)
    {
        final List<LedgerOrder> orders = ledgers.claim(p.wallet(), p.orderNo());
        final Refunds refunded = refunds.get(new LedgerIndex.OrderKey(p.wallet(), p.orderNo()));
        if (null != refunded)
        {
            refunded.original = true;
        }
        if (!settledOrInDoubt(p, orders))
        {
            return;
        }
        final List<LedgerOrder> moved = moved(orders);
        duplicates(p, moved, "one payment, more than one debit at the wallet");
        final LedgerOrder pending = firstPending(orders);
        if (null != pending)
        {
            report.finding(FindingKind.ORPHAN, p, p.wallet(), pending, p.orderNo(), pending.describe(),
                "the consumer's money is reserved at the wallet but the switch has decided");
        }
        if (p.approved())
        {
            if (moved.isEmpty())
            {
                if (null == pending)
                {
                    mismatch(p, p.wallet(), orders, "the switch approved, the wallet took no money");
                }
            }
            else
            {
                final LedgerOrder debit = moved.get(0);
                if (debit.amount() != p.amount())
                {
                    mismatch(p, p.wallet(), List.of(debit), "the amounts differ");
                }
                else if (!refundsAgree(debit.refunded(), refunded))
                {
                    mismatch(p, p.wallet(), List.of(debit), "the refunded total differs from the refunds the switch " +
                        "approved (" + (null == refunded ? 0 : refunded.approved) + " fen)");
                }
            }
        }
        else
        {
            if (!moved.isEmpty())
            {
                report.finding(FindingKind.LOST, p, p.wallet(), moved.get(0), p.orderNo(), moved.get(0).describe(),
                    "the switch did not approve, the wallet debited the consumer");
            }
            else if (!p.walletCalled() && !orders.isEmpty() && null == pending)
            {
                mismatch(p, p.wallet(), orders, "the switch declined without calling the wallet, yet it has an order");
            }
            if (null != refunded && refunded.approved > 0)
            {
                mismatch(p, p.wallet(), orders, "refunds approved on a payment the switch did not approve");
            }
        }
        if (!moved.isEmpty() && (0 != p.codeHashHigh() || 0 != p.codeHashLow()))
        {
            final SwitchPayment earlier =
                debitedCodes.putIfAbsent(new CodeKey(p.wallet(), p.codeHashHigh(), p.codeHashLow()), p);
            if (null != earlier)
            {
                report.finding(FindingKind.DUPLICATE, p, p.wallet(), moved.get(0), p.orderNo(), moved.get(0).describe(),
                    "one consumer code debited twice: also by switch payment " + earlier.switchTxnId());
            }
        }
    }

    private void mpm(final SwitchPayment p)
    {
        final List<LedgerOrder> credits = ledgers.claim(p.counterparty(), p.orderNo());
        final List<LedgerOrder> holds = ledgers.claimHolds(p.wallet(), p.reference());
        // Unfinished, what is at stake is the payer's hold: the credit is decided, or not yet made.
        if (!settledOrInDoubt(p, holds))
        {
            return;
        }
        final List<LedgerOrder> moved = moved(credits);
        duplicates(p, moved, "one payment, more than one credit at the payee");
        duplicates(p, moved(holds), "one payment, more than one captured hold at the payer");
        final LedgerOrder hold = holds.isEmpty() ? null : holds.get(0);
        if (p.approved())
        {
            if (moved.isEmpty())
            {
                mismatch(p, p.counterparty(), credits, "the switch approved, the payee was never credited");
            }
            else if (moved.get(0).amount() != p.amount())
            {
                mismatch(p, p.counterparty(), List.of(moved.get(0)), "the credited amount differs");
            }
            if (null == hold || OrderState.RELEASED == hold.state())
            {
                report.finding(FindingKind.MISMATCHED, p, p.wallet(), hold, p.reference(), describe(holds),
                    "the switch approved, the payer's hold is " + (null == hold ? "missing" : "released") +
                        ": the payee is paid with no debit");
            }
            else if (OrderState.HELD == hold.state())
            {
                report.finding(FindingKind.ORPHAN, p, p.wallet(), hold, p.reference(), hold.describe(),
                    "the switch approved, the payer's hold was never captured");
            }
            else if (hold.amount() != p.amount())
            {
                report.finding(FindingKind.MISMATCHED, p, p.wallet(), hold, p.reference(), hold.describe(),
                    "the captured amount differs");
            }
        }
        else
        {
            if (!moved.isEmpty())
            {
                mismatch(p, p.counterparty(), moved, "the switch did not approve, the payee was credited");
            }
            else if (!p.walletCalled() && !credits.isEmpty())
            {
                mismatch(p, p.counterparty(), credits, "the switch declined without calling the payee, yet it has " +
                    "an order");
            }
            if (null != hold && OrderState.CAPTURED == hold.state())
            {
                report.finding(FindingKind.LOST, p, p.wallet(), hold, p.reference(), hold.describe(),
                    "the switch did not approve, the payer's hold was captured");
            }
            else if (null != hold && OrderState.HELD == hold.state())
            {
                report.finding(FindingKind.ORPHAN, p, p.wallet(), hold, p.reference(), hold.describe(),
                    "the switch did not approve, the payer's hold was never released");
            }
        }
        if (!moved.isEmpty() && null != p.reference())
        {
            final SwitchPayment earlier =
                creditedHolds.putIfAbsent(new LedgerIndex.OrderKey(p.wallet(), p.reference()), p);
            if (null != earlier)
            {
                report.finding(FindingKind.DUPLICATE, p, p.counterparty(), moved.get(0), p.orderNo(),
                    moved.get(0).describe(), "one payer hold paid out twice: also by switch payment " +
                        earlier.switchTxnId());
            }
        }
    }

    /**
     * Counts the payment as checked when the switch is done with it; otherwise as in doubt, and with --final as an
     * orphan (it should have been final), named by its order at its issuer (CPM, REFUND) or its payer's hold (MPM).
     *
     * @return true when the payment is to be compared.
     */
    private boolean settledOrInDoubt(final SwitchPayment p, final List<LedgerOrder> orders)
    {
        if (p.settled())
        {
            report.checked(p);
            return true;
        }
        report.inDoubt(p.wallet());
        if (strict)
        {
            report.finding(FindingKind.ORPHAN, p, p.wallet(), orders.isEmpty() ? null : orders.get(0),
                JournalFlow.MPM == p.flow() ? p.reference() : p.orderNo(), describe(orders),
                "the switch has not finished this payment (--final)");
        }
        return false;
    }

    private void unmatchedRefunds()
    {
        for (final Map.Entry<LedgerIndex.OrderKey, Refunds> entry : refunds.entrySet())
        {
            if (entry.getValue().original)
            {
                continue;
            }
            for (final SwitchPayment refund : entry.getValue().payments)
            {
                if (refund.settled() && refund.approved())
                {
                    report.finding(FindingKind.MISMATCHED, refund, refund.wallet(), null, refund.orderNo(),
                        "not reconciled", "a refund of an order no CPM payment in the journal made");
                }
            }
        }
    }

    private void unclaimedOrders()
    {
        for (final LedgerOrder order : ledgers.unclaimed())
        {
            if (!order.movedMoney() && !order.pending())
            {
                report.unmatchedNoMoney(order);
            }
            else if (!strict && order.createdAt() >= asOfMs)
            {
                // Made after the journal was read: its payment is in the journal's future, not missing from it.
                report.inDoubt(order.wallet());
            }
            else
            {
                report.finding(FindingKind.ORPHAN, null, order.wallet(), order, order.orderNo(), order.describe(),
                    "no payment in the journal accounts for this " +
                        (order.movedMoney() ? "money" : "reserved money"));
            }
        }
    }

    private void duplicates(final SwitchPayment p, final List<LedgerOrder> moved, final String rule)
    {
        for (int i = 1; i < moved.size(); i++)
        {
            final LedgerOrder extra = moved.get(i);
            report.finding(FindingKind.DUPLICATE, p, extra.wallet(), extra, extra.orderNo(), describe(moved), rule);
        }
    }

    /**
     * A mismatch at the order the switch numbered: the issuer's PAY (CPM) or the payee's CREDIT (MPM).
     */
    private void mismatch(final SwitchPayment p, final String wallet, final List<LedgerOrder> orders, final String rule)
    {
        report.finding(FindingKind.MISMATCHED, p, wallet, orders.isEmpty() ? null : orders.get(0), p.orderNo(),
            describe(orders), rule);
    }

    private static boolean refundsAgree(final long ledgerRefunded, final Refunds refunds)
    {
        final long approved = null == refunds ? 0 : refunds.approved;
        final long inFlight = null == refunds ? 0 : refunds.inFlight;
        // A refund still in progress at the switch may or may not have reached the wallet yet.
        return ledgerRefunded >= approved && ledgerRefunded <= approved + inFlight;
    }

    private static List<LedgerOrder> moved(final List<LedgerOrder> orders)
    {
        List<LedgerOrder> moved = List.of();
        for (final LedgerOrder order : orders)
        {
            if (order.movedMoney())
            {
                if (moved.isEmpty())
                {
                    moved = new ArrayList<>(1);
                }
                moved.add(order);
            }
        }
        return moved;
    }

    private static LedgerOrder firstPending(final List<LedgerOrder> orders)
    {
        for (final LedgerOrder order : orders)
        {
            if (order.pending())
            {
                return order;
            }
        }
        return null;
    }

    static String describe(final List<LedgerOrder> orders)
    {
        if (orders.isEmpty())
        {
            return "no order";
        }
        if (1 == orders.size())
        {
            return orders.get(0).describe();
        }
        final StringBuilder text = new StringBuilder().append(orders.size()).append(" orders: ");
        for (int i = 0; i < orders.size(); i++)
        {
            text.append(0 == i ? "" : "; ").append(orders.get(i).describe());
        }
        return text.toString();
    }

    /**
     * The refunds of one paid order as the journal tells them.
     */
    private static final class Refunds
    {
        private final List<SwitchPayment> payments = new ArrayList<>(1);
        private long approved;
        private long inFlight;
        private boolean original;

        void add(final SwitchPayment refund)
        {
            payments.add(refund);
            if (!refund.settled())
            {
                inFlight += refund.amount();
            }
            else if (refund.approved())
            {
                approved += refund.amount();
            }
        }
    }

    /**
     * A consumer code at a wallet, known by the request's content hash (amount, merchant and the code): two
     * payments with one hash were made with one code, which the wallet may debit only once.
     *
     * @param wallet the issuer wallet.
     * @param high   first 8 bytes of the content hash.
     * @param low    last 8 bytes.
     */
    private record CodeKey(String wallet, long high, long low)
    {
    }
}
