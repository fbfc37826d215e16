/**
 * Benchmarks of {@code switch-core}, the switch itself: one CPM payment through the in-process path, and one journal
 * append. Everything on the path is the production code; only the wallet (a connector that approves at once) and the
 * network (Netty, the engine thread) are left out.
 * <pre>
 *  EnginePathBenchmark.pay()                                          one op = one payment, one thread
 *
 *   PayFrames --frame i--&gt; PosFrontEnd: SwitchSession.onFrame (terminal, HMAC-SM3, sequence, Pay body)
 *                              | RequestEncoder
 *                              v
 *                         EngineInbox --&gt; Engine.doWork() x3 --&gt; ApprovingConnector.pay --approved--&gt; inbox
 *                              |            |
 *                              |            +-- ChronicleJournal: 7 hops, SM3 chain, Chronicle Queue (ScratchJournal)
 *                              v
 *                         PosFrontEnd.reply: Result frame, numbered and MAC'd
 *
 *  JournalAppendBenchmark.appendHop()    ChronicleJournal.hop(WALLET_RESULT, payment) + commit; NONE or SYNC
 * </pre>
 * {@link io.hutong.bench.core.InProcessSwitch} wires the path and {@link io.hutong.bench.core.PayFrames} holds what
 * the terminal sends; both benchmarks journal into a {@link io.hutong.bench.core.ScratchJournal}, deleted after
 * each trial.
 */
package io.hutong.bench.core;
