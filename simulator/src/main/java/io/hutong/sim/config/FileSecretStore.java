package io.hutong.sim.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hutong.sim.server.SecretStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Every wallet's secrets in one owner-only JSON file ({@code <data>/wallets/secrets.json}:
 * {@code {"<wallet>":{"<name>":"<value>",...},...}}), read at start and written back when a secret was made, so
 * keys, API keys and code seeds survive restarts. Thread-safe.
 */
public final class FileSecretStore
{
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final ConcurrentHashMap<String, ConcurrentHashMap<String, String>> wallets = new ConcurrentHashMap<>();
    private volatile boolean changed;

    private FileSecretStore(final Path file)
    {
        this.file = file;
    }

    /**
     * Reads the file, or starts empty when it does not exist.
     *
     * @param file the secrets file.
     * @return the store.
     * @throws IllegalArgumentException when the file exists but is not a secrets file ({@code secrets=PATH: ...}).
     */
    public static FileSecretStore open(final Path file)
    {
        final FileSecretStore store = new FileSecretStore(file);
        if (!Files.exists(file))
        {
            return store;
        }
        try
        {
            final JsonNode root = JSON.readTree(file.toFile());
            if (null == root || !root.isObject())
            {
                throw new IllegalArgumentException("secrets=" + file + ": not a JSON object");
            }
            for (final Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); )
            {
                final Map.Entry<String, JsonNode> wallet = it.next();
                final ConcurrentHashMap<String, String> values = new ConcurrentHashMap<>();
                final Iterator<Map.Entry<String, JsonNode>> fields = wallet.getValue().fields();
                while (fields.hasNext())
                {
                    final Map.Entry<String, JsonNode> field = fields.next();
                    values.put(field.getKey(), field.getValue().asText());
                }
                store.wallets.put(wallet.getKey(), values);
            }
            return store;
        }
        catch (final IOException ex)
        {
            throw new IllegalArgumentException("secrets=" + file + ": cannot read (" + ex.getMessage() + ")", ex);
        }
    }

    /**
     * @param walletId a wallet id.
     * @return the wallet's secrets.
     */
    public SecretStore forWallet(final String walletId)
    {
        final ConcurrentHashMap<String, String> values =
            wallets.computeIfAbsent(walletId, (id) -> new ConcurrentHashMap<>());
        return new WalletSecrets(values);
    }

    /**
     * Writes the file when a secret was made since it was read.
     */
    public void save()
    {
        if (!changed)
        {
            return;
        }
        final ObjectNode root = JSON.createObjectNode();
        for (final Map.Entry<String, ConcurrentHashMap<String, String>> wallet : new TreeMap<>(wallets).entrySet())
        {
            final ObjectNode values = root.putObject(wallet.getKey());
            new TreeMap<>(wallet.getValue()).forEach(values::put);
        }
        try
        {
            OwnerOnlyFiles.write(file, JSON.writeValueAsBytes(root));
            changed = false;
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("secrets=" + file + ": cannot write JSON", ex);
        }
    }

    @Override
    public String toString()
    {
        return "FileSecretStore[" + file + "]";
    }

    /**
     * One wallet's view.
     */
    private final class WalletSecrets implements SecretStore
    {
        private final ConcurrentHashMap<String, String> values;

        WalletSecrets(final ConcurrentHashMap<String, String> values)
        {
            this.values = values;
        }

        @Override
        public String get(final String name, final Supplier<String> generator)
        {
            return values.computeIfAbsent(name, (key) ->
            {
                changed = true;
                return generator.get();
            });
        }

        @Override
        public String toString()
        {
            return "SecretStore[" + values.size() + " secrets]";
        }
    }
}
