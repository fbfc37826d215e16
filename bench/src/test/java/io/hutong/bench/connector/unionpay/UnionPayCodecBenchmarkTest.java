package io.hutong.bench.connector.unionpay;

import io.hutong.connector.OutcomeStatus;
import io.hutong.connector.WalletResult;
import io.hutong.connector.http.WalletHttpRequest;
import io.hutong.connector.unionpay.UnionPayGatewayRequest;
import io.hutong.connector.unionpay.UnionPayService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For every sign type, the encoded request must be one the gateway accepts, and the decoded answer an approval.
 */
class UnionPayCodecBenchmarkTest
{
    @ParameterizedTest
    @ValueSource(strings = {"MD5", "RSA_1_256", "SM3WITHSM2"})
    void shouldEncodeWhatTheGatewayAcceptsAndDecodeAnApproval(final String signType) throws Exception
    {
        final UnionPayCodecBenchmark benchmark = new UnionPayCodecBenchmark();
        benchmark.signType = signType;
        benchmark.setup();

        final WalletHttpRequest request = benchmark.encodePay();
        final UnionPayGatewayRequest parsed = UnionPayGatewayRequest.parse(request.body(),
            (mchId) -> UnionPaySample.MCH_ID.equals(mchId) ? benchmark.sample().gatewayKeys() : null);
        final WalletResult result = benchmark.decodePay();

        assertThat(parsed.service()).isEqualTo(UnionPayService.MICROPAY);
        assertThat(parsed.authCode()).isEqualTo(UnionPaySample.PAY.authCode());
        assertThat(parsed.totalFee()).isEqualTo(UnionPaySample.PAY.amount());
        assertThat(result.status()).isEqualTo(OutcomeStatus.APPROVED);
        assertThat(result.walletTxnId()).isEqualTo(UnionPaySample.TRANSACTION_ID);
    }
}
