/**
 * Wallets' merchant URL codes ({@code wxp://...}, {@code https://qr.alipay.com/...}): per-wallet prefixes
 * from the registry and the allocation-free matcher that routes a scanned URL to the payee wallet.
 */
package io.hutong.codec.url;
