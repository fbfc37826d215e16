package io.hutong.sim.reconcile;

import io.hutong.core.journal.JournalFlow;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reconciles the switch's journal with every wallet's ledger (docs/reconciliation.md): reads the journal into
 * payments, reads each wallet's ledger from its control API, and applies the rules. The Java face of
 * {@code hutong reconcile}; the demo calls it in-process:
 * <pre>
 *  ReconciliationReport report = Reconciler.reconcile(data.resolve("journal"), credentialsFile);
 *  if (!report.isClean()) { ... report.findings() ... }
 *
 *  credentials --&gt; WalletEndpoint (baseUrl, the switch's merchant ids)
 *  journal ------&gt; JournalPayments --&gt; SwitchPayment per switch txn id ----\
 *  each wallet --&gt; LedgerReader (GET /sim/ledger, paged) --&gt; LedgerIndex --+--&gt; ReconciliationRules
 *                                                                                       --&gt; ReconciliationReport
 * </pre>
 * The journal is read first and its time kept: a ledger order made after it, with no payment in the journal, is in
 * doubt rather than an orphan, so a reconciliation of a live system does not cry wolf; run it on a quiet system (or
 * with {@link #strict(boolean)}) for a verdict on everything.
 * <p>
 * Immutable and thread-safe; each call reads afresh.
 */
public final class Reconciler
{
    /** Findings kept in a report by default; the counts are always exact. */
    public static final int DEFAULT_MAX_FINDINGS = 100;
    /** Connection and page timeout by default. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** How often the journal is read again while waiting for payments in progress to settle. */
    public static final long SETTLE_POLL_MS = 200;

    private final boolean strict;
    private final int maxFindings;
    private final Duration timeout;
    private final Duration settleTimeout;

    /**
     * A reconciler with the defaults: in-doubt payments are not findings, {@link #DEFAULT_MAX_FINDINGS} kept,
     * {@link #DEFAULT_TIMEOUT} per wallet request.
     */
    public Reconciler()
    {
        this(false, DEFAULT_MAX_FINDINGS, DEFAULT_TIMEOUT, Duration.ZERO);
    }

    private Reconciler(
        final boolean strict, final int maxFindings, final Duration timeout, final Duration settleTimeout)
    {
        this.strict = strict;
        this.maxFindings = maxFindings;
        this.timeout = timeout;
        this.settleTimeout = settleTimeout;
    }

    /**
     * Reconciles with the defaults.
     *
     * @param journal     the switch's journal directory ({@code DATA/journal}).
     * @param credentials the wallets' credentials file ({@code DATA/wallets/credentials.json}).
     * @return the report.
     * @throws ReconcileInputException when the journal, the credentials or a ledger cannot be read.
     */
    public static ReconciliationReport reconcile(final Path journal, final Path credentials)
    {
        return new Reconciler().run(journal, credentials);
    }

    /**
     * @param strict true: every payment must be final and every order explained (the system is quiet), so payments
     *               in progress and orders newer than the journal read are orphans rather than in doubt.
     * @return a reconciler like this one with that setting.
     */
    public Reconciler strict(final boolean strict)
    {
        return new Reconciler(strict, maxFindings, timeout, settleTimeout);
    }

    /**
     * @param maxFindings how many findings a report keeps, &gt;= 0.
     * @return a reconciler like this one with that cap.
     */
    public Reconciler maxFindings(final int maxFindings)
    {
        if (maxFindings < 0)
        {
            throw new IllegalArgumentException("maxFindings=" + maxFindings + ": must be >= 0");
        }
        return new Reconciler(strict, maxFindings, timeout, settleTimeout);
    }

    /**
     * @param timeout the most a connection to a wallet or one ledger page may take, &gt; 0.
     * @return a reconciler like this one with that timeout.
     */
    public Reconciler timeout(final Duration timeout)
    {
        if (timeout.isNegative() || timeout.isZero())
        {
            throw new IllegalArgumentException("timeout=" + timeout + ": must be > 0");
        }
        return new Reconciler(strict, maxFindings, timeout, settleTimeout);
    }

    /**
     * @param settleTimeout how long to wait, re-reading the journal every {@link #SETTLE_POLL_MS} ms, for payments in
     *                      progress at the switch to finish before the ledgers are read (reversals and hold releases
     *                      go on after the terminal's answer); zero, the default, does not wait.
     * @return a reconciler like this one with that wait.
     */
    public Reconciler settleTimeout(final Duration settleTimeout)
    {
        if (settleTimeout.isNegative())
        {
            throw new IllegalArgumentException("settleTimeout=" + settleTimeout + ": must be >= 0");
        }
        return new Reconciler(strict, maxFindings, timeout, settleTimeout);
    }

    /**
     * Reads the journal (waiting up to the settle timeout for payments in progress), then every ledger of the
     * credentials file, and reconciles them.
     *
     * @param journal     the switch's journal directory.
     * @param credentials the wallets' credentials file.
     * @return the report.
     * @throws ReconcileInputException when the journal, the credentials or a ledger cannot be read (naming which),
     *                                 or the journal has wallet calls to a wallet the credentials do not list.
     */
    public ReconciliationReport run(final Path journal, final Path credentials)
    {
        final Map<String, WalletEndpoint> wallets = WalletEndpoint.readAll(credentials);
        final long deadline = System.nanoTime() + settleTimeout.toNanos();
        long asOfMs = System.currentTimeMillis();
        List<SwitchPayment> payments = JournalPayments.read(journal);
        while (!settled(payments) && System.nanoTime() - deadline < 0 && pause())
        {
            asOfMs = System.currentTimeMillis();
            payments = JournalPayments.read(journal);
        }
        requireLedgers(payments, wallets);
        final LedgerReader reader = new LedgerReader(timeout);
        final Map<String, List<LedgerOrder>> ledgers = new LinkedHashMap<>();
        for (final WalletEndpoint wallet : wallets.values())
        {
            ledgers.put(wallet.wallet(), reader.read(wallet));
        }
        return compare(journal.toAbsolutePath(), asOfMs, payments, wallets, ledgers);
    }

    /**
     * Reconciles payments and ledgers already read (fixtures, or another source of either side).
     *
     * @param journal  the journal's directory, for the report (may be null).
     * @param asOfMs   epoch milliseconds at which the journal was read.
     * @param payments the journal's payments.
     * @param wallets  the wallets, with the switch's merchant ids at each.
     * @param ledgers  every order of each wallet's ledger, by wallet id.
     * @return the report.
     * @throws ReconcileInputException when a payment called a wallet whose ledger is not given.
     */
    public ReconciliationReport compare(
        final Path journal,
        final long asOfMs,
        final List<SwitchPayment> payments,
        final Map<String, WalletEndpoint> wallets,
        final Map<String, List<LedgerOrder>> ledgers)
    {
        Objects.requireNonNull(payments, "payments");
        requireLedgers(payments, ledgers);
        final ReportBuilder report = new ReportBuilder(maxFindings, wallets.keySet());
        final LedgerIndex index = new LedgerIndex(wallets, ledgers, report);
        new ReconciliationRules(index, report, strict, asOfMs).apply(payments);
        return report.build(journal, asOfMs, strict);
    }

    /**
     * Every wallet a payment reaches must have its ledger read, or the payment would look lost or mismatched: the
     * issuer once called (CPM, REFUND); for MPM the payer (its hold) and the payee once credited.
     */
    private static void requireLedgers(final List<SwitchPayment> payments, final Map<String, ?> ledgers)
    {
        for (final SwitchPayment p : payments)
        {
            final boolean mpm = JournalFlow.MPM == p.flow();
            final String missing = need(p.wallet(), mpm || p.walletCalled(), ledgers) ? p.wallet() :
                need(p.counterparty(), mpm && p.walletCalled(), ledgers) ? p.counterparty() : null;
            if (null != missing)
            {
                throw new ReconcileInputException("wallet=" + missing + ": switch payment " + p.switchTxnId() +
                    " reached it, but the credentials file does not list it, so its ledger cannot be read");
            }
        }
    }

    private static boolean settled(final List<SwitchPayment> payments)
    {
        for (final SwitchPayment payment : payments)
        {
            if (!payment.settled())
            {
                return false;
            }
        }
        return true;
    }

    /**
     * @return false when interrupted (the flag is kept), so the caller stops waiting and reconciles what it has.
     */
    private static boolean pause()
    {
        try
        {
            Thread.sleep(SETTLE_POLL_MS);
            return true;
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean need(final String wallet, final boolean reached, final Map<String, ?> ledgers)
    {
        return reached && null != wallet && !ledgers.containsKey(wallet);
    }

    @Override
    public String toString()
    {
        return "Reconciler[strict=" + strict + ", maxFindings=" + maxFindings + ", timeout=" + timeout +
            ", settleTimeout=" + settleTimeout + "]";
    }
}
