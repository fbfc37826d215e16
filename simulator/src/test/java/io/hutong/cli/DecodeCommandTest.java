package io.hutong.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.hutong.codec.card.MerchantCodeCard;
import io.hutong.codec.image.CodeImageWriter;
import io.hutong.codec.registry.WalletRegistryLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.hutong.cli.CliRun.fieldNames;
import static io.hutong.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

class DecodeCommandTest
{
    static final String EMVCO_SPEC =
        "00020101021229300012D156000000000510A93FO3230Q31280012D15600000001030812345678520441115802CN" +
        "5914BEST TRANSPORT6007BEIJING64200002ZH0104最佳运输0202北京540523.7253031565502016233030412340603***" +
        "0708A60086670902ME91320016A0112233449988770708123456786304A13A";
    static final String CPM_SPEC_EXAMPLE_1 = "hQVDUFYwMWEaTwegAAAAVVVVVw8SNFZ4kBI0WNGRIgESNF8=";
    static final List<String> ALL_WALLETS = List.of("wechat", "alipay", "unionpay", "jdpay", "bestpay", "cmpay", "wopay");

    @TempDir
    Path data;

    @Test
    void shouldPrintNumericCodeMasked()
    {
        final CliRun run = decode("134567890123456789");

        assertThat(run.exitCode()).isEqualTo(HutongCli.EXIT_OK);
        assertThat(run.err()).isEmpty();
        final JsonNode json = run.json();
        assertThat(fieldNames(json)).containsExactly(
            "valid", "format", "mode", "wallet", "wallets", "provisional", "length", "code");
        assertThat(json.get("valid").asBoolean()).isTrue();
        assertThat(json.get("format").asText()).isEqualTo("NUMERIC");
        assertThat(json.get("mode").asText()).isEqualTo("CPM");
        assertThat(json.get("wallet").asText()).isEqualTo("wechat");
        assertThat(texts(json.get("wallets"))).containsExactly("wechat");
        assertThat(json.get("provisional").asBoolean()).isFalse();
        assertThat(json.get("code").asText()).isEqualTo("134567********6789");
        assertThat(run.out()).doesNotContain("134567890123456789");
    }

    @Test
    void shouldDecodePixStaticCodeWithoutPointOfInitiationAsStaticWithNoWallet()
    {
        final CliRun run = decode("00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-426655440000" +
            "5204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***63041D3D");

        assertThat(run.exitCode()).isEqualTo(HutongCli.EXIT_OK);
        final JsonNode json = run.json();
        assertThat(json.get("initiation").asText()).isEqualTo("static");
        assertThat(json.get("wallet").isNull()).isTrue();
        assertThat(json.get("merchant").get("mcc").asText()).isEqualTo("0000");
        assertThat(json.get("accounts").get(0).get("id").asText()).isEqualTo("26");
        assertThat(json.get("accounts").get(0).get("gui").asText()).isEqualTo("br.gov.bcb.pix");
        assertThat(json.get("signature").asText()).isEqualTo("absent");
    }

    @Test
    void shouldFlagProvisionalRouting()
    {
        final JsonNode json = decode("801234567890123456").json();

        assertThat(json.get("wallet").asText()).isEqualTo("cmpay");
        assertThat(json.get("provisional").asBoolean()).isTrue();
    }

    @Test
    void shouldPrintMerchantCodeFieldsOfTheContract()
    {
        final String payload = new MerchantCodeCard("M000123456", "老王面馆", "北京", "CN", "5812", "156", "23.50",
            ALL_WALLETS).toPayload(WalletRegistryLoader.defaults()).encode();

        final CliRun run = decode(payload);

        assertThat(run.exitCode()).isEqualTo(HutongCli.EXIT_OK);
        final JsonNode json = run.json();
        assertThat(fieldNames(json)).containsExactly("valid", "format", "mode", "wallet", "wallets", "provisional",
            "merchant", "accounts", "initiation", "signature", "characters");
        assertThat(json.get("format").asText()).isEqualTo("EMV_MPM");
        assertThat(json.get("mode").asText()).isEqualTo("MPM");
        assertThat(json.get("wallet").asText()).isEqualTo("wechat");
        assertThat(texts(json.get("wallets"))).containsExactlyElementsOf(ALL_WALLETS);

        final JsonNode merchant = json.get("merchant");
        assertThat(fieldNames(merchant)).containsExactly(
            "name", "city", "country", "mcc", "currency", "amount", "postalCode");
        assertThat(merchant.get("name").asText()).isEqualTo("老王面馆");
        assertThat(merchant.get("city").asText()).isEqualTo("北京");
        assertThat(merchant.get("country").asText()).isEqualTo("CN");
        assertThat(merchant.get("mcc").asText()).isEqualTo("5812");
        assertThat(merchant.get("currency").asText()).isEqualTo("156");
        assertThat(merchant.get("amount").asText()).isEqualTo("23.50");
        assertThat(merchant.get("postalCode").isNull()).isTrue();

        final JsonNode accounts = json.get("accounts");
        assertThat(accounts).hasSize(7);
        assertThat(fieldNames(accounts.get(0))).containsExactly("id", "gui", "value", "wallet");
        assertThat(accounts.get(0).get("id").asText()).isEqualTo("26");
        assertThat(accounts.get(0).get("gui").asText()).isEqualTo("COM.QQ.WEIXIN.PAY");
        assertThat(accounts.get(0).get("value").asText()).isEqualTo("M000123456");
        assertThat(fieldNames(accounts.get(2))).containsExactly("id", "value", "wallet");
        assertThat(accounts.get(2).get("id").asText()).isEqualTo("15");
        assertThat(accounts.get(2).get("wallet").asText()).isEqualTo("unionpay");

        assertThat(json.get("initiation").asText()).isEqualTo("dynamic");
        assertThat(json.get("signature").asText()).isEqualTo("absent");
    }

    @Test
    void shouldPrintGoldenMerchantCodeWithNoWalletAndAlternateLanguage()
    {
        final JsonNode json = decode(EMVCO_SPEC).json();

        assertThat(json.get("valid").asBoolean()).isTrue();
        assertThat(json.get("wallet").isNull()).isTrue();
        assertThat(json.get("wallets")).isEmpty();
        assertThat(json.get("initiation").asText()).isEqualTo("dynamic");
        assertThat(json.get("merchant").get("alternateLanguage").get("name").asText()).isEqualTo("最佳运输");
        assertThat(json.get("accounts").get(0).get("id").asText()).isEqualTo("29");
        assertThat(json.get("accounts").get(0).has("wallet")).isFalse();
    }

    @Test
    void shouldPrintConsumerCodeWithMaskedPan()
    {
        final CliRun run = decode(CPM_SPEC_EXAMPLE_1);

        assertThat(run.exitCode()).isEqualTo(HutongCli.EXIT_OK);
        final JsonNode json = run.json();
        assertThat(fieldNames(json)).containsExactly(
            "valid", "format", "mode", "wallet", "wallets", "provisional", "aids", "applications", "pan");
        assertThat(json.get("format").asText()).isEqualTo("EMV_CPM");
        assertThat(json.get("mode").asText()).isEqualTo("CPM");
        assertThat(json.get("wallet").isNull()).isTrue();
        assertThat(texts(json.get("aids"))).containsExactly("A0000000555555");
        assertThat(json.get("pan").asText()).isEqualTo("123456******3458");
        assertThat(run.out()).doesNotContain("1234567890123458");
    }

    @Test
    void shouldPrintMerchantUrl()
    {
        final JsonNode json = decode("https://qr.alipay.com/bax01234").json();

        assertThat(fieldNames(json)).containsExactly("valid", "format", "mode", "wallet", "wallets", "provisional", "url");
        assertThat(json.get("format").asText()).isEqualTo("URL");
        assertThat(json.get("wallet").asText()).isEqualTo("alipay");
        assertThat(json.get("url").asText()).isEqualTo("https://qr.alipay.com/bax01234");
    }

    @Test
    void shouldPrintErrorObjectAndExitTwo()
    {
        final String badCrc = EMVCO_SPEC.substring(0, EMVCO_SPEC.length() - 4) + "FFFF";

        final CliRun run = decode(badCrc);

        assertThat(run.exitCode()).isEqualTo(HutongCli.EXIT_INVALID);
        final JsonNode json = run.json();
        assertThat(fieldNames(json)).containsExactly("valid", "error", "message", "offset", "format");
        assertThat(json.get("valid").asBoolean()).isFalse();
        assertThat(json.get("error").asText()).isEqualTo("CRC_MISMATCH");
        assertThat(json.get("message").asText()).isNotEmpty();
        assertThat(json.get("offset").isInt()).isTrue();
        assertThat(json.get("format").asText()).isEqualTo("EMV_MPM");
    }

    @Test
    void shouldReportErrorOffsetWithinTheCode()
    {
        final String badCrc = EMVCO_SPEC.substring(0, EMVCO_SPEC.length() - 4) + "FFFF";

        final int plain = decode(badCrc).json().get("offset").asInt();
        final int padded = decode("  " + badCrc + "\r\n").json().get("offset").asInt();

        assertThat(padded).isEqualTo(plain);
    }

    @Test
    void shouldPrintUnknownIssuerAndUnsupportedFormat()
    {
        final CliRun unknown = decode("990000000000000000");
        final CliRun garbage = decode("hello");

        assertThat(unknown.exitCode()).isEqualTo(HutongCli.EXIT_INVALID);
        assertThat(unknown.json().get("error").asText()).isEqualTo("UNKNOWN_ISSUER");
        assertThat(garbage.exitCode()).isEqualTo(HutongCli.EXIT_INVALID);
        assertThat(fieldNames(garbage.json())).containsExactly("valid", "error", "message", "offset");
        assertThat(garbage.json().get("error").asText()).isEqualTo("UNSUPPORTED_FORMAT");
        assertThat(garbage.json().get("offset").asInt()).isZero();
    }

    @Test
    void shouldTreatCodeAfterDoubleDashAsCodeNotOption()
    {
        final CliRun run = run("decode", "--data", data.toString(), "--", "-abc");

        assertThat(run.exitCode()).isEqualTo(HutongCli.EXIT_INVALID);
        assertThat(run.err()).isEmpty();
        final JsonNode json = run.json();
        assertThat(json.get("valid").asBoolean()).isFalse();
        assertThat(json.get("error").asText()).isEqualTo("UNSUPPORTED_FORMAT");
    }

    @Test
    void shouldIndentWithPretty()
    {
        final CliRun run = run("decode", "--pretty", "--data", data.toString(), "134567890123456789");

        assertThat(run.exitCode()).isEqualTo(HutongCli.EXIT_OK);
        assertThat(run.out().strip().split("\n").length).isGreaterThan(1);
    }

    @Test
    void shouldDecodeImageAsItsText(@TempDir final Path images) throws IOException
    {
        final String payload = new MerchantCodeCard("M000123456", "老王面馆", "北京", "CN", "5812", "156", null,
            ALL_WALLETS).toPayload(WalletRegistryLoader.defaults()).encode();
        final Path png = images.resolve("card.png");
        new CodeImageWriter().writeQrPng(payload, png);

        final CliRun fromImage = run("decode", "--data", data.toString(), "--image", png.toString());
        final CliRun fromText = decode(payload);

        assertThat(fromImage.exitCode()).isEqualTo(HutongCli.EXIT_OK);
        assertThat(fromImage.json()).isEqualTo(fromText.json());
    }

    @Test
    void shouldReportNonImageAsJsonError(@TempDir final Path files) throws IOException
    {
        final Path text = files.resolve("not-an-image.png");
        Files.writeString(text, "this is not a PNG");

        final CliRun run = run("decode", "--data", data.toString(), "--image", text.toString());

        assertThat(run.exitCode()).isEqualTo(HutongCli.EXIT_INVALID);
        final JsonNode json = run.json();
        assertThat(fieldNames(json)).containsExactly("valid", "error", "message", "offset");
        assertThat(json.get("valid").asBoolean()).isFalse();
        assertThat(json.get("error").asText()).isEqualTo("UNSUPPORTED_FORMAT");
        assertThat(json.get("message").asText()).contains(text.toString());
    }

    @Test
    void shouldReportMissingImageAsJsonError(@TempDir final Path files)
    {
        final CliRun run = run("decode", "--data", data.toString(), "--image", files.resolve("nothing.png").toString());

        assertThat(run.exitCode()).isEqualTo(HutongCli.EXIT_INVALID);
        assertThat(run.json().get("error").asText()).isEqualTo("UNSUPPORTED_FORMAT");
    }

    @Test
    void shouldRefuseCodeAndImageTogether(@TempDir final Path files)
    {
        final CliRun run = run("decode", "--data", data.toString(), "--image", files.resolve("x.png").toString(),
            "134567890123456789");

        assertThat(run.exitCode()).isEqualTo(HutongCli.EXIT_INVALID);
        assertThat(run.err()).contains("either CODE or --image");
    }

    @Test
    void shouldRouteWithUserRegistry(@TempDir final Path files) throws IOException
    {
        final Path registry = files.resolve("registry.yaml");
        Files.writeString(registry, "participants:\n  ecny:\n    name: e-CNY\n    numeric:\n" +
            "      - {prefixes: \"01\", lengths: \"19\", status: secondary}\n");

        final CliRun run = run("decode", "--data", data.toString(), "--registry", registry.toString(),
            "0123456789012345678");

        assertThat(run.exitCode()).isEqualTo(HutongCli.EXIT_OK);
        assertThat(run.json().get("wallet").asText()).isEqualTo("ecny");
    }

    @Test
    void shouldRefuseBadRegistryNamingTheKey(@TempDir final Path files) throws IOException
    {
        final Path registry = files.resolve("registry.yaml");
        Files.writeString(registry, "participants:\n  wechat:\n    name: WeChat Pay\n    numeric:\n" +
            "      - {prefixes: \"10-19\", lengths: \"18\", status: secondary}\n");

        final CliRun run = run("decode", "--data", data.toString(), "--registry", registry.toString(),
            "134567890123456789");

        assertThat(run.exitCode()).isEqualTo(HutongCli.EXIT_INVALID);
        assertThat(run.err()).contains("participants.wechat.numeric[0]").doesNotContain("internal fault");
    }

    @Test
    void shouldExitTwoOnUnknownOption()
    {
        final CliRun run = run("decode", "--no-such-option", "134567890123456789");

        assertThat(run.exitCode()).isEqualTo(HutongCli.EXIT_INVALID);
        assertThat(run.err()).contains("--no-such-option");
    }

    @Test
    void shouldPrintHelp()
    {
        final CliRun decode = run("decode", "--help");
        final CliRun top = run("--help");

        assertThat(decode.exitCode()).isZero();
        assertThat(decode.out()).contains("Usage:").contains("--image").contains("--registry").contains("--data");
        assertThat(top.exitCode()).isZero();
        assertThat(top.out()).contains("decode").contains("merchant-code");
    }

    private CliRun decode(final String code)
    {
        return run("decode", "--data", data.toString(), code);
    }

    static List<String> texts(final JsonNode array)
    {
        final List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }
}
