package io.hutong.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hutong.codec.CodeError;
import io.hutong.codec.CodeFormat;
import io.hutong.codec.card.MerchantCodeSignatures;
import io.hutong.codec.card.SignatureCheck;
import io.hutong.codec.classify.Classification;
import io.hutong.codec.classify.ClassificationJson;
import io.hutong.codec.classify.CodeClassifier;
import io.hutong.codec.image.CodeImageReader;
import io.hutong.codec.image.DecodedCode;
import io.hutong.codec.image.ImageReadResult;
import io.hutong.codec.registry.WalletRegistry;
import io.hutong.codec.sign.TrustedKeys;
import io.hutong.core.keys.SigningKeyStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code hutong decode [--image FILE] [CODE]}: decode, classify and route one payment code and print one JSON
 * object. Exit 0 for a valid code, 2 for an invalid one, 1 for an internal fault.
 */
@Command(
    name = "decode",
    mixinStandardHelpOptions = true,
    header = "Decode, classify and route a payment code; print JSON.",
    description = {
        "Decode, classify and route a payment code: EMV merchant-presented (MPM) or consumer-presented (CPM),",
        "a wallet's numeric consumer code, or a merchant URL. Prints one JSON object on stdout.",
        "Reads CODE, or the QR code / Code 128 in --image, or standard input when neither is given.",
        "Use `decode -- CODE` for a code that starts with '-'." },
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = { "0:valid code", "2:invalid code or input", "1:internal fault" })
final class DecodeCommand implements Callable<Integer>
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long STDIN_TIMEOUT_MS = 5_000;

    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Parameters(index = "0", arity = "0..1", paramLabel = "CODE", description = "The scanned code text.")
    private String code;

    @Option(names = "--image", paramLabel = "FILE", description = "Read the code from a PNG or JPEG image.")
    private Path image;



    @Option(names = "--pretty", description = "Indent the JSON.")
    private boolean pretty;

    @Override
    public Integer call() throws IOException
    {
        final WalletRegistry registry = common.registry();
        if (code != null && image != null)
        {
            throw new IllegalArgumentException("give either CODE or --image, not both");
        }

        final String text;
        if (image != null)
        {
            final ImageReadResult read = new CodeImageReader().read(image);
            if (!read.isSuccess())
            {
                return print(error(CodeError.UNSUPPORTED_FORMAT, image + ": " + read.message()), HutongCli.EXIT_INVALID);
            }
            final DecodedCode first = read.codes().get(0);
            text = first.text();
        }
        else if (code != null)
        {
            text = code;
        }
        else
        {
            text = readStandardInput();
        }

        final CodeClassifier classifier = new CodeClassifier(registry);
        final Classification result = classifier.classify(text);
        SignatureCheck signature = null;
        if (result.isValid() && result.format() == CodeFormat.EMV_MPM)
        {
            final TrustedKeys trusted = SigningKeyStore.trustedKeysIfPresent(common.dataDirectory());
            signature = MerchantCodeSignatures.verify(result.mpm(), trusted);
        }
        final ObjectNode node = ClassificationJson.render(result, registry, signature);
        return print(node, result.isValid() ? HutongCli.EXIT_OK : HutongCli.EXIT_INVALID);
    }

    /**
     * The code piped on standard input. A scanner or script writes it at once; an inherited stdin that nobody
     * writes to (a terminal, a harness's open pipe) must not hang the command: after {@link #STDIN_TIMEOUT_MS}
     * it decodes what arrived, or gives the usage hint when nothing did.
     */
    private String readStandardInput() throws IOException
    {
        final String noCode = "no CODE given: pass a code, --image FILE, or pipe the code on stdin";
        if (System.console() != null)
        {
            throw new IllegalArgumentException(noCode);
        }
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final IOException[] failure = new IOException[1];
        final Thread reader = new Thread(() ->
        {
            final byte[] chunk = new byte[4096];
            try
            {
                int read;
                while ((read = System.in.read(chunk)) > 0 && out.size() <= CodeClassifier.MAX_INPUT_BYTES * 2)
                {
                    synchronized (out)
                    {
                        out.write(chunk, 0, read);
                    }
                }
            }
            catch (final IOException ex)
            {
                failure[0] = ex;
            }
        }, "hutong-stdin");
        reader.setDaemon(true);
        reader.start();
        try
        {
            reader.join(STDIN_TIMEOUT_MS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        if (reader.isAlive() && out.size() == 0)
        {
            throw new IllegalArgumentException(noCode + " (nothing arrived within " + STDIN_TIMEOUT_MS + " ms)");
        }
        if (failure[0] != null && out.size() == 0)
        {
            throw failure[0];
        }
        synchronized (out)
        {
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    private static ObjectNode error(final CodeError error, final String message)
    {
        final ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("valid", false);
        node.put("error", error.name());
        node.put("message", message);
        node.put("offset", 0);
        return node;
    }

    private int print(final ObjectNode node, final int exitCode) throws IOException
    {
        final PrintWriter out = spec.commandLine().getOut();
        out.println(pretty ? JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) : JSON.writeValueAsString(node));
        out.flush();
        return exitCode;
    }
}
