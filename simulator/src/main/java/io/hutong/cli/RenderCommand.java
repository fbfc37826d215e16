package io.hutong.cli;

import io.hutong.codec.image.CodeImageWriter;
import io.hutong.codec.image.QrErrorCorrection;
import io.hutong.codec.text.Ascii;
import org.agrona.concurrent.UnsafeBuffer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code hutong render CODE --out FILE.png}: draw a code as a scanner would see it. Numeric consumer codes
 * become a payment screen (Code 128 above a QR, as wallets show them); anything else a QR code.
 */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    header = "Write a payment code as a PNG (QR, or Code 128 + QR for numeric codes).",
    description = {
        "Write a payment code as a PNG: a numeric consumer code as a wallet's payment screen (Code 128 and QR),",
        "any other code (EMV, URL) as a QR code. Use `render --out F.png -- CODE` for a code starting with '-'." },
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = { "0:image written", "2:the code cannot be drawn", "1:internal fault" })
final class RenderCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CODE", description = "The code text.")
    private String code;

    @Option(names = "--out", required = true, paramLabel = "FILE.png", description = "Where to write the PNG.")
    private Path out;

    @Option(names = "--qr-only", description = "Draw only a QR code, even for a numeric code.")
    private boolean qrOnly;

    @Option(names = "--error-correction", defaultValue = "M", paramLabel = "L|M|Q|H",
        description = "QR error correction level (default: ${DEFAULT-VALUE}).")
    private QrErrorCorrection errorCorrection;

    @Override
    public Integer call() throws IOException
    {
        final CodeImageWriter writer = new CodeImageWriter().withErrorCorrection(errorCorrection);
        final byte[] bytes = code.getBytes(StandardCharsets.UTF_8);
        if (!qrOnly && Ascii.isAllDigits(new UnsafeBuffer(bytes), 0, bytes.length))
        {
            writer.writePaymentScreenPng(code, out);
        }
        else
        {
            writer.writeQrPng(code, out);
        }
        spec.commandLine().getErr().println("hutong render: wrote " + out);
        return HutongCli.EXIT_OK;
    }
}
