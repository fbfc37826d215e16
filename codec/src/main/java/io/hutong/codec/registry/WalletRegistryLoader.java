package io.hutong.codec.registry;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.hutong.codec.registry.RegistryFile.ParticipantSpec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

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
        final RegistryBuilder builder = new RegistryBuilder();
        for (final Map.Entry<String, ParticipantSpec> entry : specs.entrySet())
        {
            builder.addParticipant(entry.getKey(), entry.getValue());
        }
        return builder.build();
    }



}
