package io.hutong.connector;

/**
 * Credit a merchant at the payee wallet for an MPM payment that another wallet's consumer approved (the
 * payer wallet holds the debit). Idempotent by order number. Immutable.
 *
 * @param orderNo      the switch's order number at the payee wallet.
 * @param payeeAccount the merchant's account at the payee wallet, as the merchant code carried it.
 * @param amount       fen.
 * @param subject      what is paid for, 1-128 characters.
 */
public record CreditCommand(String orderNo, String payeeAccount, long amount, String subject)
{
    /**
     * @throws IllegalArgumentException if a field breaks its rule.
     */
    public CreditCommand
    {
        CommandChecks.orderNo("orderNo", orderNo);
        CommandChecks.text("payeeAccount", payeeAccount, 64);
        CommandChecks.amount("amount", amount);
        CommandChecks.text("subject", subject, CommandChecks.MAX_SUBJECT_LENGTH);
    }
}
