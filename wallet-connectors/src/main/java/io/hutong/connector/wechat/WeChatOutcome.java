package io.hutong.connector.wechat;

import io.hutong.connector.DeclineReason;
import io.hutong.connector.OutcomeStatus;

/**
 * What one WeChat answer means to the switch: a status, a reason when declined, and WeChat's own code
 * ({@code err_code}, {@code trade_state} or {@code return_code}) kept for the journal. Immutable.
 *
 * @param status     the normalised status.
 * @param reason     why it was declined; null unless {@code status} is {@link OutcomeStatus#DECLINED}.
 * @param walletCode WeChat's code that decided it.
 */
public record WeChatOutcome(OutcomeStatus status, DeclineReason reason, String walletCode)
{
    /**
     * @throws IllegalArgumentException if a reason is missing on a decline or present otherwise.
     */
    public WeChatOutcome
    {
        if ((OutcomeStatus.DECLINED == status) != (null != reason))
        {
            throw new IllegalArgumentException("status=" + status + " reason=" + reason + ": reason iff DECLINED");
        }
    }
}
