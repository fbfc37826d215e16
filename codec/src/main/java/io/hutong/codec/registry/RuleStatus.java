package io.hutong.codec.registry;

/**
 * How well a routing rule is sourced (DOMAIN.md's [V], [S], [P]). Provisional rules route, but every
 * decision resting on one is reported as provisional so nobody mistakes our default for the wallet's word.
 */
public enum RuleStatus
{
    /** Read in a primary source or in working code. */
    VERIFIED,
    /** One secondary source. */
    SECONDARY,
    /** No public source: our default until the wallet operator confirms it. */
    PROVISIONAL
}
