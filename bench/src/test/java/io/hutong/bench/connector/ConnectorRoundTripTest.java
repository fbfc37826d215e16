package io.hutong.bench.connector;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A short, slow run of the load tool against a real simulated wallet over loopback: every call must be approved and
 * reported. Nothing about time is asserted.
 */
class ConnectorRoundTripTest
{
    @ParameterizedTest
    @ValueSource(strings = {"wechat", "bestpay"})
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldApproveEveryCallAndReportPercentiles(final String wallet) throws Exception
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        final int status;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8))
        {
            status = ConnectorRoundTrip.run(new RoundTripOptions(wallet, 100, 1, 0, 4, 1, 1), out);
        }

        final String report = bytes.toString(StandardCharsets.UTF_8);
        assertThat(status).as(report).isZero();
        assertThat(report).contains("wallet=" + wallet + " rate=100/s", "answered 100,", "approved 100; not approved none",
            "latency from intended send (CO-safe) us: p50");
    }

    @Test
    void shouldRefuseAWalletTheSimulatorDoesNotKnow()
    {
        assertThatThrownBy(() -> ConnectorRoundTrip.run(new RoundTripOptions("paypal", 1, 1, 0, 1, 1, 1),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("wallet=paypal: must be one of [wechat, ");
    }
}
