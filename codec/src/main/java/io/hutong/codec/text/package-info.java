/**
 * Allocation-free text primitives shared by the decoders: ASCII digit and hex handling, UTF-8 character
 * walking (EMV lengths count characters) and the CRC-16/CCITT-FALSE checksum.
 */
package io.hutong.codec.text;
