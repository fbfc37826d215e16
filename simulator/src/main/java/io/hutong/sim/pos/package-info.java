/**
 * POS terminals as an open-loop load generator ({@code hutong pos}, docs/load-generator.md): N terminals on their
 * own TCP connections speaking the binary POS protocol, payer wallets paying merchant codes through the HTTP API,
 * consumer codes made offline as phones make them, latencies measured from each payment's intended start.
 *
 * <pre>
 *                      PosLoad.start: credentials, terminal keys, API clients, phones, code cards, logons
 *                                |
 *   OpenLoop (caller's thread)   |  payment k due at start + k/tps; flow, wallet and amount drawn (seeded)
 *     |-- cpm: code  &lt;-- ScanWorker stock (rendered + read back)  or  PhoneCodes (HMAC of the seed)
 *     |      `--&gt; PosTerminal[k mod N] ---- Netty event loop (1-2) ---- Pay/Query/Heartbeat --&gt; switch :7100
 *     |             TerminalSession (MACs, sequences) + TerminalPayments (open payments, deadlines)
 *     `-- mpm: MpmPayer --hold--&gt; payer wallet /sim/holds --MPM--&gt; switch :8080 /v1/mpm/payments --capture--&gt;
 *
 *   RunStats: LongAdder counts per wallet and flow; HdrHistogram Recorders per hop, wallet, flow
 *   ProgressLine (own thread): one line a second; LoadReport: JSON report and summary; MaxRateSearch: --find-max
 * </pre>
 */
package io.hutong.sim.pos;
