/**
 * Reconciliation of the switch's journal with the wallets' ledgers ({@code hutong reconcile}, and in-process for
 * the demo): every payment the switch decided must appear at its wallets exactly once, in the same final state,
 * and every debit at a wallet must belong to a payment. Rules and report: docs/reconciliation.md.
 *
 * <pre>
 *  DATA/journal (Chronicle, read-only)          credentials.json            each wallet: GET /sim/ledger (paged)
 *        |                                             |                                |
 *   JournalPayments                              WalletEndpoint                    LedgerReader
 *        |  SwitchPayment per txn id:               baseUrl, the switch's           LedgerOrder per order
 *        |  flow, wallets, order no, last FINAL,    merchant ids                         |
 *        |  wallet called?, settled?                       \                         LedgerIndex
 *        |                                                  \                 (wallet, order no) -&gt; orders
 *        +-------------------------------------------------- ReconciliationRules &lt;----------+
 *                                                                   |
 *                                              ReconciliationReport: checked, lost, duplicates, orphans,
 *                                              mismatched, inDoubt, byWallet, findings (capped)
 * </pre>
 */
package io.hutong.sim.reconcile;
