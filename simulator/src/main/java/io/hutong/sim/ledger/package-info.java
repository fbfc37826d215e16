/**
 * The ledger of one simulated wallet: consumer accounts with balances and limits, merchants, orders keyed by
 * (merchant id, order number), payer holds, and the wallet's one-time codes. Wallet APIs turn wire requests into
 * these operations and their {@link io.hutong.sim.ledger.LedgerResult}s into the wallet's answers.
 *
 * <pre>
 *   WeChat XML / GM JSON / control API
 *        |  pay, query, reverse, close, refund, credit, hold, capture, release
 *        v
 *   Ledger (one lock, O(1) per operation)
 *     accounts ----- CodeBook (code -&gt; account number, used-code rings)
 *     merchants ---- orders by order number, refunds by refund number
 *     holds -------- payer holds by order number
 *     all orders --- in creation order, for GET /sim/ledger paging
 * </pre>
 *
 * Every debit ends in exactly one final state; {@link io.hutong.sim.ledger.OrderState} draws the transitions.
 */
package io.hutong.sim.ledger;
