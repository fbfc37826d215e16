package io.hutong.bench.core;

import io.hutong.core.journal.ChainVerifier;
import io.hutong.core.journal.JournalHop;
import io.hutong.core.journal.JournalReader;
import io.hutong.core.journal.JournalStatus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A journal read back for the smoke tests: one {@link Line} per record, each record checked against the SM3 chain
 * from the genesis value.
 */
final class JournalLines
{
    /**
     * What a test asserts of one record.
     *
     * @param index          its journal index.
     * @param switchTxnId    the payment.
     * @param hop            the hop.
     * @param status         the status.
     * @param terminalTxnId  the terminal's txn id.
     * @param walletId       the issuer.
     * @param counterparty   the acquirer.
     * @param maskedCode     the masked code.
     * @param walletOrderNo  the order number sent to the wallet.
     * @param walletTxnId    the wallet's txn id.
     */
    record Line(long index, long switchTxnId, JournalHop hop, JournalStatus status, String terminalTxnId,
        String walletId, String counterparty, String maskedCode, String walletOrderNo, String walletTxnId)
    {
    }

    private JournalLines()
    {
    }

    /**
     * @param directory a journal directory (its writer may still be open).
     * @return every record, in order.
     * @throws AssertionError if a record does not chain to the one before.
     */
    static List<Line> read(final Path directory)
    {
        final List<Line> lines = new ArrayList<>();
        final ChainVerifier chain = new ChainVerifier();
        try (JournalReader reader = JournalReader.openReadOnly(directory))
        {
            reader.replay((index, record) ->
            {
                if (ChainVerifier.Result.OK != chain.next(record))
                {
                    throw new AssertionError("journal.index=" + index + ": does not chain");
                }
                lines.add(new Line(index, record.switchTxnId(), record.hop(), record.status(), record.terminalTxnId(),
                    record.walletId(), record.counterpartyWalletId(), record.maskedCode(), record.walletOrderNo(),
                    record.walletTxnId()));
            });
        }
        return lines;
    }
}
