package io.hutong.connector.jdpay;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hutong.codec.sign.KeyPairs;
import io.hutong.codec.sign.SignatureAlgorithm;
import io.hutong.connector.WalletConnector;
import io.hutong.connector.WalletSchedule;
import io.hutong.connector.http.HttpClientConfig;
import io.hutong.connector.http.WalletHttpClient;
import io.hutong.connector.spi.ConnectorSettings;
import io.hutong.connector.spi.CryptoPool;
import io.hutong.connector.spi.WalletConnectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code jdpay} provider as the switch meets it: found by the service loader, every bad setting named with
 * its path, no key material in any message.
 */
class JdPayConnectorProviderTest
{
    private final WalletHttpClient http = new WalletHttpClient(HttpClientConfig.defaults());
    private final CryptoPool pool = new CryptoPool(1, 4);

    @AfterEach
    void close()
    {
        http.close();
        pool.close();
    }

    private WalletConnector create(final ObjectNode settings)
    {
        return WalletConnectors.create(Map.of("jdpay", new ConnectorSettings("wallets.jdpay", settings)), http, pool,
            Clock.systemUTC()).get("jdpay");
    }

    @Test
    void shouldBeFoundByTheServiceLoaderWithProvisionalDefaults()
    {
        assertThat(WalletConnectors.providers(getClass().getClassLoader()))
            .hasEntrySatisfying("jdpay", (p) -> assertThat(p).isInstanceOf(JdPayConnectorProvider.class));

        final WalletConnector connector = create(JdPayConnectorTest.settings("http://127.0.0.1:1/"));

        assertThat(connector).isInstanceOf(JdPayConnector.class);
        assertThat(connector.schedule()).isEqualTo(JdPayConnectorProvider.DEFAULT_SCHEDULE);
        assertThat(connector.toString()).isEqualTo("JdPayConnector[walletId=jdpay, merchant=110000001]");
        connector.close();
    }

    @Test
    void shouldTakeScheduleOverrides()
    {
        final ObjectNode settings = JdPayConnectorTest.settings("http://127.0.0.1:1");
        settings.putObject("schedule").put("queryWindowMs", 60_000).put("reverseNotBeforeMs", 15_000);

        final WalletConnector connector = create(settings);

        assertThat(connector.schedule()).isEqualTo(new WalletSchedule(10_000, 5_000, 60_000, 15_000, 2_000, 60_000));
        connector.close();
    }

    @Test
    void shouldNameEachMissingOrMalformedSetting()
    {
        for (final String key : new String[] {"baseUrl", "merchant", "merchantPrivateKey", "jdPublicKey", "desKey"})
        {
            final ObjectNode settings = JdPayConnectorTest.settings("http://127.0.0.1:1");
            settings.remove(key);
            assertThatThrownBy(() -> create(settings)).hasMessage("wallets.jdpay." + key + ": required");
        }
        assertRefused("merchant", "JD-1", "wallets.jdpay.merchant=JD-1: must be 1-32 of [A-Za-z0-9]");
        assertRefused("desKey", Base64.getEncoder().encodeToString(new byte[16]),
            "wallets.jdpay.desKey.bytes=16: must be 24");
        assertRefused("device", "store 7", "wallets.jdpay.device=store 7: only [A-Za-z0-9_-]");
    }

    @Test
    void shouldRefuseKeysThatAreNotRsaWithoutShowingThem()
    {
        final String ecPrivate = Base64.getEncoder().encodeToString(
            KeyPairs.generate(SignatureAlgorithm.ECDSA_P256_SHA256).getPrivate().getEncoded());
        final String ecPublic = Base64.getEncoder().encodeToString(
            KeyPairs.generate(SignatureAlgorithm.ECDSA_P256_SHA256).getPublic().getEncoded());

        assertRefused("merchantPrivateKey", ecPrivate, "wallets.jdpay.merchantPrivateKey: not a PKCS#8 RSA private " +
            "key (base64 or PEM) of 1024 bits or more");
        assertRefused("jdPublicKey", ecPublic, "wallets.jdpay.jdPublicKey: not an X.509 RSA public key " +
            "(base64 or PEM) of 1024 bits or more");
        // A public key where the private one belongs, and the reverse.
        assertRefused("merchantPrivateKey", JdPayTestKeys.JD_PUBLIC, "wallets.jdpay.merchantPrivateKey: not a " +
            "PKCS#8 RSA private key (base64 or PEM) of 1024 bits or more");
        assertRefused("jdPublicKey", JdPayTestKeys.MERCHANT_PRIVATE, "wallets.jdpay.jdPublicKey: not an X.509 RSA " +
            "public key (base64 or PEM) of 1024 bits or more");
    }

    @Test
    void shouldTakePemArmouredKeys()
    {
        final ObjectNode settings = JdPayConnectorTest.settings("http://127.0.0.1:1")
            .put("merchantPrivateKey", "-----BEGIN PRIVATE KEY-----\n" + JdPayTestKeys.MERCHANT_PRIVATE +
                "\n-----END PRIVATE KEY-----\n");

        final WalletConnector connector = create(settings);

        assertThat(connector).isInstanceOf(JdPayConnector.class);
        connector.close();
    }

    @Test
    void shouldRefuseResultCodesThatCannotBeMapped()
    {
        final ObjectNode success = JdPayConnectorTest.settings("http://127.0.0.1:1");
        success.putObject("resultCodes").put("000000", "UNKNOWN");
        final ObjectNode approve = JdPayConnectorTest.settings("http://127.0.0.1:1");
        approve.putObject("resultCodes").put("E1", "APPROVED");
        final ObjectNode notText = JdPayConnectorTest.settings("http://127.0.0.1:1");
        notText.putObject("resultCodes").put("E2", 7);
        final ObjectNode notObject = JdPayConnectorTest.settings("http://127.0.0.1:1").put("resultCodes", "E3");

        assertThatThrownBy(() -> create(success))
            .hasMessage("wallets.jdpay.resultCodes.000000: a failure code must be 1-32 characters and not 000000");
        assertThatThrownBy(() -> create(approve))
            .hasMessageStartingWith("wallets.jdpay.resultCodes.E1=\"APPROVED\": must be UNKNOWN or a decline " +
                "reason (INSUFFICIENT_FUNDS, ");
        assertThatThrownBy(() -> create(notText)).hasMessageStartingWith("wallets.jdpay.resultCodes.E2=7: must be");
        assertThatThrownBy(() -> create(notObject)).hasMessage("wallets.jdpay.resultCodes: must be an object");
    }

    private void assertRefused(final String key, final String value, final String message)
    {
        final ObjectNode settings = JdPayConnectorTest.settings("http://127.0.0.1:1").put(key, value);
        assertThatThrownBy(() -> create(settings)).hasMessage(message)
            .satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(value.length() > 20 ? value : "\u0000"));
    }
}
