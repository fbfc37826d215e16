package io.hutong.codec.registry;

import io.hutong.codec.numeric.NumericCodeMatcher;
import io.hutong.codec.numeric.NumericRule;
import io.hutong.codec.text.Ascii;
import io.hutong.codec.url.UrlCodeMatcher;
import io.hutong.codec.url.UrlRule;
import org.agrona.DirectBuffer;

import java.util.Arrays;
import java.util.List;

/**
 * The participants and every rule that routes a code to one of them: numeric consumer-code rules, EMV CPM
 * AID prefixes, EMV MPM primitive merchant account IDs and template GUIs, merchant URL prefixes. Built and
 * validated by {@link WalletRegistryLoader}; lookups are allocation free and return participant indices.
 * Immutable; thread-safe.
 */
public final class WalletRegistry
{
    /** Returned by lookups that find no participant. */
    public static final int NO_PARTICIPANT = -1;

    private final List<Participant> participants;
    private final NumericCodeMatcher numericMatcher;
    private final UrlCodeMatcher urlMatcher;
    private final int[] participantByPrimitiveId = new int[100];
    private final RuleStatus[] statusByPrimitiveId = new RuleStatus[100];
    private final byte[][] guis;
    private final int[] guiParticipants;
    private final RuleStatus[] guiStatuses;
    private final byte[][] aidPrefixes;
    private final int[] aidParticipants;
    private final RuleStatus[] aidStatuses;

    WalletRegistry(
        final List<Participant> participants,
        final List<NumericRule> numericRules,
        final List<UrlRule> urlRules,
        final List<Entry<Integer>> primitiveIds,
        final List<Entry<String>> guiEntries,
        final List<Entry<byte[]>> aidEntries)
    {
        this.participants = List.copyOf(participants);
        this.numericMatcher = new NumericCodeMatcher(numericRules);
        this.urlMatcher = new UrlCodeMatcher(urlRules);
        Arrays.fill(participantByPrimitiveId, NO_PARTICIPANT);
        for (final Entry<Integer> entry : primitiveIds)
        {
            participantByPrimitiveId[entry.key()] = entry.participant();
            statusByPrimitiveId[entry.key()] = entry.status();
        }
        guis = new byte[guiEntries.size()][];
        guiParticipants = new int[guiEntries.size()];
        guiStatuses = new RuleStatus[guiEntries.size()];
        for (int i = 0; i < guis.length; i++)
        {
            final Entry<String> entry = guiEntries.get(i);
            guis[i] = entry.key().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            guiParticipants[i] = entry.participant();
            guiStatuses[i] = entry.status();
        }
        aidPrefixes = new byte[aidEntries.size()][];
        aidParticipants = new int[aidEntries.size()];
        aidStatuses = new RuleStatus[aidEntries.size()];
        for (int i = 0; i < aidPrefixes.length; i++)
        {
            final Entry<byte[]> entry = aidEntries.get(i);
            aidPrefixes[i] = entry.key().clone();
            aidParticipants[i] = entry.participant();
            aidStatuses[i] = entry.status();
        }
    }

    /**
     * A routing key with the participant it routes to.
     *
     * @param key         the key (primitive ID, GUI, AID bytes).
     * @param participant participant index.
     * @param status      how well sourced.
     * @param <K>         key type.
     */
    record Entry<K>(K key, int participant, RuleStatus status)
    {
    }

    /**
     * @return the participants in registry order.
     */
    public List<Participant> participants()
    {
        return participants;
    }

    /**
     * @param index a participant index.
     * @return the participant.
     */
    public Participant participant(final int index)
    {
        return participants.get(index);
    }

    /**
     * @param id a registry id such as {@code wechat}.
     * @return the participant, or null.
     */
    public Participant participant(final String id)
    {
        for (final Participant participant : participants)
        {
            if (participant.id().equals(id))
            {
                return participant;
            }
        }
        return null;
    }

    /**
     * @return the numeric consumer-code rules.
     */
    public NumericCodeMatcher numericMatcher()
    {
        return numericMatcher;
    }

    /**
     * @return the merchant URL rules.
     */
    public UrlCodeMatcher urlMatcher()
    {
        return urlMatcher;
    }

    /**
     * @param id an EMV MPM merchant account ID (02..25).
     * @return the participant it routes to, or {@link #NO_PARTICIPANT}.
     */
    public int participantForPrimitiveId(final int id)
    {
        return id >= 0 && id < participantByPrimitiveId.length ? participantByPrimitiveId[id] : NO_PARTICIPANT;
    }

    /**
     * @param id an EMV MPM merchant account ID routed by {@link #participantForPrimitiveId}.
     * @return how well sourced the rule is.
     */
    public RuleStatus primitiveIdStatus(final int id)
    {
        return statusByPrimitiveId[id];
    }

    /**
     * Find the GUI entry that matches, ignoring ASCII case (Pix codes carry both {@code br.gov.bcb.pix} and
     * {@code BR.GOV.BCB.PIX}).
     *
     * @param buffer holding the GUI.
     * @param offset first byte.
     * @param length bytes.
     * @return index of the GUI entry, or {@link #NO_PARTICIPANT}.
     */
    public int guiEntry(final DirectBuffer buffer, final int offset, final int length)
    {
        for (int i = 0; i < guis.length; i++)
        {
            if (Ascii.equalsIgnoreCase(buffer, offset, length, guis[i]))
            {
                return i;
            }
        }
        return NO_PARTICIPANT;
    }

    /**
     * @param entry a value returned by {@link #guiEntry}.
     * @return the participant index.
     */
    public int guiParticipant(final int entry)
    {
        return guiParticipants[entry];
    }

    /**
     * @param entry a value returned by {@link #guiEntry}.
     * @return how well sourced.
     */
    public RuleStatus guiStatus(final int entry)
    {
        return guiStatuses[entry];
    }

    /**
     * Find the AID prefix entry that an EMV CPM application identifier starts with.
     *
     * @param buffer holding the AID bytes.
     * @param offset first byte.
     * @param length bytes.
     * @return index of the AID entry, or {@link #NO_PARTICIPANT}.
     */
    public int aidEntry(final DirectBuffer buffer, final int offset, final int length)
    {
        for (int i = 0; i < aidPrefixes.length; i++)
        {
            final byte[] prefix = aidPrefixes[i];
            if (length >= prefix.length && startsWith(buffer, offset, prefix))
            {
                return i;
            }
        }
        return NO_PARTICIPANT;
    }

    /**
     * @param entry a value returned by {@link #aidEntry}.
     * @return the participant index.
     */
    public int aidParticipant(final int entry)
    {
        return aidParticipants[entry];
    }

    /**
     * @param entry a value returned by {@link #aidEntry}.
     * @return how well sourced.
     */
    public RuleStatus aidStatus(final int entry)
    {
        return aidStatuses[entry];
    }

    /**
     * The first merchant account template GUI a participant is known by, for building merchant codes.
     *
     * @param participant a participant index.
     * @return the GUI, or null when the participant has none.
     */
    public String firstGui(final int participant)
    {
        for (int i = 0; i < guis.length; i++)
        {
            if (guiParticipants[i] == participant)
            {
                return new String(guis[i], java.nio.charset.StandardCharsets.US_ASCII);
            }
        }
        return null;
    }

    /**
     * The first primitive merchant account ID (02..25) routed to a participant, for building merchant codes.
     *
     * @param participant a participant index.
     * @return the ID, or {@link #NO_PARTICIPANT} when the participant has none.
     */
    public int firstPrimitiveId(final int participant)
    {
        for (int id = 0; id < participantByPrimitiveId.length; id++)
        {
            if (participantByPrimitiveId[id] == participant)
            {
                return id;
            }
        }
        return NO_PARTICIPANT;
    }

    private static boolean startsWith(final DirectBuffer buffer, final int offset, final byte[] prefix)
    {
        for (int i = 0; i < prefix.length; i++)
        {
            if (buffer.getByte(offset + i) != prefix[i])
            {
                return false;
            }
        }
        return true;
    }
}
