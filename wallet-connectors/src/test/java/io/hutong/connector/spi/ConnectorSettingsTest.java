package io.hutong.connector.spi;

import io.hutong.codec.sign.KeyPairs;
import io.hutong.codec.sign.SignatureAlgorithm;
import io.hutong.connector.WalletSchedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectorSettingsTest
{
    private static final WalletSchedule DEFAULTS = new WalletSchedule(10_000, 5_000, 45_000, 15_000, 5_000, 60_000);

    @Test
    void shouldNameTheFullPathOfAMissingOrWrongSetting()
    {
        final ConnectorSettings settings = ConnectorSettings.parse("wallets.wechat",
            "{\"appId\":\"wx1\",\"mchId\":\"\",\"n\":5,\"interop\":{\"merchantId\":7}}");

        assertThat(settings.text("appId")).isEqualTo("wx1");
        assertThatThrownBy(() -> settings.text("apiKey")).hasMessage("wallets.wechat.apiKey: required");
        assertThatThrownBy(() -> settings.text("mchId")).hasMessage("wallets.wechat.mchId: must be a non-empty string");
        assertThatThrownBy(() -> settings.section("interop").text("merchantId"))
            .hasMessage("wallets.wechat.interop.merchantId: must be a non-empty string");
        assertThat(settings.text("signType", "MD5")).isEqualTo("MD5");
        assertThat(settings.positiveInt("n", 1)).isEqualTo(5);
    }

    @Test
    void shouldAcceptOnlyAbsoluteHttpUris()
    {
        final ConnectorSettings settings = ConnectorSettings.parse("w",
            "{\"a\":\"http://127.0.0.1:18081/\",\"b\":\"ftp://x\",\"c\":\"relative/path\"}");

        assertThat(settings.httpUri("a").toString()).isEqualTo("http://127.0.0.1:18081");
        assertThatThrownBy(() -> settings.httpUri("b")).hasMessage("w.b=ftp://x: must be an absolute http(s) URI");
        assertThatThrownBy(() -> settings.httpUri("c")).hasMessageContaining("must be an absolute http(s) URI");
    }

    @Test
    void shouldReadKeysAsPemOrBareBase64WithoutEchoingThem()
    {
        final KeyPair pair = KeyPairs.generate(SignatureAlgorithm.SM2_SM3);
        final String bare = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
        final String pem = KeyPairs.publicKeyToPem(pair.getPublic());
        final ConnectorSettings settings = ConnectorSettings.parse("w",
            "{\"priv\":\"" + bare + "\",\"pub\":\"" + pem.replace("\n", "\\n") + "\",\"bad\":\"c2VjcmV0\"}");

        assertThat(settings.privateKey("priv").getEncoded()).isEqualTo(pair.getPrivate().getEncoded());
        assertThat(settings.publicKey("pub").getEncoded()).isEqualTo(pair.getPublic().getEncoded());
        assertThatThrownBy(() -> settings.privateKey("bad"))
            .hasMessage("w.bad: not a PKCS#8 private key (PEM or base64)")
            .satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("c2VjcmV0"));
    }

    @Test
    void shouldOverrideScheduleDefaultsFieldByField()
    {
        final ConnectorSettings settings = ConnectorSettings.parse("wallets.wechat",
            "{\"schedule\":{\"queryIntervalMs\":3000,\"reverseNotBeforeMs\":0}}");

        assertThat(settings.schedule(DEFAULTS))
            .isEqualTo(new WalletSchedule(10_000, 3_000, 45_000, 0, 5_000, 60_000));
        assertThat(ConnectorSettings.parse("w", "{}").schedule(DEFAULTS)).isSameAs(DEFAULTS);
        assertThatThrownBy(() -> ConnectorSettings.parse("wallets.wechat", "{\"schedule\":{\"queryWindowMs\":-1}}")
            .schedule(DEFAULTS)).hasMessage("wallets.wechat.schedule.queryWindowMs=-1: must be an integer > 0");
        assertThatThrownBy(() -> ConnectorSettings.parse("wallets.wechat", "{\"schedule\":{\"queryWindowMs\":1000}}")
            .schedule(DEFAULTS)).hasMessage("wallets.wechat.schedule.queryWindowMs=1000: must be >= queryIntervalMs=5000");
    }

    @Test
    void shouldReadACredentialsFileInOrderAndRefuseDuplicates(@TempDir final Path dir) throws Exception
    {
        final Path file = dir.resolve("credentials.json");
        Files.writeString(file, "{\"wechat\":{\"apiKey\":\"k\"},\"alipay\":{\"appId\":\"a\"}}", StandardCharsets.UTF_8);
        final Path duplicate = dir.resolve("dup.json");
        Files.writeString(duplicate, "{\"wechat\":{},\"wechat\":{}}", StandardCharsets.UTF_8);

        final Map<String, ConnectorSettings> wallets = ConnectorSettings.readCredentials(file);

        assertThat(wallets.keySet()).containsExactly("wechat", "alipay");
        assertThat(wallets.get("alipay").path()).isEqualTo("wallets.alipay");
        assertThat(wallets.get("wechat").toString()).doesNotContain("\"k\"");
        assertThatThrownBy(() -> ConnectorSettings.readCredentials(duplicate)).hasMessageContaining("Duplicate field");
        assertThatThrownBy(() -> ConnectorSettings.readCredentials(dir.resolve("none.json")))
            .hasMessageStartingWith("credentials=" + dir.resolve("none.json") + ": cannot read");
    }
}
