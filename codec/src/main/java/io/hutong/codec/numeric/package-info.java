/**
 * Wallets' numeric one-time consumer codes (the digits under a payment barcode, "付款码"): per-wallet rules of
 * prefix range and length, loaded from the registry, and the allocation-free matcher that routes a code.
 */
package io.hutong.codec.numeric;
