package io.hutong.sim.reconcile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one reconciliation of the switch's journal with the wallets' ledgers: exact counts, per-wallet
 * counts and the first findings (docs/reconciliation.md). Its JSON form is a contract (see {@link #toJson()}); the
 * {@code pos} and {@code demo} reports embed it as {@code "reconciliation"}. Immutable and thread-safe.
 */
public final class ReconciliationReport
{
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path journal;
    private final long asOfMs;
    private final boolean strict;
    private final long payments;
    private final long orders;
    private final long checked;
    private final long inDoubt;
    private final long lost;
    private final long duplicates;
    private final long orphans;
    private final long mismatched;
    private final Map<String, WalletCounts> byWallet;
    private final List<Finding> findings;
    private final long findingsOmitted;

    ReconciliationReport(
        final Path journal,
        final long asOfMs,
        final boolean strict,
        final long payments,
        final long orders,
        final long checked,
        final long inDoubt,
        final long lost,
        final long duplicates,
        final long orphans,
        final long mismatched,
        final Map<String, WalletCounts> byWallet,
        final List<Finding> findings,
        final long findingsOmitted)
    {
        this.journal = journal;
        this.asOfMs = asOfMs;
        this.strict = strict;
        this.payments = payments;
        this.orders = orders;
        this.checked = checked;
        this.inDoubt = inDoubt;
        this.lost = lost;
        this.duplicates = duplicates;
        this.orphans = orphans;
        this.mismatched = mismatched;
        this.byWallet = Collections.unmodifiableMap(new LinkedHashMap<>(byWallet));
        this.findings = List.copyOf(findings);
        this.findingsOmitted = findingsOmitted;
    }

    /**
     * @return true when there is no finding of any kind (in-doubt payments are not findings unless {@link #strict()}).
     */
    public boolean isClean()
    {
        return 0 == lost + duplicates + orphans + mismatched;
    }

    /**
     * @return payments compared: final at the switch with nothing outstanding (CPM, MPM and refunds).
     */
    public long checked()
    {
        return checked;
    }

    /**
     * @return {@link FindingKind#LOST} findings.
     */
    public long lost()
    {
        return lost;
    }

    /**
     * @return {@link FindingKind#DUPLICATE} findings.
     */
    public long duplicates()
    {
        return duplicates;
    }

    /**
     * @return {@link FindingKind#ORPHAN} findings.
     */
    public long orphans()
    {
        return orphans;
    }

    /**
     * @return {@link FindingKind#MISMATCHED} findings.
     */
    public long mismatched()
    {
        return mismatched;
    }

    /**
     * @param kind a finding kind.
     * @return the findings of that kind.
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

    /**
     * @return payments still in progress at the switch, plus ledger orders newer than the journal read that no
     *         payment accounts for: not findings, unless the reconciliation was {@link #strict()}.
     */
    public long inDoubt()
    {
        return inDoubt;
    }

    /**
     * @return payments read from the journal.
     */
    public long payments()
    {
        return payments;
    }

    /**
     * @return orders read from every ledger.
     */
    public long orders()
    {
        return orders;
    }

    /**
     * @return true when in-doubt payments and new orders were counted as findings ({@code --final}).
     */
    public boolean strict()
    {
        return strict;
    }

    /**
     * @return epoch milliseconds at which the journal was read: ledger orders created later are in doubt.
     */
    public long asOfMs()
    {
        return asOfMs;
    }

    /**
     * @return counts per wallet, in credentials-file order, then wallets only the journal names.
     */
    public Map<String, WalletCounts> byWallet()
    {
        return byWallet;
    }

    /**
     * @return the findings kept, in the order found (at most the cap given to the {@link Reconciler}).
     */
    public List<Finding> findings()
    {
        return findings;
    }

    /**
     * @return findings counted but not kept because of the cap.
     */
    public long findingsOmitted()
    {
        return findingsOmitted;
    }

    /**
     * The report as JSON (a contract; fields are only ever added): {@code checked, lost, duplicates, orphans,
     * mismatched, inDoubt, clean, final, payments, orders, asOf, journal, byWallet:{<wallet>:{payments, checked,
     * inDoubt, orders, otherMerchants, unmatchedNoMoney, lost, duplicates, orphans, mismatched}}, findings:[{kind,
     * switchTxnId, flow, wallet, merchantId, orderNo, journal, ledger, rule}], findingsOmitted}}.
     *
     * @return a new JSON object.
     */
    public ObjectNode toJson()
    {
        final ObjectNode root = JSON.createObjectNode();
        root.put("checked", checked).put("lost", lost).put("duplicates", duplicates).put("orphans", orphans)
            .put("mismatched", mismatched).put("inDoubt", inDoubt).put("clean", isClean()).put("final", strict)
            .put("payments", payments).put("orders", orders).put("asOf", Instant.ofEpochMilli(asOfMs).toString())
            .put("journal", null == journal ? null : journal.toString());
        final ObjectNode wallets = root.putObject("byWallet");
        for (final Map.Entry<String, WalletCounts> entry : byWallet.entrySet())
        {
            final WalletCounts c = entry.getValue();
            wallets.putObject(entry.getKey()).put("payments", c.payments()).put("checked", c.checked())
                .put("inDoubt", c.inDoubt()).put("orders", c.orders()).put("otherMerchants", c.otherMerchants())
                .put("unmatchedNoMoney", c.unmatchedNoMoney()).put("lost", c.lost()).put("duplicates", c.duplicates())
                .put("orphans", c.orphans()).put("mismatched", c.mismatched());
        }
        final ArrayNode list = root.putArray("findings");
        for (final Finding f : findings)
        {
            final ObjectNode item = list.addObject().put("kind", f.kind().label());
            if (0 == f.switchTxnId())
            {
                item.putNull("switchTxnId");
            }
            else
            {
                item.put("switchTxnId", f.switchTxnId());
            }
            item.put("flow", f.flow()).put("wallet", f.wallet()).put("merchantId", f.merchantId())
                .put("orderNo", f.orderNo()).put("journal", f.journal()).put("ledger", f.ledger()).put("rule", f.rule());
        }
        root.put("findingsOmitted", findingsOmitted);
        return root;
    }

    /**
     * Writes {@link #toJson()} to a file, pretty-printed.
     *
     * @param file the report file; its directory must exist.
     * @throws UncheckedIOException when the file cannot be written.
     */
    public void write(final Path file)
    {
        try
        {
            Files.write(file, JSON.writeValueAsBytes(toJson()));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("report=" + file + ": cannot write (" + ex.getMessage() + ")", ex);
        }
    }

    /**
     * @return one line: {@code checked 120 payments against 480 orders: lost 0, duplicates 0, orphans 0, mismatched
     *         0, in doubt 0: clean}.
     */
    public String summary()
    {
        final long total = lost + duplicates + orphans + mismatched;
        return "checked " + checked + " payments against " + orders + " orders: lost " + lost + ", duplicates " +
            duplicates + ", orphans " + orphans + ", mismatched " + mismatched + ", in doubt " + inDoubt +
            (strict ? " (final)" : "") + ": " + (0 == total ? "clean" : total + (1 == total ? " finding" : " findings"));
    }

    /**
     * Prints the summary, one line per wallet, the first findings, and how many more there are.
     *
     * @param out           where to print.
     * @param findingLines  the most findings to print.
     */
    public void print(final PrintWriter out, final int findingLines)
    {
        out.println("reconcile: " + summary());
        for (final Map.Entry<String, WalletCounts> entry : byWallet.entrySet())
        {
            final WalletCounts c = entry.getValue();
            out.println("  " + entry.getKey() + ": payments " + c.payments() + ", checked " + c.checked() +
                ", orders " + c.orders() + ", lost " + c.lost() + ", duplicates " + c.duplicates() + ", orphans " +
                c.orphans() + ", mismatched " + c.mismatched() + ", in doubt " + c.inDoubt());
        }
        final int shown = Math.min(findingLines, findings.size());
        for (int i = 0; i < shown; i++)
        {
            final Finding f = findings.get(i);
            out.println("  " + f.kind().label() + (0 == f.switchTxnId() ? "" : " switchTxnId=" + f.switchTxnId()) +
                " wallet=" + f.wallet() + (null == f.orderNo() ? "" : " orderNo=" + f.orderNo()) + ": " + f.rule() +
                " (journal: " + f.journal() + "; ledger: " + f.ledger() + ")");
        }
        final long more = findings.size() - shown + findingsOmitted;
        if (more > 0)
        {
            out.println("  ... " + more + " more finding" + (1 == more ? "" : "s") + " (see the report file)");
        }
        out.flush();
    }

    @Override
    public String toString()
    {
        return "ReconciliationReport[" + summary() + "]";
    }
}
