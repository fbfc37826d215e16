/**
 * The journal of every hop of every payment: a fixed binary record per hop in a daily-rolled Chronicle Queue,
 * hash-chained with SM3 so tampering and torn tails are detectable.
 * <pre>
 *   engine thread (Agent)                                   journal directory (one per node)
 *   ---------------------                                   --------------------------------
 *   begin(hop, flow, txnId) --&gt; JournalRecordEncoder          yyyyMMdd'L'.cq4  (LARGE_DAILY roll)
 *        setters (masked code only, ASCII slots, UTF-8 detail)  metadata.cq4t   (named tailers)
 *   append()  --HashChain: SM3(prev chain || record)--&gt; JournalWriter --document context--&gt; queue
 *   sync()    --SYNC mode: msync once per batch (group commit), then reply (write-ahead)
 *
 *   recovery / tools                                          record (JournalRecordDescriptor)
 *   ----------------                                          --------------------------------
 *   JournalReader.replay / replayFrom(index)                  320-byte fixed block + 0..256 detail
 *   JournalReader.namedTailer("name") --resumes--&gt;             little-endian, zero-padded ASCII slots
 *   JournalTailer.poll(handler) --&gt; JournalRecordDecoder view  chain value over everything else
 *   ChainVerifier: structure + chain, one break = one record   codes: JournalHop/Flow/Status/Reason
 * </pre>
 * The numeric codes and names of {@link io.hutong.core.journal.JournalHop},
 * {@link io.hutong.core.journal.JournalFlow}, {@link io.hutong.core.journal.JournalStatus} and
 * {@link io.hutong.core.journal.JournalReason} are a file-format contract documented in docs/journal.md.
 * The tools ({@code dump}, {@code tail}, {@code stats}, {@code verify}) live in
 * {@link io.hutong.core.journal.tools}.
 */
package io.hutong.core.journal;
