/**
 * The transaction engine: one thread owns every payment's state.
 * <pre>
 *  Netty event loops ---requests---\                                      /--- wallet calls ---&gt; connectors
 *                                   &gt; EngineInbox (ManyToOneRingBuffer) -&gt; Engine (Agent)
 *  connector threads ---results----/        CpmFlow / MpmFlow / RefundFlow / Lookups
 *                                            PaymentTable (by id, by idempotency key), RecentCodes,
 *                                            Admission, CircuitBreaker per wallet, Positions,
 *                                            DeadlineTimerWheel (queries, reverse and release retries)
 *                                            EngineJournal: every hop; commit per batch, then the Outbox
 *                                            lets out wallet calls and replies (write-ahead)
 *                                                                         \--- replies ---&gt; ReplySink per front end
 * </pre>
 * The request and result layouts on the ring buffer are in {@link io.hutong.core.engine.command}.
 */
package io.hutong.core.engine;
