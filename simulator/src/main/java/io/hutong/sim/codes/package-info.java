/**
 * One-time consumer payment codes of the simulated wallets: made offline by phones (and load generators) from an
 * account's seed, or issued over HTTP by {@code POST /sim/codes}, and checked by the wallet with one HMAC.
 *
 * <pre>
 *   phone / load generator                         simulated wallet
 *   OfflineCodes.derive(format, number, seed,      CodeBook.check(code, now)
 *       second, counter 0..49)  --code--&gt; POS --&gt;   HMAC(seed) ok?  -&gt; INVALID
 *                                                  older than 60 s? -&gt; EXPIRED
 *   POST /sim/codes --&gt; CodeBook.issue (50..99)    used before?     -&gt; USED
 *                                                  else: account number (code now used)
 * </pre>
 *
 * {@link io.hutong.sim.codes.CodeFormat} is the digit layout; {@link io.hutong.sim.codes.OfflineCodes} the
 * derivation, also documented in docs/simulated-wallets.md.
 */
package io.hutong.sim.codes;
