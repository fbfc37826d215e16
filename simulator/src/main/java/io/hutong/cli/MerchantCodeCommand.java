package io.hutong.cli;

import io.hutong.codec.card.MerchantCodeCard;
import io.hutong.codec.card.MerchantCodeSignatures;
import io.hutong.codec.emv.mpm.MpmPayload;
import io.hutong.codec.image.CodeImageWriter;
import io.hutong.codec.registry.Participant;
import io.hutong.codec.registry.WalletRegistry;
import io.hutong.core.keys.SigningKeyStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code hutong merchant-code}: build one EMV merchant code card that every enrolled wallet can scan,
 * optionally signed with the switch's key; print the payload and optionally write it as a QR PNG.
 */
@Command(
    name = "merchant-code",
    mixinStandardHelpOptions = true,
    header = "Build one EMV merchant code card for every wallet, optionally signed.",
    description = {
        "Build one EMV merchant-presented code for every wallet the merchant is enrolled with",
        "(UnionPay in ID 15, the others in templates 26-51 with their GUIs), optionally signed with SM2/SM3.",
        "Prints the payload on one line; --out also writes it as a QR PNG." },
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = { "0:code built", "2:invalid option", "1:internal fault" })
final class MerchantCodeCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Option(names = "--merchant-id", required = true, paramLabel = "ID", description = "Merchant id in every account entry.")
    private String merchantId;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Merchant name (up to 25 characters).")
    private String name;

    @Option(names = "--city", required = true, paramLabel = "CITY", description = "Merchant city (up to 15 characters).")
    private String city;

    @Option(names = "--country", defaultValue = "CN", paramLabel = "CC", description = "ISO 3166 country (default: ${DEFAULT-VALUE}).")
    private String country;

    @Option(names = "--mcc", defaultValue = "5812", paramLabel = "MCC", description = "Merchant category code (default: ${DEFAULT-VALUE}).")
    private String mcc;

    @Option(names = "--currency", defaultValue = "156", paramLabel = "NUM", description = "ISO 4217 numeric currency (default: ${DEFAULT-VALUE}).")
    private String currency;

    @Option(names = "--amount", paramLabel = "A", description = "Amount, making a dynamic code (e.g. 23.50).")
    private String amount;

    @Option(names = "--wallets", split = ",", paramLabel = "ID",
        description = "Wallets the merchant is enrolled with (default: every participant with an MPM route).")
    private List<String> wallets;

    @Option(names = "--sign", description = "Sign the code with the switch's merchant-code key.")
    private boolean sign;

    @Option(names = "--out", paramLabel = "FILE.png", description = "Also write the code as a QR PNG.")
    private Path out;



    @Override
    public Integer call() throws IOException
    {
        final WalletRegistry registry = common.registry();
        final List<String> enrolled = wallets == null ? routableWallets(registry) : wallets;
        final MerchantCodeCard card = new MerchantCodeCard(merchantId, name, city, country, mcc, currency, amount, enrolled);
        final MpmPayload payload = card.toPayload(registry);

        final String text;
        if (sign)
        {
            final SigningKeyStore keys = SigningKeyStore.openOrCreate(common.dataDirectory());
            if (keys.created())
            {
                spec.commandLine().getErr().println("hutong merchant-code: " + keys.creationNote());
            }
            try
            {
                text = MerchantCodeSignatures.sign(payload, keys.signer());
            }
            catch (final IllegalArgumentException ex)
            {
                throw new IllegalArgumentException("signed card: " + ex.getMessage() +
                    " (the signature needs 148 characters; shorten the merchant id or list fewer wallets)", ex);
            }
        }
        else
        {
            text = payload.encode();
        }

        if (out != null)
        {
            new CodeImageWriter().writeQrPng(text, out);
        }
        spec.commandLine().getOut().println(text);
        spec.commandLine().getOut().flush();
        return HutongCli.EXIT_OK;
    }

    private static List<String> routableWallets(final WalletRegistry registry)
    {
        final List<String> ids = new ArrayList<>();
        for (final Participant participant : registry.participants())
        {
            if (registry.firstPrimitiveId(participant.index()) != WalletRegistry.NO_PARTICIPANT ||
                registry.firstGui(participant.index()) != null)
            {
                ids.add(participant.id());
            }
        }
        return ids;
    }
}
