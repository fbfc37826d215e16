package io.hutong.codec.image;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * QR Code error correction level (ISO/IEC 18004 clause 5.3.8): the share of codewords that may be damaged and
 * still recovered. Higher levels survive scratched or glare-hit screens but need a larger symbol for the same text.
 * <p>
 * Immutable; safe to share between threads.
 */
public enum QrErrorCorrection
{
    /** About 7% of codewords recoverable. */
    L(ErrorCorrectionLevel.L),
    /** About 15% of codewords recoverable; the usual choice for payment codes shown on screens. */
    M(ErrorCorrectionLevel.M),
    /** About 25% of codewords recoverable. */
    Q(ErrorCorrectionLevel.Q),
    /** About 30% of codewords recoverable; for printed stickers that get worn or have a logo overlaid. */
    H(ErrorCorrectionLevel.H);

    private final ErrorCorrectionLevel zxingLevel;

    QrErrorCorrection(final ErrorCorrectionLevel zxingLevel)
    {
        this.zxingLevel = zxingLevel;
    }

    /**
     * @return the corresponding ZXing level.
     */
    ErrorCorrectionLevel zxingLevel()
    {
        return zxingLevel;
    }
}
