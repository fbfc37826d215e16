package io.hutong.sim.conformance;

/**
 * The GM-interface connector against the simulated cmpay wallet.
 */
class CmpayConformanceTest extends GmWalletConformance
{
    @Override
    protected String walletId()
    {
        return "cmpay";
    }
}
