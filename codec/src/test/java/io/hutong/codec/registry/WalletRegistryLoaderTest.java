package io.hutong.codec.registry;

import io.hutong.codec.numeric.NumericCodeMatcher;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.hutong.codec.registry.WalletRegistryDefaultsTest.ascii;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * User registry files: overlay, replacement and every refusal, each naming the key at fault.
 */
class WalletRegistryLoaderTest
{
    @TempDir
    Path directory;

    @Test
    void shouldReplaceParticipantByIdInPlaceAndAddNewOnes() throws IOException
    {
        final WalletRegistry registry = WalletRegistryLoader.load(write(
            "participants:\n" +
            "  cmpay:\n" +
            "    name: Hebao (confirmed)\n" +
            "    connector: cmpay-v2\n" +
            "    numeric:\n" +
            "      - {prefixes: \"81\", lengths: \"18\", status: verified}\n" +
            "  ecny:\n" +
            "    name: e-CNY\n" +
            "    numeric:\n" +
            "      - {prefixes: \"01\", lengths: \"19\", status: secondary}\n" +
            "    mpmGuis:\n" +
            "      - {gui: \"CN.ECNY\", status: provisional}\n"));

        assertThat(registry.participants()).extracting(Participant::id)
            .containsExactly("wechat", "alipay", "unionpay", "jdpay", "bestpay", "cmpay", "wopay", "ecny");
        final Participant cmpay = registry.participant("cmpay");
        assertThat(cmpay.name()).isEqualTo("Hebao (confirmed)");
        assertThat(cmpay.connector()).isEqualTo("cmpay-v2");
        assertThat(registry.participant("ecny").connector()).isEqualTo("ecny");
        assertThat(numericWallet(registry, "810000000000000000")).isEqualTo("cmpay");
        assertThat(numericWallet(registry, "800000000000000000")).as("the replaced rule is gone").isNull();
        assertThat(numericWallet(registry, "0123456789012345678")).isEqualTo("ecny");
        assertThat(numericWallet(registry, "100000000000000000")).as("defaults kept").isEqualTo("wechat");
        assertThat(registry.firstGui(cmpay.index())).as("the whole participant is replaced").isNull();
        assertThat(registry.firstGui(registry.participant("ecny").index())).isEqualTo("CN.ECNY");
    }

    @Test
    void shouldStartFromNothingWhenReplacingDefaults() throws IOException
    {
        final WalletRegistry registry = WalletRegistryLoader.load(write(
            "replaceDefaults: true\n" +
            "participants:\n" +
            "  pix:\n" +
            "    name: Pix\n" +
            "    mpmGuis:\n" +
            "      - {gui: \"br.gov.bcb.pix\", status: verified}\n" +
            "  wechat:\n" +
            "    name: WeChat Pay\n" +
            "    numeric:\n" +
            "      - {prefixes: \"10-19\", lengths: \"18\", status: provisional}\n"));

        assertThat(registry.participants()).extracting(Participant::id).containsExactly("pix", "wechat");
        assertThat(numericWallet(registry, "180000000000000000")).as("no jdpay to overlap").isEqualTo("wechat");
        assertThat(registry.urlMatcher().match(ascii("wxp://abc"), 0, 9)).isEqualTo(-1);
    }

    @Test
    void shouldKeepDefaultsWhenFileNamesNoParticipants() throws IOException
    {
        final WalletRegistry registry = WalletRegistryLoader.load(write("replaceDefaults: false\n"));

        assertThat(registry.participants()).hasSize(7);
    }

    @Test
    void shouldRefuseWidenedWeChatRuleSwallowingJdPay() throws IOException
    {
        final Path file = write(
            "participants:\n" +
            "  wechat:\n" +
            "    name: WeChat Pay\n" +
            "    numeric:\n" +
            "      - {prefixes: \"10-19\", lengths: \"18\", status: secondary}\n");

        assertThatThrownBy(() -> WalletRegistryLoader.load(file))
            .isInstanceOf(RegistryException.class)
            .hasMessageContaining("participants.wechat.numeric[0]")
            .hasMessageContaining("participants.jdpay.numeric[0]")
            .hasMessageContaining("10-19")
            .hasMessageContaining("overlaps");
    }

    @Test
    void shouldRefuseOverlapBetweenPrefixesOfDifferentWidths() throws IOException
    {
        final Path file = write(
            "replaceDefaults: true\n" +
            "participants:\n" +
            "  short:\n" +
            "    name: Short\n" +
            "    numeric:\n" +
            "      - {prefixes: \"1\", lengths: \"16-18\", status: provisional}\n" +
            "  long:\n" +
            "    name: Long\n" +
            "    numeric:\n" +
            "      - {prefixes: \"18\", lengths: \"18-20\", status: provisional}\n");

        assertThatThrownBy(() -> WalletRegistryLoader.load(file))
            .isInstanceOf(RegistryException.class)
            .hasMessageStartingWith("participants.long.numeric[0]=")
            .hasMessageContaining("overlaps participants.short.numeric[0]");
    }

    @Test
    void shouldAcceptSamePrefixWithDisjointLengths() throws IOException
    {
        final WalletRegistry registry = WalletRegistryLoader.load(write(
            "replaceDefaults: true\n" +
            "participants:\n" +
            "  short:\n" +
            "    name: Short\n" +
            "    numeric:\n" +
            "      - {prefixes: \"1\", lengths: \"16-17\", status: provisional}\n" +
            "  long:\n" +
            "    name: Long\n" +
            "    numeric:\n" +
            "      - {prefixes: \"18\", lengths: \"18-20\", status: provisional}\n"));

        assertThat(numericWallet(registry, "1800000000000000")).isEqualTo("short");
        assertThat(numericWallet(registry, "180000000000000000")).isEqualTo("long");
    }

    @Test
    void shouldRefuseOverlapWithinOneParticipant() throws IOException
    {
        final Path file = write(
            "participants:\n" +
            "  newpay:\n" +
            "    name: New Pay\n" +
            "    numeric:\n" +
            "      - {prefixes: \"70-72\", lengths: \"18\", status: provisional}\n" +
            "      - {prefixes: \"72\", lengths: \"17-18\", status: provisional}\n");

        assertThatThrownBy(() -> WalletRegistryLoader.load(file))
            .hasMessageStartingWith("participants.newpay.numeric[1]=")
            .hasMessageContaining("participants.newpay.numeric[0]");
    }

    @Test
    void shouldRefuseGuiAlreadyRoutedIgnoringCase() throws IOException
    {
        assertRefused(participant("    mpmGuis:\n      - {gui: \"com.alipay\", status: provisional}\n"),
            "participants.newpay.mpmGuis[0].gui=com.alipay", "alipay");
    }

    @Test
    void shouldRefuseGuiThatIsNotPrintableAscii() throws IOException
    {
        assertRefused(participant("    mpmGuis:\n      - {gui: \"COM PAY\", status: provisional}\n"),
            "participants.newpay.mpmGuis[0].gui=COM PAY", "printable ASCII");
        assertRefused(participant("    mpmGuis:\n      - {gui: \"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456\", status: provisional}\n"),
            "participants.newpay.mpmGuis[0].gui=", "1..32");
    }

    @Test
    void shouldRefuseDuplicatePrimitiveId() throws IOException
    {
        assertRefused(participant("    mpmPrimitiveIds:\n      - {id: 15, status: provisional}\n"),
            "participants.newpay.mpmPrimitiveIds[0].id=15", "unionpay");
    }

    @Test
    void shouldRefusePrimitiveIdOutsideTwoToTwentyFive() throws IOException
    {
        for (final int id : new int[]{ 0, 1, 26, 51, 99 })
        {
            assertRefused(participant("    mpmPrimitiveIds:\n      - {id: " + id + ", status: provisional}\n"),
                "participants.newpay.mpmPrimitiveIds[0].id=" + id, "02..25");
        }
        assertThat(WalletRegistryLoader.load(participant("    mpmPrimitiveIds:\n      - {id: 2, status: provisional}\n" +
            "      - {id: 25, status: provisional}\n")).participantForPrimitiveId(25)).isEqualTo(7);
    }

    @Test
    void shouldRefuseAidThatIsNotHexadecimal() throws IOException
    {
        assertRefused(participant("    cpmAids:\n      - {aid: \"A00000077G\", status: provisional}\n"),
            "participants.newpay.cpmAids[0].aid=A00000077G", "hexadecimal");
    }

    @Test
    void shouldRefuseAidOfOddLengthOrOutsideFiveToSixteenBytes() throws IOException
    {
        assertRefused(participant("    cpmAids:\n      - {aid: \"A0000007771\", status: provisional}\n"),
            "participants.newpay.cpmAids[0].aid=A0000007771", "hexadecimal");
        assertRefused(participant("    cpmAids:\n      - {aid: \"A0000007\", status: provisional}\n"),
            "participants.newpay.cpmAids[0].aid=A0000007", "5..16 bytes");
    }

    @Test
    void shouldRefuseAidThatExtendsAnotherParticipantsAid() throws IOException
    {
        assertRefused(participant("    cpmAids:\n      - {aid: \"a00000033301\", status: provisional}\n"),
            "participants.newpay.cpmAids[0].aid=A00000033301", "participants.unionpay.cpmAids[0].aid");
    }

    @Test
    void shouldRefuseAidThatIsAPrefixOfAnotherParticipantsAid() throws IOException
    {
        final Path file = write(
            "participants:\n" +
            "  unionpay:\n" +
            "    name: UnionPay\n" +
            "    cpmAids:\n" +
            "      - {aid: \"A000000333010101\", status: verified}\n" +
            "  newpay:\n" +
            "    name: New Pay\n" +
            "    cpmAids:\n" +
            "      - {aid: \"A000000333\", status: provisional}\n");

        assertRefused(file, "participants.newpay.cpmAids[0].aid=A000000333", "participants.unionpay.cpmAids[0].aid");
    }

    @Test
    void shouldRefuseUrlPrefixThatOverlapsAnother() throws IOException
    {
        assertRefused(participant("    urls:\n      - {prefix: \"HTTPS://QR.ALIPAY.COM/pay/\", status: provisional}\n"),
            "participants.newpay.urls[0].prefix=HTTPS://QR.ALIPAY.COM/pay/", "participants.alipay.urls[0]");
        assertRefused(participant("    urls:\n      - {prefix: \"https://qr.\", status: provisional}\n"),
            "participants.newpay.urls[0].prefix=https://qr.", "overlaps");
    }

    @Test
    void shouldRefuseUrlPrefixWithoutScheme() throws IOException
    {
        assertRefused(participant("    urls:\n      - {prefix: \"qr.newpay.cn/\", status: provisional}\n"),
            "participants.newpay.urls[0].prefix=qr.newpay.cn/", "scheme");
    }

    @Test
    void shouldRefuseUnknownKeyNamingIt() throws IOException
    {
        assertRefused(participant("    numeric:\n      - {prefixs: \"70\", lengths: \"18\", status: provisional}\n"),
            "prefixs");
        assertRefused(write("participant:\n  newpay:\n    name: New Pay\n"), "participant");
    }

    @Test
    void shouldRefuseUnknownStatus() throws IOException
    {
        assertRefused(participant("    numeric:\n      - {prefixes: \"70\", lengths: \"18\", status: rumoured}\n"),
            "rumoured");
    }

    @Test
    void shouldRefuseRuleWithoutStatus() throws IOException
    {
        assertRefused(participant("    numeric:\n      - {prefixes: \"70\", lengths: \"18\"}\n"),
            "participants.newpay.numeric[0].status: required");
        assertRefused(participant("    urls:\n      - {prefix: \"https://newpay.cn/\"}\n"),
            "participants.newpay.urls[0].status: required");
        assertRefused(participant("    mpmGuis:\n      - {gui: \"CN.NEWPAY\"}\n"),
            "participants.newpay.mpmGuis[0].gui.status: required");
        assertRefused(participant("    mpmPrimitiveIds:\n      - {id: 20}\n"),
            "participants.newpay.mpmPrimitiveIds[0].id.status: required");
        assertRefused(participant("    cpmAids:\n      - {aid: \"A000000777\"}\n"),
            "participants.newpay.cpmAids[0].aid.status: required");
    }

    @Test
    void shouldRefuseMalformedNumericRule() throws IOException
    {
        assertRefused(participant("    numeric:\n      - {prefixes: \"7-72\", lengths: \"18\", status: provisional}\n"),
            "participants.newpay.numeric[0].prefixes=7-72", "equal width");
        assertRefused(participant("    numeric:\n      - {prefixes: \"7x\", lengths: \"18\", status: provisional}\n"),
            "participants.newpay.numeric[0].prefixes=7x");
        assertRefused(participant("    numeric:\n      - {prefixes: \"72-70\", lengths: \"18\", status: provisional}\n"),
            "participants.newpay.numeric[0]", "prefixes");
        assertRefused(participant("    numeric:\n      - {prefixes: \"70\", lengths: \"eighteen\", status: provisional}\n"),
            "participants.newpay.numeric[0].lengths=eighteen");
        assertRefused(participant("    numeric:\n      - {prefixes: \"70\", lengths: \"20-18\", status: provisional}\n"),
            "participants.newpay.numeric[0]", "lengths");
        assertRefused(participant("    numeric:\n      - {prefixes: \"70\", lengths: \"33\", status: provisional}\n"),
            "participants.newpay.numeric[0]", "32");
        assertRefused(participant("    numeric:\n      - {lengths: \"18\", status: provisional}\n"),
            "participants.newpay.numeric[0].prefixes: required");
    }

    @Test
    void shouldRefuseBadParticipantId() throws IOException
    {
        for (final String id : new String[]{ "WeChat", "9pay", "new pay", "\"\"" })
        {
            final Path file = write("participants:\n  " + id + ":\n    name: Bad\n");
            assertThatThrownBy(() -> WalletRegistryLoader.load(file))
                .as(id)
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("participants.")
                .hasMessageContaining("id must be lowercase");
        }
    }

    @Test
    void shouldRefuseParticipantWithoutNameOrWithBadConnector() throws IOException
    {
        assertRefused(write("participants:\n  newpay:\n    connector: newpay\n"), "participants.newpay.name: required");
        assertRefused(write("participants:\n  newpay:\n"), "participants.newpay.name: required");
        assertRefused(write("participants:\n  newpay:\n    name: New\n    connector: New Pay\n"),
            "participants.newpay.connector=New Pay");
    }

    @Test
    void shouldRefuseEmptyFile() throws IOException
    {
        final Path file = write("");

        assertThatThrownBy(() -> WalletRegistryLoader.load(file))
            .isInstanceOf(RegistryException.class)
            .hasMessageStartingWith("registry=" + file);
    }

    @Test
    void shouldRefuseReplacingDefaultsWithNothing() throws IOException
    {
        assertRefused(write("replaceDefaults: true\n"), "participants", "at least one");
    }

    @Test
    void shouldRefuseFileThatIsNotYamlMapping() throws IOException
    {
        final Path file = write("- just\n- a list\n");

        assertThatThrownBy(() -> WalletRegistryLoader.load(file))
            .isInstanceOf(RegistryException.class)
            .hasMessageStartingWith("registry=" + file);
    }

    @Test
    void shouldRefuseUnreadableFile()
    {
        final Path missing = directory.resolve("missing.yaml");

        assertThatThrownBy(() -> WalletRegistryLoader.load(missing))
            .isInstanceOf(RegistryException.class)
            .hasMessageStartingWith("registry=" + missing + ": cannot read");
        assertThatThrownBy(() -> WalletRegistryLoader.load(directory))
            .isInstanceOf(RegistryException.class)
            .hasMessageStartingWith("registry=" + directory);
    }

    private Path participant(final String rules) throws IOException
    {
        return write("participants:\n  newpay:\n    name: New Pay\n" + rules);
    }

    private Path write(final String yaml) throws IOException
    {
        final Path file = Files.createTempFile(directory, "registry", ".yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private static void assertRefused(final Path file, final String... messageParts)
    {
        assertThatThrownBy(() -> WalletRegistryLoader.load(file))
            .isInstanceOf(RegistryException.class)
            .satisfies(ex ->
            {
                for (final String part : messageParts)
                {
                    assertThat(ex.getMessage()).contains(part);
                }
            });
    }

    private static String numericWallet(final WalletRegistry registry, final String code)
    {
        final UnsafeBuffer buffer = ascii(code);
        final int rule = registry.numericMatcher().match(buffer, 0, buffer.capacity());
        return rule == NumericCodeMatcher.NO_MATCH ? null :
            registry.participant(registry.numericMatcher().rule(rule).participant()).id();
    }
}
