package io.hutong.connector.gm;

/**
 * Constants of the Hutong national-cryptography wallet interface, version 1.0 (docs/wallet-interface-gm.md).
 */
public final class GmWire
{
    /** The {@code version} every request and response carries. */
    public static final String VERSION = "1.0";
    /** The HTTP header carrying the SM2 signature over the exact body bytes. */
    public static final String SIGNATURE_HEADER = "X-Hutong-Signature";
    /** Content type of requests and responses. */
    public static final String CONTENT_TYPE = "application/json; charset=utf-8";
    /** Largest body accepted, in bytes. */
    public static final int MAX_BODY_BYTES = 16 * 1024;
    /** Currency code for renminbi (ISO 4217 numeric), the only currency of version 1.0. */
    public static final int CURRENCY_CNY = 156;

    private GmWire()
    {
    }
}
