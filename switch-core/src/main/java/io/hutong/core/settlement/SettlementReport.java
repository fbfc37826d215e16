package io.hutong.core.settlement;

import io.hutong.core.journal.JournalFlow;
import io.hutong.core.journal.JournalHop;
import io.hutong.core.journal.JournalReader;
import io.hutong.core.journal.JournalRecordDecoder;
import io.hutong.core.journal.JournalRecordHandler;
import io.hutong.core.journal.JournalStatus;
import io.hutong.core.journal.JournalText;
import org.agrona.collections.Long2LongHashMap;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The day's inter-wallet settlement, computed from the journal alone (the engine's in-memory positions are
 * not consulted, so the report can be rerun and audited): every FINAL record dated that settlement day moves an
 * obligation between the two wallets of the payment.
 * <pre>
 *  CPM approved          issuer owes acquirer   +amount      (and -amount if later voided: REVERSED)
 *  MPM approved          payer owes payee       +amount
 *  refund approved       issuer owes acquirer   -amount
 * </pre>
 * Then each pair is netted: one line per pair that owes the other, who owes whom and how much. The settlement
 * day is the calendar day in China Standard Time (UTC+8), as the wallets count it.
 * <p>
 * Not thread-safe; one report per run.
 */
public final class SettlementReport implements JournalRecordHandler
{
    /** The settlement day's time zone. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** One netted obligation. */
    public record Line(String debtor, String creditor, long grossOwed, long grossOwedBack, long net)
    {
    }

    private final LocalDate date;
    private final Long2LongHashMap lastStatus = new Long2LongHashMap(-1);
    private final Map<String, Long> gross = new TreeMap<>();
    private long payments;

    /**
     * @param date the settlement day.
     */
    public SettlementReport(final LocalDate date)
    {
        this.date = date;
    }

    /**
     * Replay a journal into the report.
     *
     * @param journal the journal directory.
     * @return this.
     */
    public SettlementReport read(final Path journal)
    {
        try (JournalReader reader = JournalReader.openReadOnly(journal))
        {
            reader.replay(this);
        }
        return this;
    }

    @Override
    public void onRecord(final long index, final JournalRecordDecoder r)
    {
        if (JournalHop.FINAL != r.hop())
        {
            return;
        }
        final long id = r.switchTxnId();
        final JournalStatus status = r.status();
        final long previous = lastStatus.get(id);
        lastStatus.put(id, status.code());
        if (r.textLength(JournalText.WALLET_ID) == 0 || r.textLength(JournalText.COUNTERPARTY_WALLET_ID) == 0 ||
            !date.equals(Instant.ofEpochSecond(0, r.epochNanos()).atZone(ZONE).toLocalDate()))
        {
            return;
        }
        final String debtor = r.walletId();
        final String creditor = r.counterpartyWalletId();
        final long amount = r.amount();
        final boolean wasApproved = previous == JournalStatus.APPROVED.code();
        if (JournalFlow.REFUND == r.flow())
        {
            if (JournalStatus.APPROVED == status)
            {
                add(debtor, creditor, -amount);
            }
        }
        else if (JournalStatus.APPROVED == status && !wasApproved)
        {
            add(debtor, creditor, amount);
            payments++;
        }
        else if (JournalStatus.APPROVED != status && wasApproved)
        {
            add(debtor, creditor, -amount);
            payments--;
        }
    }

    private void add(final String debtor, final String creditor, final long amount)
    {
        if (!debtor.equals(creditor))
        {
            gross.merge(debtor + "\u0000" + creditor, amount, Long::sum);
        }
    }

    /**
     * @return approved cross-wallet payments counted for the day (net of voids).
     */
    public long payments()
    {
        return payments;
    }

    /**
     * @return the netted obligations, one per pair that owes, largest first.
     */
    public List<Line> lines()
    {
        final List<Line> lines = new ArrayList<>();
        for (final Map.Entry<String, Long> entry : gross.entrySet())
        {
            final String[] pair = entry.getKey().split("\u0000");
            final long owed = entry.getValue();
            final long back = gross.getOrDefault(pair[1] + "\u0000" + pair[0], 0L);
            if (owed - back > 0)
            {
                lines.add(new Line(pair[0], pair[1], owed, back, owed - back));
            }
        }
        lines.sort((a, b) -> Long.compare(b.net(), a.net()));
        return lines;
    }

    /**
     * Print the report as a table.
     *
     * @param out where.
     */
    public void print(final PrintStream out)
    {
        out.println("settlement " + date + " (" + ZONE + "): " + payments + " cross-wallet payments");
        out.printf("%-10s %-10s %16s %16s %16s%n", "debtor", "creditor", "owed", "owed back", "net (CNY)");
        for (final Line line : lines())
        {
            out.printf("%-10s %-10s %16s %16s %16s%n", line.debtor(), line.creditor(), yuan(line.grossOwed()),
                yuan(line.grossOwedBack()), yuan(line.net()));
        }
    }

    /**
     * Write the report as CSV: {@code date,debtor,creditor,owed_fen,owed_back_fen,net_fen}.
     *
     * @param file where.
     */
    public void writeCsv(final Path file)
    {
        final StringBuilder csv = new StringBuilder("date,debtor,creditor,owed_fen,owed_back_fen,net_fen\n");
        for (final Line line : lines())
        {
            csv.append(date).append(',').append(line.debtor()).append(',').append(line.creditor()).append(',')
                .append(line.grossOwed()).append(',').append(line.grossOwedBack()).append(',').append(line.net()).append('\n');
        }
        try
        {
            Files.writeString(file, csv, StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("settlement csv " + file + ": cannot write", ex);
        }
    }

    private static String yuan(final long fen)
    {
        final String sign = fen < 0 ? "-" : "";
        final long abs = Math.abs(fen);
        return sign + (abs / 100) + "." + (abs % 100 < 10 ? "0" : "") + (abs % 100);
    }
}
