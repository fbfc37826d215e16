package io.hutong.connector.spi;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hutong.codec.sign.KeyPairs;
import io.hutong.connector.WalletSchedule;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One wallet's connector settings: a JSON (or YAML) object such as one entry of the simulated wallets'
 * credentials file, read through typed getters that fail with the setting's full path and the reason
 * ({@code wallets.wechat.apiKey: required}), so a bad configuration stops the switch at start. Settings a
 * connector does not read are ignored (the credentials file also carries what load generators need).
 * <p>
 * Immutable and thread-safe. Secret values never appear in its messages or {@link #toString()}.
 */
public final class ConnectorSettings
{
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** The optional object overriding a connector's {@link WalletSchedule} defaults field by field. */
    public static final String SCHEDULE = "schedule";
    /** The optional connector type; the wallet id when absent. */
    public static final String CONNECTOR = "connector";

    private final String path;
    private final JsonNode node;

    /**
     * @param path where these settings live, for messages (e.g. {@code wallets.wechat}).
     * @param node a JSON object.
     * @throws IllegalArgumentException if {@code node} is not an object.
     */
    public ConnectorSettings(final String path, final JsonNode node)
    {
        this.path = Objects.requireNonNull(path, "path");
        if (null == node || !node.isObject())
        {
            throw new IllegalArgumentException(path + ": must be an object");
        }
        this.node = node;
    }

    /**
     * Read a credentials file: one JSON object whose members are wallet ids, each that wallet's settings.
     *
     * @param file the file.
     * @return settings by wallet id, in file order, each at path {@code wallets.<id>}.
     * @throws IllegalArgumentException if the file cannot be read or is not such an object.
     */
    public static Map<String, ConnectorSettings> readCredentials(final Path file)
    {
        final JsonNode root;
        try
        {
            root = JSON.readTree(Files.readAllBytes(file));
        }
        catch (final IOException ex)
        {
            throw new IllegalArgumentException("credentials=" + file + ": cannot read (" + ex.getMessage() + ")", ex);
        }
        if (null == root || !root.isObject())
        {
            throw new IllegalArgumentException("credentials=" + file + ": must be a JSON object of wallet ids");
        }
        final Map<String, ConnectorSettings> wallets = new LinkedHashMap<>();
        for (final Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); )
        {
            final Map.Entry<String, JsonNode> entry = it.next();
            wallets.put(entry.getKey(), new ConnectorSettings("wallets." + entry.getKey(), entry.getValue()));
        }
        return wallets;
    }

    /**
     * @param json a JSON object's text.
     * @param path the path for messages.
     * @return the settings.
     * @throws IllegalArgumentException if the text is not a JSON object.
     */
    public static ConnectorSettings parse(final String path, final String json)
    {
        try
        {
            return new ConnectorSettings(path, JSON.readTree(json));
        }
        catch (final IOException ex)
        {
            throw new IllegalArgumentException(path + ": not JSON (" + ex.getMessage() + ")", ex);
        }
    }

    /**
     * @return the path of these settings, e.g. {@code wallets.wechat}.
     */
    public String path()
    {
        return path;
    }

    /**
     * @param key a member name.
     * @return true if the member is present and not null.
     */
    public boolean has(final String key)
    {
        final JsonNode value = node.get(key);
        return null != value && !value.isNull();
    }

    /**
     * @param key a member name.
     * @return its non-empty text.
     * @throws IllegalArgumentException if absent, empty or not a string.
     */
    public String text(final String key)
    {
        final JsonNode value = node.get(key);
        if (null == value || value.isNull())
        {
            throw new IllegalArgumentException(path + "." + key + ": required");
        }
        if (!value.isTextual() || value.asText().isEmpty())
        {
            throw new IllegalArgumentException(path + "." + key + ": must be a non-empty string");
        }
        return value.asText();
    }

    /**
     * @param key          a member name.
     * @param defaultValue the value when absent.
     * @return its text, or the default.
     * @throws IllegalArgumentException if present but empty or not a string.
     */
    public String text(final String key, final String defaultValue)
    {
        return has(key) ? text(key) : defaultValue;
    }

    /**
     * @param key          a member name.
     * @param defaultValue the value when absent.
     * @return its value, which must be an integer &gt; 0.
     * @throws IllegalArgumentException if present and not a positive integer.
     */
    public int positiveInt(final String key, final int defaultValue)
    {
        if (!has(key))
        {
            return defaultValue;
        }
        final JsonNode value = node.get(key);
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() <= 0)
        {
            throw new IllegalArgumentException(path + "." + key + "=" + value + ": must be an integer > 0");
        }
        return value.asInt();
    }

    /**
     * @param key a member name.
     * @return its value as an absolute {@code http} or {@code https} URI without a trailing slash.
     * @throws IllegalArgumentException if absent or not such a URI.
     */
    public URI httpUri(final String key)
    {
        final String text = text(key);
        final URI uri;
        try
        {
            uri = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        }
        catch (final URISyntaxException ex)
        {
            throw new IllegalArgumentException(path + "." + key + "=" + text + ": not a URI (" + ex.getReason() + ")", ex);
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || null == uri.getHost())
        {
            throw new IllegalArgumentException(path + "." + key + "=" + text + ": must be an absolute http(s) URI");
        }
        return uri;
    }

    /**
     * A private key given as PKCS#8 PEM, or as the bare base64 of PKCS#8 DER (Alipay's console format).
     *
     * @param key a member name.
     * @return the key.
     * @throws IllegalArgumentException if absent or unreadable; the message never contains the key.
     */
    public PrivateKey privateKey(final String key)
    {
        final String text = text(key);
        try
        {
            return KeyPairs.privateKeyFromPem(asPem(text, "PRIVATE KEY"));
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException(path + "." + key + ": not a PKCS#8 private key (PEM or base64)");
        }
    }

    /**
     * A public key given as X.509 SubjectPublicKeyInfo PEM, or as the bare base64 of its DER.
     *
     * @param key a member name.
     * @return the key.
     * @throws IllegalArgumentException if absent or unreadable.
     */
    public PublicKey publicKey(final String key)
    {
        final String text = text(key);
        try
        {
            return KeyPairs.publicKeyFromPem(asPem(text, "PUBLIC KEY"));
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException(path + "." + key + ": not an X.509 public key (PEM or base64)");
        }
    }

    /**
     * @param key a member name.
     * @return the nested object's settings.
     * @throws IllegalArgumentException if absent or not an object.
     */
    public ConnectorSettings section(final String key)
    {
        final JsonNode value = node.get(key);
        if (null == value || value.isNull())
        {
            throw new IllegalArgumentException(path + "." + key + ": required");
        }
        return new ConnectorSettings(path + "." + key, value);
    }

    /**
     * The connector's schedule: its defaults, each overridden by the same-named member of the optional
     * {@value #SCHEDULE} object.
     *
     * @param defaults the connector's defaults for this wallet.
     * @return the schedule.
     * @throws IllegalArgumentException naming the first invalid member.
     */
    public WalletSchedule schedule(final WalletSchedule defaults)
    {
        if (!has(SCHEDULE))
        {
            return defaults;
        }
        final ConnectorSettings s = section(SCHEDULE);
        try
        {
            return new WalletSchedule(
                s.positiveInt("requestTimeoutMs", defaults.requestTimeoutMs()),
                s.positiveInt("queryIntervalMs", defaults.queryIntervalMs()),
                s.positiveInt("queryWindowMs", defaults.queryWindowMs()),
                s.has("reverseNotBeforeMs") ? s.nonNegativeInt("reverseNotBeforeMs") : defaults.reverseNotBeforeMs(),
                s.positiveInt("reverseRetryMs", defaults.reverseRetryMs()),
                s.positiveInt("reverseRetryMaxMs", defaults.reverseRetryMaxMs()));
        }
        catch (final IllegalArgumentException ex)
        {
            throw ex.getMessage().startsWith(path) ? ex : new IllegalArgumentException(path + "." + SCHEDULE + "." +
                ex.getMessage(), ex);
        }
    }

    /**
     * @return a copy of the underlying object.
     */
    public ObjectNode toJson()
    {
        return (ObjectNode)node.deepCopy();
    }

    private int nonNegativeInt(final String key)
    {
        final JsonNode value = node.get(key);
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < 0)
        {
            throw new IllegalArgumentException(path + "." + key + "=" + value + ": must be an integer >= 0");
        }
        return value.asInt();
    }

    private static String asPem(final String text, final String label)
    {
        if (text.contains("-----BEGIN"))
        {
            return text;
        }
        return "-----BEGIN " + label + "-----\n" + text.replaceAll("\\s", "") + "\n-----END " + label + "-----\n";
    }

    /**
     * @return the path only: settings hold secrets.
     */
    @Override
    public String toString()
    {
        return "ConnectorSettings[" + path + "]";
    }
}
