package io.hutong.bench.connector.alipay;

import io.hutong.connector.OutcomeStatus;
import io.hutong.connector.WalletResult;
import io.hutong.connector.alipay.AlipayGatewayRequest;
import io.hutong.connector.http.WalletHttpRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The encoded request must be one the gateway accepts, and the decoded answer an approval.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlipayCodecBenchmarkTest
{
    private final AlipayCodecBenchmark benchmark = new AlipayCodecBenchmark();

    @BeforeAll
    void setUp() throws Exception
    {
        benchmark.setup();
    }

    @Test
    void shouldEncodeAPayTheGatewayAccepts()
    {
        final WalletHttpRequest request = benchmark.encodePay();

        final AlipayGatewayRequest.Result parsed = AlipayGatewayRequest.parse(request.uri().getRawQuery(),
            request.body(), (appId) -> AlipaySample.APP_ID.equals(appId) ? benchmark.sample().appPublicKey() : null);

        assertThat(parsed.isOk()).as("%s", parsed).isTrue();
        assertThat(parsed.request().method()).isEqualTo("alipay.trade.pay");
        assertThat(parsed.request().biz("auth_code")).isEqualTo(AlipaySample.PAY.authCode());
        assertThat(parsed.request().biz("total_amount")).isEqualTo("12.50");
    }

    @Test
    void shouldDecodeTheAnswerAsApproved()
    {
        final WalletResult result = benchmark.decodePay();

        assertThat(result.status()).isEqualTo(OutcomeStatus.APPROVED);
        assertThat(result.walletTxnId()).isEqualTo(AlipaySample.TRADE_NO);
    }
}
