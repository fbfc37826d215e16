package io.hutong.sim.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.hutong.sim.codes.CodeFormat;
import io.hutong.sim.ledger.ConsumerSeed;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The credentials file {@code <data>/wallets/credentials.json} (a contract, docs/simulated-wallets.md): one object
 * per wallet in registry order with its {@code baseUrl}, what each of its APIs' clients need (WeChat
 * {@code appId, mchId, apiKey, signType}; every wallet's GM {@code interop}), its code layout, its consumers with
 * their code seeds, and its payee merchants. It holds the client-side secrets the switch's connectors and load
 * generators need, so it is written owner-only (0600). Not thread-safe: build one per write.
 */
public final class CredentialsFile
{
    /** The file name below {@code <data>/wallets/}. */
    public static final String FILE_NAME = "credentials.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Map<String, Object> wallets = new LinkedHashMap<>();

    /**
     * Adds one wallet's entry.
     *
     * @param walletId  the wallet id.
     * @param baseUrl   its base URL.
     * @param apiFields the fields of its APIs, in order.
     * @param format    its code layout.
     * @param consumers its consumers with their seeds.
     * @param merchants its payee merchants.
     * @return this.
     */
    public CredentialsFile add(
        final String walletId,
        final String baseUrl,
        final Map<String, Object> apiFields,
        final CodeFormat format,
        final List<ConsumerSeed> consumers,
        final List<String> merchants)
    {
        final Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("baseUrl", baseUrl);
        entry.putAll(apiFields);
        final Map<String, Object> codes = new LinkedHashMap<>();
        codes.put("prefix", format.prefix());
        codes.put("length", format.length());
        codes.put("accountDigits", CodeFormat.ACCOUNT_DIGITS);
        codes.put("timeDigits", CodeFormat.TIME_DIGITS);
        codes.put("counterDigits", CodeFormat.COUNTER_DIGITS);
        codes.put("checkDigits", format.checkDigits());
        codes.put("phoneCounters", CodeFormat.PHONE_COUNTERS);
        codes.put("ttlSeconds", CodeFormat.TTL_SECONDS);
        entry.put("codes", codes);
        final List<Map<String, Object>> list = new ArrayList<>(consumers.size());
        for (final ConsumerSeed consumer : consumers)
        {
            final Map<String, Object> item = new LinkedHashMap<>();
            item.put("account", consumer.account());
            item.put("number", consumer.number());
            item.put("seed", HexFormat.of().formatHex(consumer.seed()));
            list.add(item);
        }
        entry.put("consumers", list);
        entry.put("merchants", List.copyOf(merchants));
        wallets.put(walletId, entry);
        return this;
    }

    /**
     * @return the file's bytes (pretty-printed JSON).
     */
    public byte[] toBytes()
    {
        try
        {
            return JSON.writeValueAsBytes(wallets);
        }
        catch (final JsonProcessingException ex)
        {
            throw new IllegalStateException("credentials: cannot write JSON", ex);
        }
    }

    /**
     * Writes the file owner-only and atomically.
     *
     * @param file the path.
     */
    public void write(final Path file)
    {
        OwnerOnlyFiles.write(file, toBytes());
    }

    @Override
    public String toString()
    {
        return "CredentialsFile" + wallets.keySet();
    }
}
