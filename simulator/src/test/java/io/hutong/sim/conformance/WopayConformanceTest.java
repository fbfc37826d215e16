package io.hutong.sim.conformance;

/**
 * The GM-interface connector against the simulated wopay wallet.
 */
class WopayConformanceTest extends GmWalletConformance
{
    @Override
    protected String walletId()
    {
        return "wopay";
    }
}
