/**
 * The participant registry: which wallets take part and every rule that routes a code to one of them.
 * Built-in defaults live in {@code wallets.yaml} (each rule marked verified, secondary or provisional);
 * a user file overlays them. Loading validates everything and refuses rules that could claim the same code.
 */
package io.hutong.codec.registry;
