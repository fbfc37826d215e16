package io.hutong.sim.reconcile;

import io.hutong.sim.ledger.OrderKind;
import io.hutong.sim.ledger.OrderState;

/**
 * One order of a wallet's ledger as {@code GET /sim/ledger} lists it (docs/simulated-wallets.md, "Control API"),
 * tagged with its wallet. Immutable and thread-safe.
 *
 * @param wallet      the wallet whose ledger holds it.
 * @param merchantId  the merchant it is booked under, or null (payer holds have none).
 * @param orderNo     the order number (for a hold, the payer's reference the switch releases).
 * @param kind        PAY, CREDIT or HOLD.
 * @param account     the consumer (PAY, HOLD) or payee merchant (CREDIT); null for tombstones.
 * @param amount      fen (0 for a reverse tombstone).
 * @param state       the state when the page was read.
 * @param walletTxnId the wallet's transaction id, or null when no money moved.
 * @param refunded    fen refunded so far.
 * @param createdAt   epoch milliseconds of creation, on the wallet's clock.
 */
public record LedgerOrder(
    String wallet,
    String merchantId,
    String orderNo,
    OrderKind kind,
    String account,
    long amount,
    OrderState state,
    String walletTxnId,
    long refunded,
    long createdAt)
{
    /**
     * @return true when money moved and stays moved: a PAY paid (SUCCESS, or REFUNDED in part or whole), a CREDIT
     *         made, a payer hold CAPTURED.
     */
    public boolean movedMoney()
    {
        return OrderState.SUCCESS == state || OrderState.REFUNDED == state || OrderState.CAPTURED == state;
    }

    /**
     * @return true when money is reserved and waits for a decision: a PAY the consumer is confirming (USERPAYING),
     *         a payer hold in place (HELD).
     */
    public boolean pending()
    {
        return OrderState.USERPAYING == state || OrderState.HELD == state;
    }

    /**
     * @return the order in a finding's words: {@code PAY SUCCESS 1234 fen account=c000001} (plus the refunded
     *         total when there is one).
     */
    public String describe()
    {
        final StringBuilder text = new StringBuilder(64).append(kind).append(' ').append(state).append(' ')
            .append(amount).append(" fen");
        if (refunded > 0)
        {
            text.append(" refunded=").append(refunded);
        }
        if (null != account)
        {
            text.append(" account=").append(account);
        }
        return text.toString();
    }
}
