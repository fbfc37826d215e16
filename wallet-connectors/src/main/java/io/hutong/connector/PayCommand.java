package io.hutong.connector;

/**
 * Debit a consumer by the one-time code the merchant's POS scanned (CPM). The order number is the switch's
 * idempotency key at the wallet: a resend with the same number can never debit twice, and a changed code
 * needs a new number (WeChat's rule). Amounts are fen (1/100 CNY). Immutable; {@link #toString()} masks the
 * code.
 *
 * @param orderNo  the switch's order number at the wallet, 1-32 of {@code [0-9A-Za-z_-]}.
 * @param authCode the consumer's code as scanned, printable ASCII, at most 512 characters.
 * @param amount   fen, 1..99,999,999,999.
 * @param subject  what is paid for, as the consumer's statement shows it, 1-128 characters.
 * @param clientIp the IP of the terminal or acquirer (WeChat's {@code spbill_create_ip}), an IPv4 or IPv6
 *                 literal.
 */
public record PayCommand(String orderNo, String authCode, long amount, String subject, String clientIp)
{
    /**
     * @throws IllegalArgumentException naming the field and rule, never echoing the code.
     */
    public PayCommand
    {
        CommandChecks.orderNo("orderNo", orderNo);
        CommandChecks.authCode(authCode);
        CommandChecks.amount("amount", amount);
        CommandChecks.text("subject", subject, CommandChecks.MAX_SUBJECT_LENGTH);
        CommandChecks.text("clientIp", clientIp, 45);
    }

    /**
     * @return the record with the code masked (first 6 and last 4 characters at most).
     */
    @Override
    public String toString()
    {
        return "PayCommand[orderNo=" + orderNo + ", authCode=" + CommandChecks.mask(authCode) + ", amount=" + amount +
            ", subject=" + subject + ", clientIp=" + clientIp + "]";
    }
}
