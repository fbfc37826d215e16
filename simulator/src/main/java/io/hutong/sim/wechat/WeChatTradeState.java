package io.hutong.sim.wechat;

import io.hutong.sim.ledger.OrderState;

/**
 * An order's {@code trade_state} as WeChat Pay v2's order query gives it; the UnionPay gateway's query uses the same
 * values. Stateless.
 */
public final class WeChatTradeState
{
    private WeChatTradeState()
    {
    }

    /**
     * @param state the ledger's state of the order.
     * @return SUCCESS, REFUND, USERPAYING, REVOKED, PAYERROR or CLOSED.
     */
    public static String of(final OrderState state)
    {
        switch (state)
        {
            case SUCCESS:
                return "SUCCESS";
            case REFUNDED:
                return "REFUND";
            case USERPAYING:
                return "USERPAYING";
            case REVERSED:
                return "REVOKED";
            case PAYERROR:
                return "PAYERROR";
            default:
                return "CLOSED";
        }
    }
}
