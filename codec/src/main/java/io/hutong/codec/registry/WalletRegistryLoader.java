package io.hutong.codec.registry;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.hutong.codec.numeric.NumericRule;
import io.hutong.codec.registry.RegistryFile.ParticipantSpec;
import io.hutong.codec.url.UrlRule;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads registry YAML (the built-in {@code wallets.yaml} and optionally a user file overlaid on it),
 * validates every rule and builds a {@link WalletRegistry}. Any problem stops the load with a
 * {@link RegistryException} naming the key: unknown keys, malformed values and, above all, rules of two
 * participants that could claim the same code. Stateless; thread-safe.
 */
public final class WalletRegistryLoader
{
    /** Class-path location of the built-in registry. */
    public static final String DEFAULT_RESOURCE = "/io/hutong/codec/registry/wallets.yaml";

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_-]{0,31}");
    private static final Pattern RANGE = Pattern.compile("(\\d{1,10})(?:-(\\d{1,10}))?");
    private static final Pattern HEX = Pattern.compile("(?:[0-9A-Fa-f]{2}){5,16}");
    private static final Pattern GUI = Pattern.compile("[\\x21-\\x7E]{1,32}");

    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
        .build();

    private WalletRegistryLoader()
    {
    }

    /**
     * @return the built-in registry of the seven participants.
     */
    public static WalletRegistry defaults()
    {
        return build(defaultSpecs());
    }

    /**
     * The built-in registry overlaid with a user file: participants in the file replace those with the same
     * id and new ids are added; {@code replaceDefaults: true} starts from nothing instead.
     *
     * @param userFile a registry YAML file.
     * @return the validated registry.
     * @throws RegistryException naming the key and the reason.
     */
    public static WalletRegistry load(final Path userFile)
    {
        final RegistryFile file;
        try (InputStream in = Files.newInputStream(userFile))
        {
            file = read(in, userFile.toString());
        }
        catch (final IOException ex)
        {
            throw new RegistryException("registry=" + userFile + ": cannot read (" + ex.getMessage() + ")", ex);
        }
        final Map<String, ParticipantSpec> merged =
            Boolean.TRUE.equals(file.replaceDefaults()) ? new LinkedHashMap<>() : defaultSpecs();
        if (file.participants() != null)
        {
            merged.putAll(file.participants());
        }
        return build(merged);
    }

    private static Map<String, ParticipantSpec> defaultSpecs()
    {
        try (InputStream in = WalletRegistryLoader.class.getResourceAsStream(DEFAULT_RESOURCE))
        {
            if (in == null)
            {
                throw new IllegalStateException("resource missing from the jar: " + DEFAULT_RESOURCE);
            }
            final RegistryFile file = read(in, DEFAULT_RESOURCE);
            return new LinkedHashMap<>(file.participants());
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("cannot read " + DEFAULT_RESOURCE, ex);
        }
    }

    private static RegistryFile read(final InputStream in, final String name) throws IOException
    {
        try
        {
            final RegistryFile file = YAML.readValue(in, RegistryFile.class);
            if (file == null)
            {
                throw new RegistryException("registry=" + name + ": empty file");
            }
            return file;
        }
        catch (final JacksonException ex)
        {
            throw new RegistryException("registry=" + name + ": " + ex.getOriginalMessage() + locationOf(ex), ex);
        }
    }

    private static String locationOf(final JacksonException ex)
    {
        return ex.getLocation() == null ? "" :
            " (line " + ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr() + ")";
    }

    private static WalletRegistry build(final Map<String, ParticipantSpec> specs)
    {
        if (specs.isEmpty())
        {
            throw new RegistryException("participants: at least one participant is required");
        }
        final List<Participant> participants = new ArrayList<>();
        final List<NumericRule> numeric = new ArrayList<>();
        final List<String> numericKeys = new ArrayList<>();
        final List<UrlRule> urls = new ArrayList<>();
        final List<String> urlKeys = new ArrayList<>();
        final List<WalletRegistry.Entry<Integer>> primitiveIds = new ArrayList<>();
        final List<WalletRegistry.Entry<String>> guis = new ArrayList<>();
        final List<WalletRegistry.Entry<byte[]>> aids = new ArrayList<>();
        final List<String> aidKeys = new ArrayList<>();

        for (final Map.Entry<String, ParticipantSpec> entry : specs.entrySet())
        {
            final String id = entry.getKey();
            final String key = "participants." + id;
            final ParticipantSpec spec = entry.getValue();
            if (!ID.matcher(id).matches())
            {
                throw new RegistryException(key + ": id must be lowercase letters, digits, '-' or '_' (max 32)");
            }
            if (spec == null || spec.name() == null || spec.name().isBlank())
            {
                throw new RegistryException(key + ".name: required");
            }
            final int index = participants.size();
            final String connector = spec.connector() == null ? id : spec.connector();
            if (!ID.matcher(connector).matches())
            {
                throw new RegistryException(key + ".connector=" + connector + ": not a valid connector id");
            }
            participants.add(new Participant(index, id, spec.name(), connector));

            final List<RegistryFile.NumericSpec> numericSpecs = listOf(spec.numeric());
            for (int i = 0; i < numericSpecs.size(); i++)
            {
                final String ruleKey = key + ".numeric[" + i + "]";
                final NumericRule rule = numericRule(ruleKey, index, numericSpecs.get(i));
                for (int j = 0; j < numeric.size(); j++)
                {
                    if (numeric.get(j).overlaps(rule))
                    {
                        throw new RegistryException(ruleKey + "=" + rule.describe() + ": overlaps " + numericKeys.get(j) +
                            " (" + numeric.get(j).describe() + "); a code must route to exactly one wallet");
                    }
                }
                numeric.add(rule);
                numericKeys.add(ruleKey);
            }

            final List<RegistryFile.UrlSpec> urlSpecs = listOf(spec.urls());
            for (int i = 0; i < urlSpecs.size(); i++)
            {
                final String ruleKey = key + ".urls[" + i + "]";
                final RegistryFile.UrlSpec urlSpec = urlSpecs.get(i);
                final UrlRule rule;
                try
                {
                    rule = new UrlRule(index, require(ruleKey + ".prefix", urlSpec.prefix()), status(ruleKey, urlSpec.status()));
                }
                catch (final IllegalArgumentException ex)
                {
                    throw new RegistryException(ruleKey + ".prefix=" + urlSpec.prefix() + ": " + ex.getMessage(), ex);
                }
                for (int j = 0; j < urls.size(); j++)
                {
                    if (urls.get(j).overlaps(rule))
                    {
                        throw new RegistryException(ruleKey + ".prefix=" + rule.prefix() + ": overlaps " + urlKeys.get(j) +
                            " (" + urls.get(j).prefix() + ")");
                    }
                }
                urls.add(rule);
                urlKeys.add(ruleKey);
            }

            final List<RegistryFile.PrimitiveIdSpec> primitiveSpecs = listOf(spec.mpmPrimitiveIds());
            for (int i = 0; i < primitiveSpecs.size(); i++)
            {
                final String ruleKey = key + ".mpmPrimitiveIds[" + i + "].id";
                final Integer primitive = primitiveSpecs.get(i).id();
                if (primitive == null || primitive < 2 || primitive > 25)
                {
                    throw new RegistryException(ruleKey + "=" + primitive + ": must be 02..25 (primitive merchant account)");
                }
                for (final WalletRegistry.Entry<Integer> existing : primitiveIds)
                {
                    if (existing.key().equals(primitive))
                    {
                        throw new RegistryException(ruleKey + "=" + primitive + ": already routes to " +
                            participants.get(existing.participant()).id());
                    }
                }
                primitiveIds.add(new WalletRegistry.Entry<>(primitive, index, status(ruleKey, primitiveSpecs.get(i).status())));
            }

            final List<RegistryFile.GuiSpec> guiSpecs = listOf(spec.mpmGuis());
            for (int i = 0; i < guiSpecs.size(); i++)
            {
                final String ruleKey = key + ".mpmGuis[" + i + "].gui";
                final String gui = require(ruleKey, guiSpecs.get(i).gui());
                if (!GUI.matcher(gui).matches())
                {
                    throw new RegistryException(ruleKey + "=" + gui + ": must be 1..32 printable ASCII characters");
                }
                for (final WalletRegistry.Entry<String> existing : guis)
                {
                    if (existing.key().equalsIgnoreCase(gui))
                    {
                        throw new RegistryException(ruleKey + "=" + gui + ": already routes to " +
                            participants.get(existing.participant()).id());
                    }
                }
                guis.add(new WalletRegistry.Entry<>(gui, index, status(ruleKey, guiSpecs.get(i).status())));
            }

            final List<RegistryFile.AidSpec> aidSpecs = listOf(spec.cpmAids());
            for (int i = 0; i < aidSpecs.size(); i++)
            {
                final String ruleKey = key + ".cpmAids[" + i + "].aid";
                final String aid = require(ruleKey, aidSpecs.get(i).aid()).toUpperCase(Locale.ROOT);
                if (!HEX.matcher(aid).matches())
                {
                    throw new RegistryException(ruleKey + "=" + aid + ": must be 5..16 bytes of hexadecimal");
                }
                for (int j = 0; j < aids.size(); j++)
                {
                    final String other = hex(aids.get(j).key());
                    if (aid.startsWith(other) || other.startsWith(aid))
                    {
                        throw new RegistryException(ruleKey + "=" + aid + ": overlaps " + aidKeys.get(j) + " (" + other + ")");
                    }
                }
                aids.add(new WalletRegistry.Entry<>(unhex(aid), index, status(ruleKey, aidSpecs.get(i).status())));
                aidKeys.add(ruleKey);
            }
        }
        return new WalletRegistry(participants, numeric, urls, primitiveIds, guis, aids);
    }

    private static NumericRule numericRule(final String key, final int participant, final RegistryFile.NumericSpec spec)
    {
        final Matcher prefixes = RANGE.matcher(require(key + ".prefixes", spec.prefixes()));
        if (!prefixes.matches() || (prefixes.group(2) != null && prefixes.group(1).length() != prefixes.group(2).length()))
        {
            throw new RegistryException(key + ".prefixes=" + spec.prefixes() +
                ": must be digits or a range of digits of equal width, e.g. 10-15");
        }
        final Matcher lengths = RANGE.matcher(require(key + ".lengths", spec.lengths()));
        if (!lengths.matches())
        {
            throw new RegistryException(key + ".lengths=" + spec.lengths() + ": must be a number or a range, e.g. 16-24");
        }
        final String from = prefixes.group(1);
        final String to = prefixes.group(2) == null ? from : prefixes.group(2);
        final int minLength = Integer.parseInt(lengths.group(1));
        final int maxLength = lengths.group(2) == null ? minLength : Integer.parseInt(lengths.group(2));
        try
        {
            return new NumericRule(participant, Long.parseLong(from), Long.parseLong(to), from.length(),
                minLength, maxLength, status(key, spec.status()));
        }
        catch (final IllegalArgumentException ex)
        {
            throw new RegistryException(key + ": " + ex.getMessage(), ex);
        }
    }

    private static RuleStatus status(final String key, final RuleStatus status)
    {
        if (status == null)
        {
            throw new RegistryException(key + ".status: required (verified, secondary or provisional)");
        }
        return status;
    }

    private static String require(final String key, final String value)
    {
        if (value == null || value.isEmpty())
        {
            throw new RegistryException(key + ": required");
        }
        return value;
    }

    private static <T> List<T> listOf(final List<T> list)
    {
        return list == null ? List.of() : list;
    }

    private static byte[] unhex(final String hex)
    {
        final byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++)
        {
            bytes[i] = (byte)Integer.parseInt(hex.substring(i * 2, i * 2 + 2), 16);
        }
        return bytes;
    }

    private static String hex(final byte[] bytes)
    {
        final StringBuilder sb = new StringBuilder(bytes.length * 2);
        for (final byte b : bytes)
        {
            sb.append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
        }
        return sb.toString();
    }
}
