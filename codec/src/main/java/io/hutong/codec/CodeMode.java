package io.hutong.codec;

/**
 * Who shows the code and who scans it.
 */
public enum CodeMode
{
    /** Merchant-presented: the consumer's wallet scanned the merchant's code; route to the payee wallet. */
    MPM,
    /** Consumer-presented: the merchant's POS scanned the consumer's code; route to the issuing wallet. */
    CPM
}
