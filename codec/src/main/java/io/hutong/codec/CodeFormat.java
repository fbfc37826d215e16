package io.hutong.codec;

/**
 * The payment-code formats Hutong recognises. The names are a wire contract (the {@code format} field of
 * {@code hutong decode}).
 */
public enum CodeFormat
{
    /** EMVCo merchant-presented QR payload (MPM v1.1): ID-length-value text with a CRC. */
    EMV_MPM(CodeMode.MPM),
    /** EMVCo consumer-presented QR payload (CPM v1.1): base64 of BER-TLV. */
    EMV_CPM(CodeMode.CPM),
    /** A wallet's numeric one-time consumer code (barcode / QR "付款码"). */
    NUMERIC(CodeMode.CPM),
    /** A wallet's merchant URL code ({@code wxp://...}, {@code https://qr.alipay.com/...}). */
    URL(CodeMode.MPM);

    private final CodeMode mode;

    CodeFormat(final CodeMode mode)
    {
        this.mode = mode;
    }

    /**
     * @return who presents a code of this format.
     */
    public CodeMode mode()
    {
        return mode;
    }
}
