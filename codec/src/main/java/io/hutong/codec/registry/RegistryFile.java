package io.hutong.codec.registry;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;

/**
 * The YAML shape of a registry file, as Jackson reads it. Unknown keys are refused so that a typo fails
 * the load instead of silently dropping a rule. Validation happens in {@link WalletRegistryLoader}.
 *
 * @param replaceDefaults when true the file replaces the built-in participants instead of overlaying them.
 * @param participants    participants by registry id, in file order.
 */
record RegistryFile(
    @JsonProperty("replaceDefaults") Boolean replaceDefaults,
    @JsonProperty("participants") Map<String, ParticipantSpec> participants)
{
    /**
     * One participant as written in the file.
     *
     * @param name            display name.
     * @param connector       connector id (defaults to the participant id).
     * @param numeric         numeric consumer-code rules.
     * @param cpmAids         EMV CPM application identifier prefixes.
     * @param mpmPrimitiveIds EMV MPM primitive merchant account IDs (02..25).
     * @param mpmGuis         EMV MPM merchant account template GUIs.
     * @param urls            merchant URL code prefixes.
     */
    record ParticipantSpec(
        @JsonProperty("name") String name,
        @JsonProperty("connector") String connector,
        @JsonProperty("numeric") List<NumericSpec> numeric,
        @JsonProperty("cpmAids") List<AidSpec> cpmAids,
        @JsonProperty("mpmPrimitiveIds") List<PrimitiveIdSpec> mpmPrimitiveIds,
        @JsonProperty("mpmGuis") List<GuiSpec> mpmGuis,
        @JsonProperty("urls") List<UrlSpec> urls)
    {
    }

    /**
     * @param prefixes "10-15" or "62".
     * @param lengths  "18" or "16-24".
     * @param status   how well sourced.
     */
    record NumericSpec(
        @JsonProperty("prefixes") String prefixes,
        @JsonProperty("lengths") String lengths,
        @JsonProperty("status") RuleStatus status)
    {
    }

    /**
     * @param aid    hexadecimal AID prefix, e.g. a RID.
     * @param status how well sourced.
     */
    record AidSpec(@JsonProperty("aid") String aid, @JsonProperty("status") RuleStatus status)
    {
    }

    /**
     * @param id     02..25.
     * @param status how well sourced.
     */
    record PrimitiveIdSpec(@JsonProperty("id") Integer id, @JsonProperty("status") RuleStatus status)
    {
    }

    /**
     * @param gui    globally unique identifier, matched ignoring ASCII case.
     * @param status how well sourced.
     */
    record GuiSpec(@JsonProperty("gui") String gui, @JsonProperty("status") RuleStatus status)
    {
    }

    /**
     * @param prefix URL prefix including the scheme, matched ignoring ASCII case.
     * @param status how well sourced.
     */
    record UrlSpec(@JsonProperty("prefix") String prefix, @JsonProperty("status") RuleStatus status)
    {
    }
}
