package io.hutong.bench.connector.gm;

import io.hutong.connector.OutcomeStatus;
import io.hutong.connector.WalletResult;
import io.hutong.connector.gm.GmOperation;
import io.hutong.connector.gm.GmRequest;
import io.hutong.connector.gm.GmRequestCodec;
import io.hutong.connector.gm.GmWire;
import io.hutong.connector.http.WalletHttpRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The encoded request must be one the wallet accepts, and the decoded answer an approval.
 */
class GmCodecBenchmarkTest
{
    private final GmCodecBenchmark benchmark = new GmCodecBenchmark();

    @BeforeEach
    void setUp()
    {
        benchmark.setup();
    }

    @Test
    void shouldEncodeAPayTheWalletAccepts() throws Exception
    {
        final WalletHttpRequest request = benchmark.encodePay();
        final GmSample sample = benchmark.sample();

        final GmRequest decoded = GmRequestCodec.decode(GmOperation.PAY, request.body(),
            request.headers().get(GmWire.SIGNATURE_HEADER), sample.switchKeys(), (merchantId) -> sample.cipher());

        assertThat(request.uri().getPath()).isEqualTo("/gm/v1/pay");
        assertThat(decoded.merchantId()).isEqualTo(GmSample.MERCHANT_ID);
        assertThat(decoded.biz().authCode()).isEqualTo(GmSample.PAY.authCode());
        assertThat(decoded.biz().amount()).isEqualTo(GmSample.PAY.amount());
    }

    @Test
    void shouldDecodeTheAnswerAsApproved()
    {
        final WalletResult result = benchmark.decodePay();

        assertThat(result.status()).isEqualTo(OutcomeStatus.APPROVED);
        assertThat(result.walletTxnId()).isEqualTo(GmSample.TRADE_NO);
    }
}
