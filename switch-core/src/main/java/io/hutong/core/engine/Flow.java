package io.hutong.core.engine;

/**
 * The three kinds of payment the engine drives.
 */
public enum Flow
{
    /** Consumer-presented: a POS scanned a consumer's code; the issuer wallet is debited. */
    CPM,
    /** Merchant-presented: a payer wallet's consumer scanned a merchant code; the payee wallet is credited. */
    MPM,
    /** A refund of an approved CPM payment. */
    REFUND
}
