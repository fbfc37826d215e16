package io.hutong.codec.image;

import com.google.zxing.BarcodeFormat;

/**
 * The symbologies Hutong reads from and writes to images: the two a wallet's payment screen shows. Other
 * symbologies (EAN, ITF, Data Matrix) are deliberately not looked for: no wallet presents them, and every extra
 * format a reader tries adds false positives on noisy photos. The names are a wire contract (the {@code symbology}
 * field of {@code hutong decode --image}).
 * <p>
 * Immutable; safe to share between threads.
 */
public enum Symbology
{
    /** QR Code (ISO/IEC 18004): merchant-presented EMV and URL codes, and the QR half of a consumer code. */
    QR_CODE(BarcodeFormat.QR_CODE),
    /** Code 128 (ISO/IEC 15417): the linear barcode half of a consumer's one-time numeric code. */
    CODE_128(BarcodeFormat.CODE_128);

    private final BarcodeFormat zxingFormat;

    Symbology(final BarcodeFormat zxingFormat)
    {
        this.zxingFormat = zxingFormat;
    }

    /**
     * @return the ZXing format this symbology corresponds to.
     */
    BarcodeFormat zxingFormat()
    {
        return zxingFormat;
    }

    /**
     * Map a ZXing format back to a symbology.
     *
     * @param format reported by a ZXing reader.
     * @return the symbology, or {@code null} when the format is not one Hutong reads.
     */
    static Symbology of(final BarcodeFormat format)
    {
        if (format == BarcodeFormat.QR_CODE)
        {
            return QR_CODE;
        }
        if (format == BarcodeFormat.CODE_128)
        {
            return CODE_128;
        }
        return null;
    }
}
