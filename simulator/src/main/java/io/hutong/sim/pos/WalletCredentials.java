package io.hutong.sim.pos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hutong.sim.codes.CodeFormat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the load generator reads from the wallets' credentials file (docs/simulated-wallets.md, a contract): per
 * wallet its base URL (for the payer's holds), its offline code layout, its consumers with their code seeds, and its
 * payee merchants. Everything else in the file (API keys of the switch's connectors) is left alone.
 * <p>
 * Immutable and thread-safe; seeds never appear in {@code toString()}.
 */
public final class WalletCredentials
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Map<String, Wallet> wallets;

    private WalletCredentials(final Path file, final Map<String, Wallet> wallets)
    {
        this.file = file;
        this.wallets = Collections.unmodifiableMap(wallets);
    }

    /**
     * One consumer: an account whose phone makes codes offline.
     *
     * @param account the account id.
     * @param number  the account number carried in its codes.
     * @param seed    the code seed (32 bytes).
     */
    public record Consumer(String account, int number, byte[] seed)
    {
        @Override
        public String toString()
        {
            return "Consumer[" + account + ", number=" + number + ", seed=<" + seed.length + " bytes>]";
        }
    }

    /**
     * One wallet.
     *
     * @param id        the participant id.
     * @param baseUrl   its base URL (control API {@code /sim/...}).
     * @param format    its consumer code layout.
     * @param consumers its consumers, in file order.
     * @param merchants its payee merchant ids, in file order.
     */
    public record Wallet(String id, URI baseUrl, CodeFormat format, List<Consumer> consumers, List<String> merchants)
    {
    }

    /**
     * Reads and checks a credentials file.
     *
     * @param file the file {@code hutong wallets} wrote.
     * @return the wallets, in file order.
     * @throws IllegalArgumentException {@code wallets=<file>: <reason>} when the file is missing or not the expected
     *                                  shape (the message never quotes a seed).
     */
    public static WalletCredentials load(final Path file)
    {
        final JsonNode root;
        try
        {
            root = JSON.readTree(Files.readAllBytes(file));
        }
        catch (final java.nio.file.NoSuchFileException ex)
        {
            throw refused(file, "no such file (start `hutong wallets` first; it prints the path)");
        }
        catch (final IOException ex)
        {
            // No parser message: it may quote the text around the error, which may be a secret.
            throw refused(file, "cannot read it as JSON (" + ex.getClass().getSimpleName() + ")");
        }
        if (null == root || !root.isObject() || root.isEmpty())
        {
            throw refused(file, "must be a JSON object with one member per wallet");
        }
        final Map<String, Wallet> wallets = new LinkedHashMap<>();
        for (final Map.Entry<String, JsonNode> entry : root.properties())
        {
            wallets.put(entry.getKey(), wallet(file, entry.getKey(), entry.getValue()));
        }
        return new WalletCredentials(file, wallets);
    }

    private static Wallet wallet(final Path file, final String id, final JsonNode node)
    {
        final String where = id + ".";
        final String baseUrl = text(file, node, "baseUrl", where);
        final JsonNode codes = node.get("codes");
        if (null == codes || !codes.isObject())
        {
            throw refused(file, where + "codes: required (the offline code layout)");
        }
        final CodeFormat format;
        try
        {
            format = new CodeFormat(text(file, codes, "prefix", where + "codes."), codes.path("length").asInt(-1));
        }
        catch (final IllegalArgumentException ex)
        {
            throw refused(file, where + "codes." + ex.getMessage());
        }
        final JsonNode consumerNodes = node.get("consumers");
        if (null == consumerNodes || !consumerNodes.isArray())
        {
            throw refused(file, where + "consumers: must be an array");
        }
        final List<Consumer> consumers = new ArrayList<>(consumerNodes.size());
        for (int i = 0; i < consumerNodes.size(); i++)
        {
            consumers.add(consumer(file, consumerNodes.get(i), where + "consumers[" + i + "]."));
        }
        final List<String> merchants = new ArrayList<>();
        for (final JsonNode merchant : node.path("merchants"))
        {
            merchants.add(merchant.asText());
        }
        try
        {
            return new Wallet(id, URI.create(baseUrl), format, List.copyOf(consumers), List.copyOf(merchants));
        }
        catch (final IllegalArgumentException ex)
        {
            throw refused(file, where + "baseUrl=" + baseUrl + ": not a URL");
        }
    }

    private static Consumer consumer(final Path file, final JsonNode node, final String where)
    {
        final String account = text(file, node, "account", where);
        final int number = node.path("number").asInt(-1);
        if (number < 1 || number > CodeFormat.MAX_ACCOUNT_NUMBER)
        {
            throw refused(file, where + "number=" + number + ": must be 1.." + CodeFormat.MAX_ACCOUNT_NUMBER);
        }
        final String seed = text(file, node, "seed", where);
        if (seed.length() != 64 || !seed.chars().allMatch((c) -> Character.digit(c, 16) >= 0))
        {
            throw refused(file, where + "seed: must be 64 hex digits");
        }
        return new Consumer(account, number, HexFormat.of().parseHex(seed));
    }

    private static String text(final Path file, final JsonNode node, final String name, final String where)
    {
        final JsonNode value = node.get(name);
        if (null == value || !value.isTextual() || value.asText().isEmpty())
        {
            throw refused(file, where + name + ": required text");
        }
        return value.asText();
    }

    private static IllegalArgumentException refused(final Path file, final String reason)
    {
        return new IllegalArgumentException("wallets=" + file + ": " + reason);
    }

    /**
     * @return the file read.
     */
    public Path file()
    {
        return file;
    }

    /**
     * @return the wallets by id, in file order; unmodifiable.
     */
    public Map<String, Wallet> wallets()
    {
        return wallets;
    }

    /**
     * @param id a wallet id.
     * @return the wallet.
     * @throws IllegalArgumentException when the file has no such wallet.
     */
    public Wallet wallet(final String id)
    {
        final Wallet wallet = wallets.get(id);
        if (null == wallet)
        {
            throw refused(file, id + ": no such wallet (the file has " + wallets.keySet() + ")");
        }
        return wallet;
    }

    @Override
    public String toString()
    {
        return "WalletCredentials" + wallets.keySet();
    }
}
