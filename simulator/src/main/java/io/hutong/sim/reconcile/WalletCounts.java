package io.hutong.sim.reconcile;

/**
 * One wallet's share of a {@link ReconciliationReport}. Payments count where the wallet is the issuer (CPM, REFUND)
 * or the payer (MPM); orders and findings count where the ledger holding (or meant to hold) the order is. Immutable
 * and thread-safe.
 *
 * @param payments         journal payments whose issuer or payer this wallet is.
 * @param checked          of those, the ones compared (final, nothing outstanding at the switch).
 * @param inDoubt          payments still in progress at the switch, plus this ledger's orders newer than the
 *                         journal read that no payment accounts for.
 * @param orders           orders read from this wallet's ledger.
 * @param otherMerchants   orders under merchants that are not the switch's (not reconciled).
 * @param unmatchedNoMoney orders no payment accounts for that moved no money (declines, closed or reversed order
 *                         numbers, released holds): not findings.
 * @param lost             {@link FindingKind#LOST} findings at this wallet.
 * @param duplicates       {@link FindingKind#DUPLICATE} findings at this wallet.
 * @param orphans          {@link FindingKind#ORPHAN} findings at this wallet.
 * @param mismatched       {@link FindingKind#MISMATCHED} findings at this wallet.
 */
public record WalletCounts(
    long payments,
    long checked,
    long inDoubt,
    long orders,
    long otherMerchants,
    long unmatchedNoMoney,
    long lost,
    long duplicates,
    long orphans,
    long mismatched)
{
    /**
     * @param kind a finding kind.
     * @return the findings of that kind at this wallet.
     */
    public long count(final FindingKind kind)
    {
        return switch (kind)
        {
            case LOST -> lost;
            case DUPLICATE -> duplicates;
            case ORPHAN -> orphans;
            case MISMATCHED -> mismatched;
        };
    }
}
