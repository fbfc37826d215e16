package io.hutong.sim.pos;

import java.util.List;

/**
 * What a running generator is made of, as the open-loop schedule uses it: the wallets by index, the two mixes mapped
 * to wallet indexes, the phones, the payees' code cards, the payer accounts, the MPM payer, the image stock and the
 * terminals. Immutable references; the parts themselves are thread-safe where they say so.
 *
 * @param wallets    wallet ids by index (the credentials file's order).
 * @param walletMix  the debited wallet's weights.
 * @param debitedOf  wallet index of each name of {@code walletMix}.
 * @param payeeMix   the MPM payee's weights.
 * @param payeeOf    wallet index of each name of {@code payeeMix}.
 * @param mpmShare   share of MPM payments.
 * @param imageShare share of CPM codes taken from the image stock.
 * @param phones     code makers by wallet index.
 * @param cards      the merchant code card of each wallet's first payee merchant, by wallet index (null: none).
 * @param accounts   consumer account ids by wallet index.
 * @param tag        the run tag of terminal txn ids and payer references.
 * @param payer      the MPM flow.
 * @param scanner    the image stock.
 * @param terminals  the terminals.
 */
record PosLoadParts(
    List<String> wallets,
    Weights walletMix,
    int[] debitedOf,
    Weights payeeMix,
    int[] payeeOf,
    double mpmShare,
    double imageShare,
    PhoneCodes[] phones,
    String[] cards,
    List<List<String>> accounts,
    String tag,
    MpmPayer payer,
    ScanWorker scanner,
    PosTerminal[] terminals)
{
    /**
     * @param uniform a number in [0, 1).
     * @return the debited wallet's index it selects.
     */
    int debited(final double uniform)
    {
        return debitedOf[walletMix.pick(uniform)];
    }

    /**
     * @param uniform a number in [0, 1).
     * @return the payee wallet's index it selects.
     */
    int payee(final double uniform)
    {
        return payeeOf[payeeMix.pick(uniform)];
    }

    /**
     * @param wallet a wallet index.
     * @return its payee merchant's code card.
     */
    String card(final int wallet)
    {
        return cards[wallet];
    }

    /**
     * @param wallet a wallet index.
     * @param turn   a counter.
     * @return the wallet's consumer for that turn.
     */
    String account(final int wallet, final int turn)
    {
        final List<String> ids = accounts.get(wallet);
        return ids.get(Math.floorMod(turn, ids.size()));
    }
}
