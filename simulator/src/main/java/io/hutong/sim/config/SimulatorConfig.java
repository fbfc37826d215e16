package io.hutong.sim.config;

import java.util.List;

/**
 * The simulated wallets' configuration (docs/simulated-wallets.md, "Configuration"), defaults applied and
 * validated by {@link SimulatorConfigLoader}. Immutable and thread-safe.
 *
 * @param host             the loopback address every wallet binds.
 * @param eventLoopThreads Netty event loop threads shared by all wallets.
 * @param signingThreads   threads of the bounded executor for the control API and RSA/SM2 wallet APIs.
 * @param signingQueue     tasks that may wait for a signing thread before requests are answered 503.
 * @param faultSeed        the seed of the fault random sources (wallet i uses faultSeed + i).
 * @param wallets          every participant of the registry, in registry order.
 */
public record SimulatorConfig(
    String host,
    int eventLoopThreads,
    int signingThreads,
    int signingQueue,
    long faultSeed,
    List<WalletConfig> wallets)
{
    /**
     * Copies the wallet list.
     */
    public SimulatorConfig
    {
        wallets = List.copyOf(wallets);
    }
}
