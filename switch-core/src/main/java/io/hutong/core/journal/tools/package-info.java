/**
 * The journal tools behind {@code bin/hutong journal dump|tail|stats|verify}: each is a class that writes to
 * the {@link java.io.PrintStream}s it is given and returns an exit code ({@link
 * io.hutong.core.journal.tools.ToolExit}), so the CLI only parses flags and calls {@code run}.
 * <pre>
 *   JournalDump.run(dir)                      every record -&gt; one JSON line (RecordJson, Jackson streaming)
 *   JournalTail.run(dir, last, stop)          last N records, then follow -&gt; JSON lines until interrupted
 *   JournalStats.run(dir)                     JournalStatistics: counts per hop, HdrHistogram from RECEIVED
 *   JournalVerify.run(dir, anchorAtFirst)     ChainVerifier over every record -&gt; first break / torn tail
 *            \_______________ all open the journal read-only (JournalReader.openReadOnly) ___/
 *   exit codes: 0 OK, 2 UNREADABLE, 3 DAMAGED
 * </pre>
 * Tools allocate freely (they are not on the engine's hot path).
 */
package io.hutong.core.journal.tools;
