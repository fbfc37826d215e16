/**
 * Payment codes as pictures: reading QR codes and Code 128 barcodes out of PNG/JPEG screenshots and photos of
 * phone screens, and drawing them for merchants' stickers, test fixtures and the simulator's "payment screen".
 * <pre>
 *   PNG/JPEG bytes --BoundedImageLoader--> BufferedImage --CodeImageReader--> ImageReadResult
 *   (size-capped,     (magic-number sniff,                  (ZXing: scales x      codes: [DecodedCode
 *    never throws)     pixel cap from header)                rotations x           (symbology, text)]
 *                                                            binarizers)           or ImageReadError
 *
 *   text / digits --CodeImageWriter--> BufferedImage --> PNG (Path / OutputStream)
 *                  (SymbolEncoder validates first: UnencodableContentException)
 * </pre>
 * Decoded text goes on to {@code io.hutong.codec.classify} like text from a hardware scanner. Reading untrusted
 * images reports failure as values ({@link io.hutong.codec.image.ImageReadError}); writers throw on content that
 * cannot be encoded. Everything works with {@code java.awt.headless=true} and changes no global AWT or ImageIO
 * setting. Nothing here is on the hot path: image work allocates freely.
 */
package io.hutong.codec.image;
