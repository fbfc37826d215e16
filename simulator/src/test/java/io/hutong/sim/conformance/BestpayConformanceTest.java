package io.hutong.sim.conformance;

/**
 * The GM-interface connector against the simulated bestpay wallet.
 */
class BestpayConformanceTest extends GmWalletConformance
{
    @Override
    protected String walletId()
    {
        return "bestpay";
    }
}
