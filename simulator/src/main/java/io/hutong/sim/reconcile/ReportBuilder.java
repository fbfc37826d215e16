package io.hutong.sim.reconcile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts and findings as the rules produce them, then the immutable {@link ReconciliationReport}. Counts are
 * exact; findings are kept up to a cap and the rest only counted. Not thread-safe: one reconciliation's thread.
 */
final class ReportBuilder
{
    private final int maxFindings;
    private final Map<String, Tally> byWallet = new LinkedHashMap<>();
    private final List<Finding> findings = new ArrayList<>();
    private final long[] kinds = new long[FindingKind.values().length];
    private long payments;
    private long checked;
    private long inDoubt;
    private long orders;
    private long omitted;

    ReportBuilder(final int maxFindings, final Iterable<String> wallets)
    {
        this.maxFindings = maxFindings;
        for (final String wallet : wallets)
        {
            byWallet.put(wallet, new Tally());
        }
    }

    void payment(final SwitchPayment payment)
    {
        payments++;
        tally(payment.wallet()).payments++;
    }

    void checked(final SwitchPayment payment)
    {
        checked++;
        tally(payment.wallet()).checked++;
    }

    void inDoubt(final String wallet)
    {
        inDoubt++;
        tally(wallet).inDoubt++;
    }

    void order(final LedgerOrder order, final boolean switchMerchant)
    {
        orders++;
        final Tally tally = tally(order.wallet());
        tally.orders++;
        if (!switchMerchant)
        {
            tally.otherMerchants++;
        }
    }

    void unmatchedNoMoney(final LedgerOrder order)
    {
        tally(order.wallet()).unmatchedNoMoney++;
    }

    /**
     * Records a finding about a payment (or, with a null payment, about an order no payment accounts for).
     */
    void finding(
        final FindingKind kind,
        final SwitchPayment payment,
        final String wallet,
        final LedgerOrder order,
        final String orderNo,
        final String ledger,
        final String rule)
    {
        kinds[kind.ordinal()]++;
        tally(wallet).kinds[kind.ordinal()]++;
        if (findings.size() >= maxFindings)
        {
            omitted++;
            return;
        }
        findings.add(new Finding(kind, null == payment ? 0 : payment.switchTxnId(),
            null == payment ? null : payment.flow().name(), wallet, null == order ? null : order.merchantId(),
            null != order ? order.orderNo() : orderNo, null == payment ? "no payment" : payment.describe(), ledger,
            rule));
    }

    ReconciliationReport build(final Path journal, final long asOfMs, final boolean strict)
    {
        final Map<String, WalletCounts> wallets = new LinkedHashMap<>();
        for (final Map.Entry<String, Tally> entry : byWallet.entrySet())
        {
            final Tally t = entry.getValue();
            wallets.put(entry.getKey(), new WalletCounts(t.payments, t.checked, t.inDoubt, t.orders, t.otherMerchants,
                t.unmatchedNoMoney, t.kinds[FindingKind.LOST.ordinal()], t.kinds[FindingKind.DUPLICATE.ordinal()],
                t.kinds[FindingKind.ORPHAN.ordinal()], t.kinds[FindingKind.MISMATCHED.ordinal()]));
        }
        return new ReconciliationReport(journal, asOfMs, strict, payments, orders, checked, inDoubt,
            kinds[FindingKind.LOST.ordinal()], kinds[FindingKind.DUPLICATE.ordinal()],
            kinds[FindingKind.ORPHAN.ordinal()], kinds[FindingKind.MISMATCHED.ordinal()], wallets, findings, omitted);
    }

    private Tally tally(final String wallet)
    {
        // Payments never routed to a wallet (an unreadable code) count in the totals only.
        return null == wallet ? new Tally() : byWallet.computeIfAbsent(wallet, (w) -> new Tally());
    }

    /**
     * One wallet's counts while they are made.
     */
    private static final class Tally
    {
        private final long[] kinds = new long[FindingKind.values().length];
        private long payments;
        private long checked;
        private long inDoubt;
        private long orders;
        private long otherMerchants;
        private long unmatchedNoMoney;
    }
}
