package io.hutong.core.journal.tools;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import io.hutong.core.journal.JournalFlow;
import io.hutong.core.journal.JournalHop;
import io.hutong.core.journal.JournalIndex;
import io.hutong.core.journal.JournalReason;
import io.hutong.core.journal.JournalRecordDecoder;
import io.hutong.core.journal.JournalStatus;
import io.hutong.core.journal.JournalText;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * Writes journal records as JSON lines through Jackson's streaming generator, one object per line, field names
 * as documented in docs/journal.md. Codes unknown to this version are written as their decimal number in a
 * string. Malformed records become {@code {"index":..,"position":..,"error":..,"length":..}}.
 * <p>
 * Not thread-safe; allocates per record (a tool, not the hot path).
 */
final class RecordJson implements AutoCloseable
{
    private static final JsonFactory FACTORY = new JsonFactory();

    private final JsonGenerator json;

    RecordJson(final OutputStream out)
    {
        try
        {
            json = FACTORY.createGenerator(out);
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.setRootValueSeparator(new SerializedString(""));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    void write(final long index, final JournalRecordDecoder record)
    {
        try
        {
            json.writeStartObject();
            json.writeNumberField("index", index);
            json.writeStringField("position", JournalIndex.format(index));
            if (record.isValid())
            {
                writeFields(record);
            }
            else
            {
                json.writeStringField("error", record.error().name());
                json.writeNumberField("length", record.length());
            }
            json.writeEndObject();
            json.writeRaw('\n');
            json.flush();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private void writeFields(final JournalRecordDecoder record) throws IOException
    {
        json.writeNumberField("version", record.version());
        final JournalHop hop = record.hop();
        json.writeStringField("hop", null == hop ? Integer.toString(record.hopCode()) : hop.name());
        final JournalFlow flow = record.flow();
        json.writeStringField("flow", null == flow ? Integer.toString(record.flowCode()) : flow.name());
        json.writeNumberField("switchTxnId", record.switchTxnId());
        json.writeNumberField("epochNanos", record.epochNanos());
        json.writeStringField("time", instant(record.epochNanos()));
        json.writeNumberField("monotonicNanos", record.monotonicNanos());
        final JournalStatus status = record.status();
        json.writeStringField("status", null == status ? Integer.toString(record.statusCode()) : status.name());
        final JournalReason reason = record.reason();
        json.writeStringField("reason", null == reason ? Integer.toString(record.reasonCode()) : reason.name());
        json.writeNumberField("amount", record.amount());
        json.writeNumberField("currency", record.currency());
        for (int i = 0, n = JournalText.count(); i < n; i++)
        {
            final JournalText slot = JournalText.get(i);
            json.writeStringField(slot.jsonName(), record.text(slot));
        }
        json.writeStringField("contentHash", record.contentHashHex());
        json.writeStringField("detail", record.detail());
        json.writeStringField("chain", record.chainHex());
    }

    private static String instant(final long epochNanos)
    {
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L), Math.floorMod(epochNanos, 1_000_000_000L))
            .toString();
    }

    @Override
    public void close()
    {
        try
        {
            json.close();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
