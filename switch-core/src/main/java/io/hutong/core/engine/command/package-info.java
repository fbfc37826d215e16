/**
 * The engine's inbound messages as they sit in its ring buffer: front ends' requests
 * ({@link io.hutong.core.engine.command.RequestDescriptor}, written with
 * {@link io.hutong.core.engine.command.RequestEncoder}, read in place with
 * {@link io.hutong.core.engine.command.RequestDecoder}) and connectors' results
 * ({@link io.hutong.core.engine.command.WalletResultCodec}). Fixed little-endian layouts, no allocation to read.
 */
package io.hutong.core.engine.command;
