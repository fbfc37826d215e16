package io.hutong.sim.conformance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hutong.connector.DeclineReason;

import java.util.EnumSet;
import java.util.Set;

/**
 * The WeChat Pay v2 connector against the simulated WeChat wallet.
 */
class WeChatConformanceTest extends SimulatedWalletConformance
{
    @Override
    protected String walletId()
    {
        return "wechat";
    }

    @Override
    protected ObjectNode withWrongKey(final ObjectNode settings)
    {
        return settings.put("apiKey", "0123456789abcdef0123456789abcdef");
    }

    /**
     * WeChat's micropay has no error code for a consumer's limit: it answers TRADE_ERROR, its risk refusal.
     */
    @Override
    protected Set<DeclineReason> acceptableReasons(final String scenario)
    {
        return "limitExceeded".equals(scenario) ?
            EnumSet.of(DeclineReason.LIMIT_EXCEEDED, DeclineReason.RISK_REFUSED) : super.acceptableReasons(scenario);
    }
}
