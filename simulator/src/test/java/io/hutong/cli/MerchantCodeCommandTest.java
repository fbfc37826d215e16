package io.hutong.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.hutong.codec.text.Crc16;
import io.hutong.core.keys.SigningKeyStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.hutong.cli.CliRun.run;
import static io.hutong.cli.DecodeCommandTest.ALL_WALLETS;
import static io.hutong.cli.DecodeCommandTest.texts;
import static org.assertj.core.api.Assertions.assertThat;

class MerchantCodeCommandTest
{
    @TempDir
    Path data;

    @Test
    void shouldPrintUnsignedCardForEveryWallet()
    {
        final CliRun run = run("merchant-code", "--merchant-id", "M100200300", "--name", "Cafe Hutong",
            "--city", "Beijing", "--data", data.toString());

        assertThat(run.exitCode()).isEqualTo(HutongCli.EXIT_OK);
        assertThat(run.err()).isEmpty();
        final String payload = run.out().strip();
        assertThat(payload).startsWith("000201010211").doesNotContain("IO.HUTONG.SIG").doesNotContain("\n");
        assertThat(Files.exists(data.resolve(SigningKeyStore.KEYS_DIRECTORY))).as("no key without --sign").isFalse();

        final JsonNode json = run("decode", "--data", data.toString(), payload).json();
        assertThat(texts(json.get("wallets"))).containsExactlyElementsOf(ALL_WALLETS);
        assertThat(json.get("merchant").get("mcc").asText()).isEqualTo("5812");
        assertThat(json.get("merchant").get("currency").asText()).isEqualTo("156");
        assertThat(json.get("merchant").get("country").asText()).isEqualTo("CN");
        assertThat(json.get("signature").asText()).isEqualTo("absent");
    }

    @Test
    void shouldSignWithKeyCreatedInDataDirectoryAndVerifyWithDecode()
    {
        final CliRun signed = run("merchant-code", "--merchant-id", "M100200300", "--name", "老王面馆",
            "--city", "北京", "--amount", "23.50", "--sign", "--data", data.toString());

        assertThat(signed.exitCode()).as(signed.err()).isEqualTo(HutongCli.EXIT_OK);
        assertThat(signed.err()).contains("created development signing key");
        assertThat(data.resolve("keys").resolve(SigningKeyStore.PRIVATE_KEY_FILE)).exists();
        assertThat(data.resolve("keys").resolve(SigningKeyStore.PUBLIC_KEY_FILE)).exists();
        final String payload = signed.out().strip();
        assertThat(payload).contains("IO.HUTONG.SIG");

        final CliRun decoded = run("decode", "--data", data.toString(), payload);

        assertThat(decoded.exitCode()).isEqualTo(HutongCli.EXIT_OK);
        final JsonNode json = decoded.json();
        assertThat(json.get("signature").asText()).isEqualTo("valid");
        assertThat(json.get("signatureKeyId").asText()).isEqualTo(SigningKeyStore.openOrCreate(data).keyId());
        assertThat(json.get("initiation").asText()).isEqualTo("dynamic");
        assertThat(texts(json.get("wallets"))).containsExactlyElementsOf(ALL_WALLETS);
    }

    @Test
    void shouldReuseTheKeyOnLaterRuns()
    {
        run("merchant-code", "--merchant-id", "M1", "--name", "A", "--city", "B", "--sign", "--data", data.toString());

        final CliRun second = run("merchant-code", "--merchant-id", "M1", "--name", "A", "--city", "B", "--sign",
            "--data", data.toString());

        assertThat(second.exitCode()).isEqualTo(HutongCli.EXIT_OK);
        assertThat(second.err()).isEmpty();
        assertThat(run("decode", "--data", data.toString(), second.out().strip()).json().get("signature").asText())
            .isEqualTo("valid");
    }

    @Test
    void shouldReportSignatureInvalidUnderAnotherDataDirectory(@TempDir final Path other)
    {
        final String payload = run("merchant-code", "--merchant-id", "M1", "--name", "A", "--city", "B", "--sign",
            "--data", other.toString()).out().strip();

        final JsonNode untrusted = run("decode", "--data", data.toString(), payload).json();

        assertThat(untrusted.get("valid").asBoolean()).isTrue();
        assertThat(untrusted.get("signature").asText()).isEqualTo("invalid");
        assertThat(untrusted.get("signatureReason").asText()).contains("not trusted");
        assertThat(Files.exists(data.resolve("keys"))).as("decode never creates keys").isFalse();
    }

    @Test
    void shouldReportTamperedSignedCodeInvalid()
    {
        final String payload = run("merchant-code", "--merchant-id", "M100200300", "--name", "Cafe Hutong",
            "--city", "Beijing", "--sign", "--data", data.toString()).out().strip();
        final String tampered = Crc.fix(payload.replace("M100200300", "M100200301"));

        final JsonNode json = run("decode", "--data", data.toString(), tampered).json();

        assertThat(json.get("valid").asBoolean()).isTrue();
        assertThat(json.get("signature").asText()).isEqualTo("invalid");
    }

    @Test
    void shouldBuildCardForChosenWallets()
    {
        final CliRun run = run("merchant-code", "--merchant-id", "M1", "--name", "A", "--city", "B",
            "--wallets", "unionpay,wechat", "--data", data.toString());

        final JsonNode json = run("decode", "--data", data.toString(), run.out().strip()).json();
        assertThat(texts(json.get("wallets"))).containsExactly("unionpay", "wechat");
    }

    @Test
    void shouldWriteQrPngThatDecodesToThePayload(@TempDir final Path images)
    {
        final Path png = images.resolve("card.png");
        final CliRun run = run("merchant-code", "--merchant-id", "M1", "--name", "A", "--city", "B",
            "--out", png.toString(), "--data", data.toString());

        assertThat(run.exitCode()).isEqualTo(HutongCli.EXIT_OK);
        assertThat(png).exists();
        assertThat(run("decode", "--data", data.toString(), "--image", png.toString()).json())
            .isEqualTo(run("decode", "--data", data.toString(), run.out().strip()).json());
    }

    @Test
    void shouldRefuseBadFieldsWithExitTwoNamingTheField()
    {
        final CliRun longName = run("merchant-code", "--merchant-id", "M1", "--name", "N".repeat(26), "--city", "B",
            "--data", data.toString());
        final CliRun badMcc = run("merchant-code", "--merchant-id", "M1", "--name", "A", "--city", "B",
            "--mcc", "58A2", "--data", data.toString());
        final CliRun unknownWallet = run("merchant-code", "--merchant-id", "M1", "--name", "A", "--city", "B",
            "--wallets", "wechat,paypal", "--data", data.toString());

        assertThat(longName.exitCode()).isEqualTo(HutongCli.EXIT_INVALID);
        assertThat(longName.err()).contains("name=").doesNotContain("internal fault");
        assertThat(longName.out()).isEmpty();
        assertThat(badMcc.exitCode()).isEqualTo(HutongCli.EXIT_INVALID);
        assertThat(badMcc.err()).contains("mcc=58A2");
        assertThat(unknownWallet.exitCode()).isEqualTo(HutongCli.EXIT_INVALID);
        assertThat(unknownWallet.err()).contains("wallets=paypal");
    }

    @Test
    void shouldRefuseSignedCardTooLongForTheSignature()
    {
        final CliRun run = run("merchant-code", "--merchant-id", "M".repeat(30), "--name", "N".repeat(25),
            "--city", "C".repeat(15), "--sign", "--data", data.toString());

        assertThat(run.exitCode()).isEqualTo(HutongCli.EXIT_INVALID);
        assertThat(run.err()).contains("signed card").doesNotContain("internal fault");
    }

    @Test
    void shouldRefuseMissingRequiredOptions()
    {
        final CliRun run = run("merchant-code", "--name", "A", "--city", "B");

        assertThat(run.exitCode()).isEqualTo(HutongCli.EXIT_INVALID);
        assertThat(run.err()).contains("--merchant-id");
    }

    @Test
    void shouldReportCorruptKeyFileAsBadInputNotFault() throws IOException
    {
        final Path keys = Files.createDirectories(data.resolve(SigningKeyStore.KEYS_DIRECTORY));
        Files.writeString(keys.resolve(SigningKeyStore.PRIVATE_KEY_FILE), "not a key");
        Files.writeString(keys.resolve(SigningKeyStore.PUBLIC_KEY_FILE), "not a key");

        final CliRun sign = run("merchant-code", "--merchant-id", "M1", "--name", "A", "--city", "B", "--sign",
            "--data", data.toString());
        final String payload = run("merchant-code", "--merchant-id", "M1", "--name", "A", "--city", "B",
            "--data", data.toString()).out().strip();
        final CliRun decode = run("decode", "--data", data.toString(), payload);

        assertThat(sign.exitCode()).isEqualTo(HutongCli.EXIT_INVALID);
        assertThat(sign.err()).contains(SigningKeyStore.PRIVATE_KEY_NAME).doesNotContain("internal fault");
        assertThat(decode.exitCode()).isEqualTo(HutongCli.EXIT_INVALID);
        assertThat(decode.err()).contains(SigningKeyStore.PUBLIC_KEY_NAME).doesNotContain("internal fault");
    }

    @Test
    void shouldPrintHelp()
    {
        final CliRun run = run("merchant-code", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage:").contains("--merchant-id").contains("--sign").contains("--wallets");
    }

    /** CRC-16/CCITT-FALSE, for tampering tests. */
    static final class Crc
    {
        private Crc()
        {
        }

        static String fix(final String payload)
        {
            final String covered = payload.substring(0, payload.length() - 4);
            final byte[] bytes = covered.getBytes(StandardCharsets.UTF_8);
            return covered + String.format("%04X", Crc16.compute(bytes, 0, bytes.length));
        }
    }
}
