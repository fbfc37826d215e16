package io.hutong.connector.spi;

import io.hutong.connector.http.HttpClientConfig;
import io.hutong.connector.http.WalletHttpClient;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WalletConnectorsTest
{
    @Test
    void shouldFindEveryBuiltInProviderThroughTheServiceLoader()
    {
        assertThat(WalletConnectors.providers(getClass().getClassLoader()).keySet())
            .contains("wechat", "gm", "bestpay", "cmpay", "wopay", "unionpay");
    }

    @Test
    void shouldNameTheWalletAndSettingOfAnUnknownTypeOrABadSetting()
    {
        final Map<String, ConnectorSettings> settings = new LinkedHashMap<>();
        settings.put("wechat", ConnectorSettings.parse("wallets.wechat",
            "{\"baseUrl\":\"http://127.0.0.1:1\",\"appId\":\"wx1\",\"mchId\":\"1\",\"apiKey\":\"" + "k".repeat(32) + "\"}"));
        settings.put("paypal", ConnectorSettings.parse("wallets.paypal", "{}"));

        try (WalletHttpClient http = new WalletHttpClient(HttpClientConfig.defaults()); CryptoPool pool = new CryptoPool(1, 1))
        {
            assertThatThrownBy(() -> WalletConnectors.create(settings, http, pool, Clock.systemUTC()))
                .hasMessageStartingWith("wallets.paypal.connector=paypal: no connector of this type (known: ");
            settings.remove("paypal");
            settings.put("bestpay", ConnectorSettings.parse("wallets.bestpay", "{\"baseUrl\":\"http://127.0.0.1:1\"}"));
            assertThatThrownBy(() -> WalletConnectors.create(settings, http, pool, Clock.systemUTC()))
                .hasMessage("wallets.bestpay.interop: required");
            settings.remove("bestpay");
            assertThat(WalletConnectors.create(settings, http, pool, Clock.systemUTC()).get("wechat").walletId())
                .isEqualTo("wechat");
        }
    }
}
