package io.hutong.connector.http;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpClientConfigTest
{
    @Test
    void shouldAcceptDefaults()
    {
        assertThat(HttpClientConfig.defaults().maxConnectionsPerHost()).isPositive();
    }

    @Test
    void shouldRejectNonPositiveValuesWithNameAndValue()
    {
        assertThatThrownBy(() -> new HttpClientConfig(0, 1, 1, 1, 1))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("connectTimeoutMs=0: must be > 0");
        assertThatThrownBy(() -> new HttpClientConfig(1, -5, 1, 1, 1))
            .hasMessage("requestTimeoutMs=-5: must be > 0");
        assertThatThrownBy(() -> new HttpClientConfig(1, 1, 0, 1, 1))
            .hasMessage("maxConnectionsPerHost=0: must be > 0");
        assertThatThrownBy(() -> new HttpClientConfig(1, 1, 1, 0, 1))
            .hasMessage("maxInFlightPerHost=0: must be > 0");
        assertThatThrownBy(() -> new HttpClientConfig(1, 1, 1, 1, 0))
            .hasMessage("maxResponseBytes=0: must be > 0");
    }

    @Test
    void shouldRejectFewerInFlightThanConnections()
    {
        assertThatThrownBy(() -> new HttpClientConfig(1, 1, 4, 2, 1))
            .hasMessage("maxInFlightPerHost=2: must be >= maxConnectionsPerHost=4");
    }

    @Test
    void shouldRejectUriWithoutHttpScheme()
    {
        assertThatThrownBy(() -> WalletHttpRequest.get(URI.create("ftp://wallet.example/")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scheme must be http or https");
    }

    @Test
    void shouldOmitDefaultPortFromHostHeader()
    {
        assertThat(HostKey.of(URI.create("https://API.Wallet.example/pay")).hostHeader()).isEqualTo("api.wallet.example");
        assertThat(HostKey.of(URI.create("http://[::1]:8080/")).hostHeader()).isEqualTo("[::1]:8080");
    }
}
