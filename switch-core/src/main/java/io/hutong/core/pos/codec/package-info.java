/**
 * The POS terminal binary protocol, version 1 (docs/pos-protocol.md): frame layouts as descriptors, flyweight
 * decoders and encoders over Agrona buffers, the HMAC-SM3 frame MAC, and the wire codes of messages, statuses and
 * reasons. No I/O and no Netty: the Netty server and the POS load generator sit on top of this and of
 * {@link io.hutong.core.pos.auth}.
 * <pre>
 *   TCP stream:  [len u16 LE][frame] [len][frame] ...      LengthFieldBasedFrameDecoder / PosFraming
 *                      |
 *                      v
 *   frame:       header 28 | body (fixed block + var fields) | MAC 32      PosFrameDescriptor
 *                      |
 *   PosFrameDecoder.wrap(buffer, offset, length).decode() -&gt; PosReason     header rules, then
 *                      |                                                   the body decoder's rules
 *                      +-- logon() logonAck() heartbeat() error()           flyweights, read in place
 *                          pay() txnReference() refund() result()
 *
 *   PosFrameEncoder.pay(buffer, offset) -&gt; PayEncoder ... finish(terminalId, sequence, flags, FrameMac)
 *                                                      = prefix + header + body + HMAC-SM3
 * </pre>
 * Decoders never throw for any input and return a typed {@link io.hutong.core.pos.codec.PosReason}; decoding,
 * encoding and MAC computing and checking allocate nothing once warm. Not thread-safe: one decoder, encoder and
 * {@link io.hutong.core.pos.codec.FrameMac} per connection or thread; descriptors and enums are constants.
 */
package io.hutong.core.pos.codec;
