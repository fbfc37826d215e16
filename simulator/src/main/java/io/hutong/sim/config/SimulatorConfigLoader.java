package io.hutong.sim.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.hutong.codec.numeric.NumericCodeMatcher;
import io.hutong.codec.numeric.NumericRule;
import io.hutong.codec.registry.Participant;
import io.hutong.codec.registry.WalletRegistry;
import io.hutong.codec.registry.WalletRegistryLoader;
import io.hutong.sim.codes.CodeFormat;
import io.hutong.sim.faults.FaultPlan;
import io.hutong.sim.ledger.AccountUpdate;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the simulator's YAML configuration, applies the built-in defaults (so no file is needed) and validates
 * everything at start with {@code key=value: reason} messages, e.g. {@code wallets.wechat.port=70000: must be in
 * 0..65535}. Unknown keys are refused, so a misspelt key never silently does nothing. Stateless and thread-safe.
 *
 * <pre>
 *   host: 127.0.0.1        basePort: 18081 (wallet i of the registry gets basePort + i; 0 = ephemeral ports)
 *   eventLoopThreads: 2    signingThreads: 2    signingQueue: 4096    faultSeed: 1    registry: FILE
 *   defaults: {consumers: 1000, balance: 100000000, perPaymentLimit: 5000000, dailyLimit: 0, merchants: 10}
 *   wallets:
 *     wechat: {enabled, port, consumers, balance, perPaymentLimit, dailyLimit, autoCloseMs, txnPrefix,
 *              emvAid, merchants: [ids], faults: {fault plan}}
 * </pre>
 */
public final class SimulatorConfigLoader
{
    /** Default first port. */
    public static final int DEFAULT_BASE_PORT = 18081;

    private static final ObjectMapper YAML =
        new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    private static final Set<String> TOP = Set.of("host", "basePort", "eventLoopThreads", "signingThreads",
        "signingQueue", "faultSeed", "registry", "defaults", "wallets");
    private static final Set<String> DEFAULTS =
        Set.of("consumers", "balance", "perPaymentLimit", "dailyLimit", "merchants");
    private static final Set<String> WALLET = Set.of("enabled", "port", "consumers", "balance", "perPaymentLimit",
        "dailyLimit", "autoCloseMs", "txnPrefix", "emvAid", "merchants", "faults");
    private static final Map<String, String> TXN_PREFIXES = Map.of("wechat", "4200", "alipay", "2026",
        "unionpay", "6200", "jdpay", "JD", "bestpay", "BP", "cmpay", "CM", "wopay", "WO");
    /** UnionPay's debit AID (its RID A000000333 is what the registry routes on). */
    private static final String UNIONPAY_AID = "A000000333010101";
    private static final int TARGET_CODE_LENGTH = 18;

    private SimulatorConfigLoader()
    {
    }

    /**
     * @param file the YAML file, or null for the built-in defaults.
     * @return the validated configuration.
     * @throws IllegalArgumentException with a {@code key=value: reason} message.
     */
    public static SimulatorConfig load(final Path file)
    {
        if (null == file)
        {
            return fromTree(MissingNode.getInstance());
        }
        if (!Files.isRegularFile(file))
        {
            throw new IllegalArgumentException("config=" + file + ": not a readable file");
        }
        try
        {
            return fromTree(YAML.readTree(file.toFile()));
        }
        catch (final JsonProcessingException ex)
        {
            throw new IllegalArgumentException("config=" + file + ": not YAML (" + ex.getOriginalMessage() + ")", ex);
        }
        catch (final IOException ex)
        {
            throw new IllegalArgumentException("config=" + file + ": cannot read (" + ex.getMessage() + ")", ex);
        }
    }

    /**
     * @param root the parsed YAML (a missing or null node for none).
     * @return the validated configuration.
     * @throws IllegalArgumentException with a {@code key=value: reason} message.
     */
    public static SimulatorConfig fromTree(final JsonNode root)
    {
        final JsonNode top = null == root || root.isNull() ? MissingNode.getInstance() : root;
        requireObject(top, "config");
        checkKeys(top, "", TOP);
        final String host = text(top, "", "host", "127.0.0.1");
        requireLoopback(host);
        final int basePort = (int)integer(top, "", "basePort", DEFAULT_BASE_PORT, 0, 65_535 - 16);
        final int eventLoops = (int)integer(top, "", "eventLoopThreads", 2, 1, 64);
        final int signing = (int)integer(top, "", "signingThreads", 2, 1, 64);
        final int queue = (int)integer(top, "", "signingQueue", 4096, 1, 1_000_000);
        final long faultSeed = integer(top, "", "faultSeed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
        final String registryFile = text(top, "", "registry", null);
        final WalletRegistry registry =
            null == registryFile ? WalletRegistryLoader.defaults() : WalletRegistryLoader.load(Path.of(registryFile));

        final JsonNode defaults = top.path("defaults");
        requireObject(defaults, "defaults");
        checkKeys(defaults, "defaults.", DEFAULTS);
        final JsonNode wallets = top.path("wallets");
        requireObject(wallets, "wallets");
        for (final Iterator<String> names = wallets.fieldNames(); names.hasNext(); )
        {
            final String name = names.next();
            if (null == registry.participant(name))
            {
                throw new IllegalArgumentException("wallets." + name + ": not a participant of the registry");
            }
        }
        final List<WalletConfig> configs = new ArrayList<>();
        for (final Participant participant : registry.participants())
        {
            final int port = 0 == basePort ? 0 : basePort + participant.index();
            configs.add(wallet(participant, registry, wallets.path(participant.id()), defaults, port));
        }
        return new SimulatorConfig(host, eventLoops, signing, queue, faultSeed, configs);
    }

    private static WalletConfig wallet(
        final Participant participant,
        final WalletRegistry registry,
        final JsonNode node,
        final JsonNode defaults,
        final int defaultPort)
    {
        final String id = participant.id();
        final String prefix = "wallets." + id + ".";
        requireObject(node, "wallets." + id);
        checkKeys(node, prefix, WALLET);
        final long maxBalance = Long.MAX_VALUE / 4;
        final int consumers = (int)integer(node, prefix, "consumers",
            integer(defaults, "defaults.", "consumers", 1000, 0, CodeFormat.MAX_ACCOUNT_NUMBER), 0,
            CodeFormat.MAX_ACCOUNT_NUMBER);
        final long balance = integer(node, prefix, "balance",
            integer(defaults, "defaults.", "balance", 100_000_000L, 0, maxBalance), 0, maxBalance);
        final long perPaymentLimit = integer(node, prefix, "perPaymentLimit",
            integer(defaults, "defaults.", "perPaymentLimit", 5_000_000L, 0, Long.MAX_VALUE), 0, Long.MAX_VALUE);
        final long dailyLimit = integer(node, prefix, "dailyLimit",
            integer(defaults, "defaults.", "dailyLimit", 0, 0, Long.MAX_VALUE), 0, Long.MAX_VALUE);
        // WeChat closes an unconfirmed micropay after 45 s; the others are given the GM interface's 60 s window.
        final long autoCloseMs =
            integer(node, prefix, "autoCloseMs", "wechat".equals(id) ? 45_000 : 60_000, 1, 600_000);
        final String txnPrefix = text(node, prefix, "txnPrefix", TXN_PREFIXES.getOrDefault(id, "TX"));
        if (!txnPrefix.matches("[0-9A-Za-z]{1,12}"))
        {
            throw new IllegalArgumentException(prefix + "txnPrefix=" + txnPrefix + ": must be 1-12 of [0-9A-Za-z]");
        }
        final String emvAid = text(node, prefix, "emvAid", "unionpay".equals(id) ? UNIONPAY_AID : null);
        if (null != emvAid && !emvAid.matches("([0-9A-Fa-f]{2}){5,16}"))
        {
            throw new IllegalArgumentException(prefix + "emvAid=" + emvAid + ": must be 5-16 bytes of hex");
        }
        return new WalletConfig(
            id,
            bool(node, "enabled", true, prefix),
            (int)integer(node, prefix, "port", defaultPort, 0, 65_535),
            consumers,
            balance,
            perPaymentLimit,
            dailyLimit,
            autoCloseMs,
            txnPrefix,
            codeFormat(participant, registry),
            null == emvAid ? null : HexFormat.of().withUpperCase().formatHex(HexFormat.of().parseHex(emvAid)),
            merchants(node, defaults, id),
            FaultPlan.fromJson(node.get("faults"), prefix + "faults"));
    }

    /**
     * The code layout from the participant's first numeric rule: its lowest prefix, and 18 digits when the rule
     * allows (most wallets' codes are 18 long), else the nearest length it allows.
     */
    static CodeFormat codeFormat(final Participant participant, final WalletRegistry registry)
    {
        final NumericCodeMatcher matcher = registry.numericMatcher();
        for (int i = 0; i < matcher.ruleCount(); i++)
        {
            final NumericRule rule = matcher.rule(i);
            if (rule.participant() != participant.index())
            {
                continue;
            }
            final String prefix = pad(rule.prefixFrom(), rule.prefixWidth());
            int length = Math.max(rule.minLength(), Math.min(rule.maxLength(), TARGET_CODE_LENGTH));
            if (length - prefix.length() - 11 < CodeFormat.MIN_CHECK_DIGITS)
            {
                length = rule.maxLength();
            }
            try
            {
                return new CodeFormat(prefix, length);
            }
            catch (final IllegalArgumentException ex)
            {
                throw new IllegalArgumentException("registry.participants." + participant.id() + ".numeric=" +
                    rule.describe() + ": too short for simulated codes (" + ex.getMessage() + ")", ex);
            }
        }
        throw new IllegalArgumentException(
            "registry.participants." + participant.id() + ".numeric=[]: the simulator needs a numeric code rule");
    }

    private static List<String> merchants(final JsonNode node, final JsonNode defaults, final String id)
    {
        final JsonNode list = node.get("merchants");
        final List<String> merchants = new ArrayList<>();
        if (null == list || list.isNull())
        {
            final int count = (int)integer(defaults, "defaults.", "merchants", 10, 0, 10_000);
            for (int i = 1; i <= count; i++)
            {
                merchants.add(id + "-m" + pad(i, 4));
            }
            return merchants;
        }
        if (!list.isArray())
        {
            throw new IllegalArgumentException("wallets." + id + ".merchants=" + list + ": must be a list of ids");
        }
        for (final JsonNode item : list)
        {
            if (!item.isTextual() || !AccountUpdate.isValidId(item.asText()))
            {
                throw new IllegalArgumentException(
                    "wallets." + id + ".merchants=" + item + ": must be 1-32 of [0-9A-Za-z_-]");
            }
            merchants.add(item.asText());
        }
        return merchants;
    }

    private static void requireLoopback(final String host)
    {
        try
        {
            if (!InetAddress.getByName(host).isLoopbackAddress())
            {
                throw new IllegalArgumentException("host=" + host + ": must be a loopback address");
            }
        }
        catch (final UnknownHostException ex)
        {
            throw new IllegalArgumentException("host=" + host + ": unknown host", ex);
        }
    }

    private static void requireObject(final JsonNode node, final String key)
    {
        if (!node.isMissingNode() && !node.isNull() && !node.isObject())
        {
            throw new IllegalArgumentException(key + "=" + node + ": must be a mapping");
        }
    }

    private static void checkKeys(final JsonNode node, final String prefix, final Set<String> known)
    {
        for (final Iterator<String> names = node.fieldNames(); names.hasNext(); )
        {
            final String name = names.next();
            if (!known.contains(name))
            {
                throw new IllegalArgumentException(prefix + name + ": unknown key (known: " + known + ")");
            }
        }
    }

    private static String text(final JsonNode node, final String prefix, final String name, final String fallback)
    {
        final JsonNode value = node.get(name);
        if (null == value || value.isNull())
        {
            return fallback;
        }
        if (!value.isTextual() || value.asText().isBlank())
        {
            throw new IllegalArgumentException(prefix + name + "=" + value + ": must be a non-empty string");
        }
        return value.asText();
    }

    private static long integer(
        final JsonNode node,
        final String prefix,
        final String name,
        final long fallback,
        final long min,
        final long max)
    {
        final JsonNode value = node.get(name);
        if (null == value || value.isNull())
        {
            return fallback;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < min || value.asLong() > max)
        {
            throw new IllegalArgumentException(
                prefix + name + "=" + value + ": must be an integer in " + min + ".." + max);
        }
        return value.asLong();
    }

    private static boolean bool(final JsonNode node, final String name, final boolean fallback, final String prefix)
    {
        final JsonNode value = node.get(name);
        if (null == value || value.isNull())
        {
            return fallback;
        }
        if (!value.isBoolean())
        {
            throw new IllegalArgumentException(prefix + name + "=" + value + ": must be true or false");
        }
        return value.asBoolean();
    }

    static String pad(final long value, final int width)
    {
        final StringBuilder text = new StringBuilder(Long.toString(value));
        while (text.length() < width)
        {
            text.insert(0, '0');
        }
        return text.toString();
    }
}
