package io.hutong.bench.connector;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoundTripOptionsTest
{
    @Test
    void shouldDefaultToWeChatAt2000PerSecond()
    {
        final RoundTripOptions options = RoundTripOptions.parse(new String[0]);

        assertThat(options).isEqualTo(new RoundTripOptions("wechat", 2_000, 30, 10, 16, 2, 2));
        assertThat(options.warmupCalls()).isEqualTo(20_000);
        assertThat(options.measuredCalls()).isEqualTo(60_000);
    }

    @Test
    void shouldParseEveryOption()
    {
        final RoundTripOptions options = RoundTripOptions.parse(new String[] {"--wallet", "bestpay", "--rate", "500",
            "--seconds", "5", "--warmup", "0", "--connections", "4", "--crypto-threads", "3", "--wallet-threads", "1"});

        assertThat(options).isEqualTo(new RoundTripOptions("bestpay", 500, 5, 0, 4, 3, 1));
    }

    @Test
    void shouldRefuseBadOptionsByName()
    {
        assertThatThrownBy(() -> RoundTripOptions.parse(new String[] {"--rate", "fast"}))
            .hasMessage("rate=fast: must be an integer");
        assertThatThrownBy(() -> RoundTripOptions.parse(new String[] {"--rate", "0"}))
            .hasMessage("rate=0: must be in 1..100000");
        assertThatThrownBy(() -> RoundTripOptions.parse(new String[] {"--seconds"}))
            .hasMessage("--seconds=<missing>: needs a value");
        assertThatThrownBy(() -> RoundTripOptions.parse(new String[] {"--speed", "1"}))
            .hasMessage("--speed=1: unknown option");
        assertThatThrownBy(() -> RoundTripOptions.parse(new String[] {"--wallet", "We Chat"}))
            .hasMessageStartingWith("wallet=We Chat: ");
    }
}
