/**
 * Terminal authentication for the POS protocol: the terminals' long-term keys and their key file, logon
 * verification (key known, MAC, timestamp inside the replay window, nonce never seen within it), session keys
 * bound to each logon, and the per-connection session that MACs and numbers every frame after logon.
 * <pre>
 *   TerminalKeysFile.load(path) -&gt; TerminalKeys ---------------+
 *                                                              v
 *   terminal                                     switch     LogonVerifier (shared, thread-safe, NonceCache)
 *   TerminalSession                                         SwitchSession (one per connection)
 *     Logon(seq 0, nT, ts, MAC_K) -----------------------&gt;   key? MAC_K? |now - ts| &lt;= window? nT new?
 *                                                            kT2S, kS2T = SessionKeys.derive(K, nT, nS)
 *     kT2S, kS2T = derive(K, nT, nS)  &lt;----------------     LogonAck(seq 0, nS, time, MAC_kS2T)
 *     Pay(seq 1, MAC_kT2S) -----------------------------&gt;   terminal id bound? MAC_kT2S? seq == 1?
 *                                     &lt;----------------     Result(seq 1, MAC_kS2T)
 *     any refusal                     &lt;----------------     Error(reason), then the connection closes
 * </pre>
 * Every refusal is a {@link io.hutong.core.pos.codec.PosReason}, which is also the Error frame's code. Keys are
 * never printed: {@code toString()} shows terminal ids and key lengths only, and key file errors never quote
 * the file. Sessions are confined to their connection's thread; keys, the key set and the verifier are
 * thread-safe.
 */
package io.hutong.core.pos.auth;
