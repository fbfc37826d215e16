package io.hutong.core.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.hutong.connector.http.HttpClientConfig;
import io.hutong.core.engine.EngineConfig;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads the switch's YAML configuration and validates it into {@link SwitchSettings}, stopping at the first
 * problem with the key and the reason ({@code pos.port=70000: must be 0-65535}). Stateless; thread-safe.
 */
public final class SwitchConfigLoader
{
    /** Default POS port. */
    public static final int DEFAULT_POS_PORT = 7100;
    /** Default HTTP port. */
    public static final int DEFAULT_HTTP_PORT = 8080;

    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .build();

    private SwitchConfigLoader()
    {
    }

    /**
     * @param file          the YAML file, or null for the built-in defaults.
     * @param dataDirectory the data directory.
     * @return the validated settings.
     * @throws IllegalArgumentException naming the key and the reason.
     */
    public static SwitchSettings load(final Path file, final Path dataDirectory)
    {
        if (null == file)
        {
            return validate(new SwitchConfig(null, null, null, null, null, null, null, null), dataDirectory);
        }
        try (InputStream in = Files.newInputStream(file))
        {
            final SwitchConfig config = YAML.readValue(in, SwitchConfig.class);
            return validate(null == config ? new SwitchConfig(null, null, null, null, null, null, null, null) : config,
                dataDirectory);
        }
        catch (final UnrecognizedPropertyException ex)
        {
            throw new IllegalArgumentException(path(ex) + ": unknown key (known: " + ex.getKnownPropertyIds() + ")", ex);
        }
        catch (final JsonMappingException ex)
        {
            throw new IllegalArgumentException(path(ex) + ": " + ex.getOriginalMessage(), ex);
        }
        catch (final IOException ex)
        {
            throw new IllegalArgumentException("config=" + file + ": cannot read (" + ex.getMessage() + ")", ex);
        }
    }

    static SwitchSettings validate(final SwitchConfig c, final Path data)
    {
        final SwitchConfig.Node node = or(c.node(), new SwitchConfig.Node(null));
        final SwitchConfig.Pos pos = or(c.pos(), new SwitchConfig.Pos(null, null, null, null, null));
        final SwitchConfig.Http http = or(c.http(), new SwitchConfig.Http(null, null, null, null));
        final SwitchConfig.Journal journal = or(c.journal(), new SwitchConfig.Journal(null, null));
        final SwitchConfig.Wallets wallets = or(c.wallets(),
            new SwitchConfig.Wallets(null, null, null, null, null, null, null, null));
        final SwitchConfig.Engine engine = or(c.engine(), new SwitchConfig.Engine(null, null, null, null, null));
        final SwitchConfig.Limits limits = or(c.limits(), new SwitchConfig.Limits(null, null, null, null, null));
        final EngineConfig defaults = EngineConfig.defaults();

        final String sync = or(journal.sync(), "none");
        if (!"none".equals(sync) && !"sync".equals(sync))
        {
            throw new IllegalArgumentException("journal.sync=" + sync + ": must be none or sync");
        }
        final String idle = or(engine.idle(), "backoff");
        if (!"backoff".equals(idle) && !"spin".equals(idle))
        {
            throw new IllegalArgumentException("engine.idle=" + idle + ": must be backoff or spin");
        }
        final int inboxBytes = or(engine.inboxBytes(), 4 << 20);
        if (inboxBytes < 64 * 1024 || Integer.bitCount(inboxBytes) != 1)
        {
            throw new IllegalArgumentException("engine.inboxBytes=" + inboxBytes + ": must be a power of two >= 65536");
        }
        final EngineConfig engineConfig = new EngineConfig(
            or(node.id(), defaults.nodeId()),
            or(engine.retainPayments(), defaults.retainPayments()),
            or(engine.codeReuseWindowMs(), defaults.codeReuseWindowMs()),
            or(engine.batchLimit(), defaults.batchLimit()),
            or(limits.maxInFlightPerClient(), defaults.maxInFlightPerClient()),
            or(limits.maxInFlightPerWallet(), defaults.maxInFlightPerWallet()),
            or(limits.maxInFlight(), defaults.maxInFlight()),
            or(limits.breakerFailures(), defaults.breakerFailures()),
            or(limits.breakerOpenMs(), defaults.breakerOpenMs()),
            or(wallets.clientIp(), defaults.clientIp()),
            defaults.defaultSubject());
        final HttpClientConfig walletHttp;
        try
        {
            final HttpClientConfig base = HttpClientConfig.defaults();
            walletHttp = new HttpClientConfig(
                or(wallets.connectTimeoutMs(), base.connectTimeoutMs()),
                base.requestTimeoutMs(),
                or(wallets.maxConnectionsPerHost(), base.maxConnectionsPerHost()),
                or(wallets.maxInFlightPerHost(), base.maxInFlightPerHost()),
                base.maxResponseBytes());
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException("wallets." + ex.getMessage(), ex);
        }
        final SwitchSettings.TlsSettings tls = tls(pos.tls(), data);
        return new SwitchSettings(
            data,
            address("pos", or(pos.host(), "127.0.0.1"), or(pos.port(), DEFAULT_POS_PORT)),
            resolve(data, or(pos.terminals(), "terminals.json")),
            positive("pos.logonWindowSeconds", or(pos.logonWindowSeconds(), 60)),
            tls,
            address("http", or(http.host(), "127.0.0.1"), or(http.port(), DEFAULT_HTTP_PORT)),
            resolve(data, or(http.clients(), "clients.json")),
            positive("http.signatureWindowSeconds", or(http.signatureWindowSeconds(), 300)),
            resolve(data, or(journal.dir(), "journal")),
            sync,
            resolve(data, or(wallets.credentials(), "wallets/credentials.json")),
            null == wallets.overrides() ? Map.of() : Map.copyOf(wallets.overrides()),
            walletHttp,
            positive("wallets.cryptoThreads", or(wallets.cryptoThreads(), Math.max(1, Runtime.getRuntime().availableProcessors() / 2))),
            positive("wallets.cryptoQueue", or(wallets.cryptoQueue(), 4_096)),
            engineConfig,
            inboxBytes,
            "spin".equals(idle),
            null == c.registry() ? null : resolve(data, c.registry()));
    }

    private static SwitchSettings.TlsSettings tls(final SwitchConfig.Tls tls, final Path data)
    {
        if (null == tls || !Boolean.TRUE.equals(tls.enabled()))
        {
            return null;
        }
        if (null == tls.certificate() || null == tls.privateKey())
        {
            throw new IllegalArgumentException("pos.tls: certificate and privateKey are required when enabled");
        }
        final Path certificate = existing("pos.tls.certificate", resolve(data, tls.certificate()));
        final Path key = existing("pos.tls.privateKey", resolve(data, tls.privateKey()));
        final Path ca = null == tls.clientCa() ? null : existing("pos.tls.clientCa", resolve(data, tls.clientCa()));
        return new SwitchSettings.TlsSettings(certificate, key, ca);
    }

    private static Path existing(final String key, final Path path)
    {
        if (!Files.isReadable(path))
        {
            throw new IllegalArgumentException(key + "=" + path + ": not a readable file");
        }
        return path;
    }

    private static InetSocketAddress address(final String section, final String host, final int port)
    {
        if (port < 0 || port > 65_535)
        {
            throw new IllegalArgumentException(section + ".port=" + port + ": must be 0-65535");
        }
        if (host.isBlank())
        {
            throw new IllegalArgumentException(section + ".host: must not be empty");
        }
        return new InetSocketAddress(host, port);
    }

    private static int positive(final String key, final int value)
    {
        if (value <= 0)
        {
            throw new IllegalArgumentException(key + "=" + value + ": must be > 0");
        }
        return value;
    }

    private static Path resolve(final Path data, final String path)
    {
        final Path p = Path.of(path);
        return p.isAbsolute() ? p : data.resolve(p);
    }

    private static <T> T or(final T value, final T defaultValue)
    {
        return null == value ? defaultValue : value;
    }

    private static String path(final JsonMappingException ex)
    {
        final StringBuilder path = new StringBuilder();
        for (final JsonMappingException.Reference reference : ex.getPath())
        {
            if (null != reference.getFieldName())
            {
                if (path.length() > 0)
                {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            }
            else
            {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "config" : path.toString();
    }
}
