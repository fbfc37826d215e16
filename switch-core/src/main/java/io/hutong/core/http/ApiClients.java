package io.hutong.core.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The HTTP API's clients: acquirer systems (CPM on behalf of their terminals) and payer wallets (MPM), each
 * with a shared HMAC secret and the wallet it acts for. Loaded from a JSON file:
 * <pre>
 *  {"clients": [ {"id": "acq-alipay", "secret": "&lt;64 hex digits&gt;", "wallet": "alipay"}, ... ]}
 * </pre>
 * {@code wallet} is the acquiring wallet of the client's merchants (CPM positions are owed to it) and the only
 * payer wallet it may send MPM payments for. Immutable and thread-safe; secrets never appear in messages.
 */
public final class ApiClients
{
    /** Shortest secret accepted, in bytes: HMAC-SHA256 keys below 32 bytes are weak. */
    public static final int MIN_SECRET_BYTES = 32;

    /**
     * One client.
     *
     * @param id     the client id (1-16 of [0-9A-Za-z_-]).
     * @param secret the HMAC key.
     * @param wallet the wallet it acts for.
     * @param slot   its admission slot.
     */
    public record Client(String id, byte[] secret, String wallet, int slot)
    {
        @Override
        public String toString()
        {
            return "Client[" + id + ", wallet=" + wallet + "]";
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final Map<String, Client> byId;
    private final List<Client> clients;

    private ApiClients(final List<Client> clients)
    {
        this.clients = Collections.unmodifiableList(clients);
        final Map<String, Client> map = new HashMap<>();
        for (final Client client : clients)
        {
            map.put(client.id(), client);
        }
        this.byId = map;
    }

    /**
     * @param clients the clients.
     * @return a directory of them.
     */
    public static ApiClients of(final List<Client> clients)
    {
        return new ApiClients(new ArrayList<>(clients));
    }

    /**
     * Load and validate a clients file.
     *
     * @param file      the file.
     * @param firstSlot the admission slot of the first client (after the POS terminals).
     * @return the clients.
     * @throws IllegalArgumentException naming the entry and the rule.
     */
    public static ApiClients load(final Path file, final int firstSlot)
    {
        final JsonNode root;
        try
        {
            root = JSON.readTree(Files.readAllBytes(file));
        }
        catch (final IOException ex)
        {
            throw new IllegalArgumentException("http.clients=" + file + ": cannot read (" + ex.getMessage() + ")", ex);
        }
        final JsonNode array = null == root ? null : root.get("clients");
        if (null == array || !array.isArray())
        {
            throw new IllegalArgumentException("http.clients=" + file + ": must be {\"clients\": [...]}");
        }
        final List<Client> clients = new ArrayList<>();
        final Map<String, Boolean> seen = new HashMap<>();
        int slot = firstSlot;
        for (final JsonNode entry : array)
        {
            final String where = "http.clients[" + clients.size() + "]";
            for (final Iterator<String> names = entry.fieldNames(); names.hasNext(); )
            {
                final String name = names.next();
                if (!"id".equals(name) && !"secret".equals(name) && !"wallet".equals(name))
                {
                    throw new IllegalArgumentException(where + "." + name + ": unknown key");
                }
            }
            final String id = text(entry, "id", where);
            if (!id.matches("[0-9A-Za-z_-]{1,16}"))
            {
                throw new IllegalArgumentException(where + ".id=" + id + ": must be 1-16 of [0-9A-Za-z_-]");
            }
            if (null != seen.put(id, Boolean.TRUE))
            {
                throw new IllegalArgumentException(where + ".id=" + id + ": duplicate");
            }
            final byte[] secret;
            try
            {
                secret = HexFormat.of().parseHex(text(entry, "secret", where));
            }
            catch (final IllegalArgumentException ex)
            {
                throw new IllegalArgumentException(where + ".secret: must be hex digits", ex);
            }
            if (secret.length < MIN_SECRET_BYTES)
            {
                throw new IllegalArgumentException(where + ".secret: must be at least " + MIN_SECRET_BYTES + " bytes");
            }
            clients.add(new Client(id, secret, text(entry, "wallet", where), slot++));
        }
        return new ApiClients(clients);
    }

    /**
     * @param id a client id.
     * @return the client, or null.
     */
    public Client client(final String id)
    {
        return byId.get(id);
    }

    /**
     * @return every client, in file order.
     */
    public List<Client> clients()
    {
        return clients;
    }

    private static String text(final JsonNode entry, final String key, final String where)
    {
        final JsonNode value = entry.get(key);
        if (null == value || !value.isTextual() || value.asText().isEmpty())
        {
            throw new IllegalArgumentException(where + "." + key + ": required string");
        }
        return value.asText();
    }
}
