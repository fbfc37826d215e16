package io.hutong.sim.reconcile;

import io.hutong.sim.ledger.OrderKind;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every wallet's orders that concern the switch, found by (wallet, order number): PAY and CREDIT orders under the
 * switch's merchant ids, and payer holds (which have no merchant). A payment claims the orders it accounts for, so
 * what no payment claims is left for the orphan rule. Orders under other merchants are counted and left alone. Not
 * thread-safe: one reconciliation's thread.
 */
final class LedgerIndex
{
    private final Map<OrderKey, List<LedgerOrder>> orders = new HashMap<>();
    private final Map<OrderKey, List<LedgerOrder>> holds = new HashMap<>();
    private final List<LedgerOrder> relevant = new ArrayList<>();
    private final Set<LedgerOrder> claimed = Collections.newSetFromMap(new IdentityHashMap<>());

    LedgerIndex(
        final Map<String, WalletEndpoint> wallets,
        final Map<String, List<LedgerOrder>> ledgers,
        final ReportBuilder report)
    {
        for (final Map.Entry<String, List<LedgerOrder>> ledger : ledgers.entrySet())
        {
            final WalletEndpoint endpoint = wallets.get(ledger.getKey());
            for (final LedgerOrder order : ledger.getValue())
            {
                final boolean hold = OrderKind.HOLD == order.kind();
                final boolean switchMerchant = hold ||
                    (null != endpoint && endpoint.merchantIds().contains(order.merchantId()));
                report.order(order, switchMerchant);
                if (!switchMerchant)
                {
                    continue;
                }
                relevant.add(order);
                (hold ? holds : orders).computeIfAbsent(new OrderKey(order.wallet(), order.orderNo()),
                    (key) -> new ArrayList<>(1)).add(order);
            }
        }
    }

    /**
     * @param wallet  a wallet id.
     * @param orderNo an order number the switch gave it.
     * @return the PAY and CREDIT orders with that number under the switch's merchants (normally one or none), now
     *         claimed.
     */
    List<LedgerOrder> claim(final String wallet, final String orderNo)
    {
        return claim(orders, wallet, orderNo);
    }

    /**
     * @param wallet  a payer wallet id.
     * @param orderNo the payer's reference of an MPM payment.
     * @return the payer holds with that number (one or none), now claimed.
     */
    List<LedgerOrder> claimHolds(final String wallet, final String orderNo)
    {
        return claim(holds, wallet, orderNo);
    }

    /**
     * @return the orders under the switch's merchants and the holds that no payment claimed, wallet by wallet in
     *         creation order.
     */
    List<LedgerOrder> unclaimed()
    {
        final List<LedgerOrder> left = new ArrayList<>();
        for (final LedgerOrder order : relevant)
        {
            if (!claimed.contains(order))
            {
                left.add(order);
            }
        }
        return left;
    }

    private List<LedgerOrder> claim(
        final Map<OrderKey, List<LedgerOrder>> index, final String wallet, final String orderNo)
    {
        if (null == wallet || null == orderNo)
        {
            return List.of();
        }
        final List<LedgerOrder> found = index.get(new OrderKey(wallet, orderNo));
        if (null == found)
        {
            return List.of();
        }
        claimed.addAll(found);
        return found;
    }

    /**
     * An order's place: its wallet and number.
     *
     * @param wallet  the wallet id.
     * @param orderNo the order number.
     */
    record OrderKey(String wallet, String orderNo)
    {
    }
}
