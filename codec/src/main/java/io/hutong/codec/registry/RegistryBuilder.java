package io.hutong.codec.registry;

import io.hutong.codec.numeric.NumericRule;
import io.hutong.codec.registry.RegistryFile.ParticipantSpec;
import io.hutong.codec.url.UrlRule;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Accumulates participants from registry specs, validating each rule against every rule already added, and
 * builds the {@link WalletRegistry}. Every refusal is a {@link RegistryException} naming the key. Single use;
 * not thread-safe.
 */
final class RegistryBuilder
{
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_-]{0,31}");
    private static final Pattern RANGE = Pattern.compile("(\\d{1,10})(?:-(\\d{1,10}))?");
    private static final Pattern HEX = Pattern.compile("(?:[0-9A-Fa-f]{2}){5,16}");
    private static final Pattern GUI = Pattern.compile("[\\x21-\\x7E]{1,32}");

    private final List<Participant> participants = new ArrayList<>();
    private final List<NumericRule> numeric = new ArrayList<>();
    private final List<String> numericKeys = new ArrayList<>();
    private final List<UrlRule> urls = new ArrayList<>();
    private final List<String> urlKeys = new ArrayList<>();
    private final List<WalletRegistry.Entry<Integer>> primitiveIds = new ArrayList<>();
    private final List<WalletRegistry.Entry<String>> guis = new ArrayList<>();
    private final List<WalletRegistry.Entry<byte[]>> aids = new ArrayList<>();
    private final List<String> aidKeys = new ArrayList<>();

    void addParticipant(final String id, final ParticipantSpec spec)
    {
        final String key = "participants." + id;
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
            addNumeric(key + ".numeric[" + i + "]", index, numericSpecs.get(i));
        }
        final List<RegistryFile.UrlSpec> urlSpecs = listOf(spec.urls());
        for (int i = 0; i < urlSpecs.size(); i++)
        {
            addUrl(key + ".urls[" + i + "]", index, urlSpecs.get(i));
        }
        final List<RegistryFile.PrimitiveIdSpec> primitiveSpecs = listOf(spec.mpmPrimitiveIds());
        for (int i = 0; i < primitiveSpecs.size(); i++)
        {
            addPrimitiveId(key + ".mpmPrimitiveIds[" + i + "].id", index, primitiveSpecs.get(i));
        }
        final List<RegistryFile.GuiSpec> guiSpecs = listOf(spec.mpmGuis());
        for (int i = 0; i < guiSpecs.size(); i++)
        {
            addGui(key + ".mpmGuis[" + i + "].gui", index, guiSpecs.get(i));
        }
        final List<RegistryFile.AidSpec> aidSpecs = listOf(spec.cpmAids());
        for (int i = 0; i < aidSpecs.size(); i++)
        {
            addAid(key + ".cpmAids[" + i + "].aid", index, aidSpecs.get(i));
        }
    }

    WalletRegistry build()
    {
        return new WalletRegistry(participants, numeric, urls, primitiveIds, guis, aids);
    }

    private void addNumeric(final String key, final int participant, final RegistryFile.NumericSpec spec)
    {
        final NumericRule rule = numericRule(key, participant, spec);
        for (int j = 0; j < numeric.size(); j++)
        {
            if (numeric.get(j).overlaps(rule))
            {
                throw new RegistryException(key + "=" + rule.describe() + ": overlaps " + numericKeys.get(j) +
                    " (" + numeric.get(j).describe() + "); a code must route to exactly one wallet");
            }
        }
        numeric.add(rule);
        numericKeys.add(key);
    }

    private void addUrl(final String key, final int participant, final RegistryFile.UrlSpec spec)
    {
        final UrlRule rule;
        try
        {
            rule = new UrlRule(participant, require(key + ".prefix", spec.prefix()), status(key, spec.status()));
        }
        catch (final RegistryException ex)
        {
            throw ex;
        }
        catch (final IllegalArgumentException ex)
        {
            throw new RegistryException(key + ".prefix=" + spec.prefix() + ": " + ex.getMessage(), ex);
        }
        for (int j = 0; j < urls.size(); j++)
        {
            if (urls.get(j).overlaps(rule))
            {
                throw new RegistryException(key + ".prefix=" + rule.prefix() + ": overlaps " + urlKeys.get(j) +
                    " (" + urls.get(j).prefix() + ")");
            }
        }
        urls.add(rule);
        urlKeys.add(key);
    }

    private void addPrimitiveId(final String key, final int participant, final RegistryFile.PrimitiveIdSpec spec)
    {
        final Integer id = spec.id();
        if (id == null || id < 2 || id > 25)
        {
            throw new RegistryException(key + "=" + id + ": must be 02..25 (primitive merchant account)");
        }
        for (final WalletRegistry.Entry<Integer> existing : primitiveIds)
        {
            if (existing.key().equals(id))
            {
                throw new RegistryException(key + "=" + id + ": already routes to " +
                    participants.get(existing.participant()).id());
            }
        }
        primitiveIds.add(new WalletRegistry.Entry<>(id, participant, status(key, spec.status())));
    }

    private void addGui(final String key, final int participant, final RegistryFile.GuiSpec spec)
    {
        final String gui = require(key, spec.gui());
        if (!GUI.matcher(gui).matches())
        {
            throw new RegistryException(key + "=" + gui + ": must be 1..32 printable ASCII characters");
        }
        for (final WalletRegistry.Entry<String> existing : guis)
        {
            if (existing.key().equalsIgnoreCase(gui))
            {
                throw new RegistryException(key + "=" + gui + ": already routes to " +
                    participants.get(existing.participant()).id());
            }
        }
        guis.add(new WalletRegistry.Entry<>(gui, participant, status(key, spec.status())));
    }

    private void addAid(final String key, final int participant, final RegistryFile.AidSpec spec)
    {
        final String aid = require(key, spec.aid()).toUpperCase(Locale.ROOT);
        if (!HEX.matcher(aid).matches())
        {
            throw new RegistryException(key + "=" + aid + ": must be 5..16 bytes of hexadecimal");
        }
        for (int j = 0; j < aids.size(); j++)
        {
            final String other = hex(aids.get(j).key());
            if (aid.startsWith(other) || other.startsWith(aid))
            {
                throw new RegistryException(key + "=" + aid + ": overlaps " + aidKeys.get(j) + " (" + other + ")");
            }
        }
        aids.add(new WalletRegistry.Entry<>(unhex(aid), participant, status(key, spec.status())));
        aidKeys.add(key);
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
        catch (final RegistryException ex)
        {
            throw ex;
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
