package io.hutong.sim.reconcile;

import java.util.Locale;

/**
 * What kind of disagreement between the switch's journal and a wallet's ledger a {@link Finding} is
 * (docs/reconciliation.md, "Rules"). Each disagreement is counted once, under the first kind that applies in the
 * order below. Immutable and thread-safe.
 */
public enum FindingKind
{
    /** Money left a consumer (PAY SUCCESS/REFUNDED, payer hold CAPTURED) for a payment the switch did not approve. */
    LOST("lost", "lost"),
    /** More than one debit or credit for one payment, or one consumer code debited by two payments. */
    DUPLICATE("duplicate", "duplicates"),
    /** Money with no decision: a debit still pending after the switch decided, or an order no payment accounts for. */
    ORPHAN("orphan", "orphans"),
    /** Both sides final but they disagree: approved without the money moving, amounts or refunds that differ. */
    MISMATCHED("mismatched", "mismatched");

    private final String label;
    private final String counter;

    FindingKind(final String label, final String counter)
    {
        this.label = label;
        this.counter = counter;
    }

    /**
     * @return the kind as a finding's {@code kind} field says it ({@code lost}, {@code duplicate}, {@code orphan},
     *         {@code mismatched}).
     */
    public String label()
    {
        return label;
    }

    /**
     * @return the name of the report's counter for this kind ({@code lost}, {@code duplicates}, {@code orphans},
     *         {@code mismatched}).
     */
    public String counter()
    {
        return counter;
    }

    @Override
    public String toString()
    {
        return name().toLowerCase(Locale.ROOT);
    }
}
