package io.hutong.codec.card;

import io.hutong.codec.CodeFormat;
import io.hutong.codec.classify.Classification;
import io.hutong.codec.classify.CodeClassifier;
import io.hutong.codec.emv.mpm.MpmDescriptor;
import io.hutong.codec.emv.mpm.MpmPayload;
import io.hutong.codec.registry.WalletRegistry;
import io.hutong.codec.registry.WalletRegistryLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MerchantCodeCardTest
{
    static final List<String> ALL_WALLETS = List.of("wechat", "alipay", "unionpay", "jdpay", "bestpay", "cmpay", "wopay");

    private static final WalletRegistry REGISTRY = WalletRegistryLoader.defaults();

    private final CodeClassifier classifier = new CodeClassifier(REGISTRY);

    @Test
    void shouldBuildOneCardThatRoutesToEveryWallet()
    {
        final String text = card("老王面馆", "北京", "5812", null, ALL_WALLETS).toPayload(REGISTRY).encode();

        final Classification result = classifier.classify(text);

        assertThat(result.isValid()).as("%s", result.error()).isTrue();
        assertThat(result.format()).isEqualTo(CodeFormat.EMV_MPM);
        assertThat(wallets(result)).containsExactlyElementsOf(ALL_WALLETS);
        assertThat(result.mpm().merchantName()).isEqualTo("老王面馆");
        assertThat(result.mpm().merchantCity()).isEqualTo("北京");
        assertThat(result.mpm().countryCode()).isEqualTo("CN");
        assertThat(result.mpm().value(MpmDescriptor.MERCHANT_CATEGORY_CODE)).isEqualTo("5812");
        assertThat(result.mpm().value(MpmDescriptor.TRANSACTION_CURRENCY)).isEqualTo("156");
        assertThat(result.mpm().isDynamic()).isFalse();
        assertThat(result.mpm().transactionAmount()).isNull();
    }

    @Test
    void shouldPutUnionPayInPrimitiveIdAndOthersInTemplatesWithTheirGuis()
    {
        final MpmPayload payload = card("Shop", "Shanghai", "5812", null, ALL_WALLETS).toPayload(REGISTRY);

        assertThat(payload.get(15).value()).isEqualTo("M000123456");
        assertThat(payload.get(26).child(MpmDescriptor.GUI)).isEqualTo("COM.QQ.WEIXIN.PAY");
        assertThat(payload.get(26).child(1)).isEqualTo("M000123456");
        assertThat(payload.get(27).child(MpmDescriptor.GUI)).isEqualTo("COM.ALIPAY");
        assertThat(payload.get(28).child(MpmDescriptor.GUI)).isEqualTo("COM.JD.PAY");
        assertThat(payload.get(29).child(MpmDescriptor.GUI)).isEqualTo("CN.COM.BESTPAY");
        assertThat(payload.get(30).child(MpmDescriptor.GUI)).isEqualTo("COM.CMPAY");
        assertThat(payload.get(31).child(MpmDescriptor.GUI)).isEqualTo("CN.WOPAY");
        assertThat(payload.get(32)).isNull();
        assertThat(payload.get(MpmDescriptor.POINT_OF_INITIATION).value()).isEqualTo("11");
    }

    @Test
    void shouldKeepTheWalletOrderOfTheCard()
    {
        final List<String> order = List.of("wopay", "unionpay", "wechat");
        final String text = card("Shop", "Shanghai", "5812", null, order).toPayload(REGISTRY).encode();

        assertThat(wallets(classifier.classify(text))).containsExactlyElementsOf(order);
    }

    @Test
    void shouldBuildDynamicCodeWithAmount()
    {
        final String text = card("Shop", "Shanghai", "5812", "23.50", List.of("wechat")).toPayload(REGISTRY).encode();

        final Classification result = classifier.classify(text);

        assertThat(result.isValid()).isTrue();
        assertThat(result.mpm().isDynamic()).isTrue();
        assertThat(result.mpm().transactionAmount()).isEqualTo("23.50");
        assertThat(result.mpm().transactionAmountMinor(2)).isEqualTo(2350);
    }

    @Test
    void shouldCountCharactersNotBytesInNameAndCity()
    {
        final String name = "中".repeat(25);
        final String city = "北".repeat(15);

        final String text = card(name, city, "5812", null, List.of("alipay")).toPayload(REGISTRY).encode();

        final Classification result = classifier.classify(text);
        assertThat(result.isValid()).as("%s", result.error()).isTrue();
        assertThat(result.mpm().merchantName()).isEqualTo(name);
        assertThat(result.mpm().merchantCity()).isEqualTo(city);
    }

    @Test
    void shouldRefuseNameLongerThanTwentyFiveCharacters()
    {
        assertThatThrownBy(() -> card("N".repeat(26), "Shanghai", "5812", null, ALL_WALLETS).toPayload(REGISTRY))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("name=" + "N".repeat(26) + ": INVALID_FIELD")
            .hasMessageContaining("ID 59");
        assertThatThrownBy(() -> card("中".repeat(26), "Shanghai", "5812", null, ALL_WALLETS).toPayload(REGISTRY))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("name=");
    }

    @Test
    void shouldRefuseCityLongerThanFifteenCharacters()
    {
        assertThatThrownBy(() -> card("Shop", "C".repeat(16), "5812", null, ALL_WALLETS).toPayload(REGISTRY))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("city=" + "C".repeat(16) + ": INVALID_FIELD")
            .hasMessageContaining("ID 60");
    }

    @Test
    void shouldRefuseBadMerchantCategoryCode()
    {
        for (final String mcc : new String[]{ "581", "58120", "58A2", "5 12" })
        {
            assertThatThrownBy(() -> card("Shop", "Shanghai", mcc, null, ALL_WALLETS).toPayload(REGISTRY))
                .as("mcc=%s", mcc)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("mcc=" + mcc + ": INVALID_FIELD");
        }
    }

    @Test
    void shouldRefuseBadCurrencyCountryAndAmount()
    {
        assertThatThrownBy(() -> new MerchantCodeCard("M1", "Shop", "SH", "CN", "5812", "15", null, ALL_WALLETS)
            .toPayload(REGISTRY)).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("currency=15:");
        assertThatThrownBy(() -> new MerchantCodeCard("M1", "Shop", "SH", "C1", "5812", "156", null, ALL_WALLETS)
            .toPayload(REGISTRY)).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("country=C1:");
        for (final String amount : new String[]{ "0", "0.00", "1,00", "-1", "12345678901234" })
        {
            assertThatThrownBy(() -> card("Shop", "SH", "5812", amount, ALL_WALLETS).toPayload(REGISTRY))
                .as("amount=%s", amount)
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("amount=" + amount + ":");
        }
    }

    @Test
    void shouldRefuseUnknownDuplicateOrMissingWallets()
    {
        assertThatThrownBy(() -> card("Shop", "SH", "5812", null, List.of("wechat", "paypal")).toPayload(REGISTRY))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("wallets=paypal: not a participant in the registry");
        assertThatThrownBy(() -> card("Shop", "SH", "5812", null, List.of("wechat", "wechat")).toPayload(REGISTRY))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("wallets=wechat");
        assertThatThrownBy(() -> card("Shop", "SH", "5812", null, List.of()).toPayload(REGISTRY))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("wallets");
    }

    @Test
    void shouldRefuseWalletWithoutMerchantRoute(@TempDir final Path directory) throws IOException
    {
        final Path file = directory.resolve("registry.yaml");
        Files.writeString(file,
            "participants:\n  ecny:\n    name: e-CNY\n    numeric:\n" +
            "      - {prefixes: \"01\", lengths: \"19\", status: secondary}\n");
        final WalletRegistry registry = WalletRegistryLoader.load(file);

        assertThatThrownBy(() -> card("Shop", "SH", "5812", null, List.of("ecny")).toPayload(registry))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("wallets=ecny");
    }

    @Test
    void shouldRefuseMoreTemplateWalletsThanTemplateIds(@TempDir final Path directory) throws IOException
    {
        final StringBuilder yaml = new StringBuilder("replaceDefaults: true\nparticipants:\n");
        final List<String> ids = new ArrayList<>();
        for (int i = 0; i < 27; i++)
        {
            ids.add("w" + i);
            yaml.append("  w").append(i).append(":\n    name: W").append(i)
                .append("\n    mpmGuis:\n      - {gui: \"W").append(i).append("\", status: provisional}\n");
        }
        final Path file = directory.resolve("registry.yaml");
        Files.writeString(file, yaml);
        final WalletRegistry registry = WalletRegistryLoader.load(file);

        assertThatThrownBy(() -> new MerchantCodeCard("1", "S", "C", "CN", "5812", "156", null, ids).toPayload(registry))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("wallets");
    }

    @Test
    void shouldRefusePayloadOverFiveHundredTwelveCharacters()
    {
        assertThatThrownBy(() -> new MerchantCodeCard("M".repeat(60), "N".repeat(25), "C".repeat(15), "CN", "5812",
            "156", null, ALL_WALLETS).toPayload(REGISTRY))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("512");
    }

    @Test
    void shouldRefuseNullFieldsAndCopyWallets()
    {
        assertThatThrownBy(() -> new MerchantCodeCard(null, "S", "C", "CN", "5812", "156", null, ALL_WALLETS))
            .isInstanceOf(NullPointerException.class).hasMessage("merchantId");
        assertThatThrownBy(() -> new MerchantCodeCard("M", null, "C", "CN", "5812", "156", null, ALL_WALLETS))
            .isInstanceOf(NullPointerException.class).hasMessage("name");
        final List<String> wallets = new ArrayList<>(List.of("wechat"));
        final MerchantCodeCard card = card("S", "C", "5812", null, wallets);
        wallets.add("alipay");
        assertThat(card.wallets()).containsExactly("wechat");
    }

    static MerchantCodeCard card(
        final String name, final String city, final String mcc, final String amount, final List<String> wallets)
    {
        return new MerchantCodeCard("M000123456", name, city, "CN", mcc, "156", amount, wallets);
    }

    private static List<String> wallets(final Classification result)
    {
        final List<String> ids = new ArrayList<>();
        for (int i = 0; i < result.walletCount(); i++)
        {
            ids.add(REGISTRY.participant(result.wallet(i)).id());
        }
        return ids;
    }
}
