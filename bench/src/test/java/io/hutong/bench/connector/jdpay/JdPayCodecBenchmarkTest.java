package io.hutong.bench.connector.jdpay;

import io.hutong.connector.OutcomeStatus;
import io.hutong.connector.WalletResult;
import io.hutong.connector.http.WalletHttpRequest;
import io.hutong.connector.jdpay.FkmPayRequest;
import io.hutong.connector.jdpay.JdPayOperation;
import io.hutong.connector.jdpay.JdPayRequestCodec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The encoded request must be one the wallet accepts, the decoded answer an approval, and the 3DES layer must round
 * trip.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdPayCodecBenchmarkTest
{
    private final JdPayCodecBenchmark benchmark = new JdPayCodecBenchmark();

    @BeforeAll
    void setUp() throws Exception
    {
        benchmark.setup();
    }

    @Test
    void shouldEncodeAPayTheWalletAccepts() throws Exception
    {
        final WalletHttpRequest request = benchmark.encodePay();

        final JdPayRequestCodec.Inbound inbound = JdPayRequestCodec.decode(JdPayOperation.FKM_PAY, request.body(),
            (merchant) -> JdPaySample.MERCHANT.equals(merchant) ? benchmark.sample().jdKeys() : null);

        assertThat(request.uri().getPath()).isEqualTo("/service/fkmPay");
        assertThat(inbound.request()).isInstanceOf(FkmPayRequest.class);
        assertThat(((FkmPayRequest)inbound.request()).token()).isEqualTo(JdPaySample.PAY.authCode());
        assertThat(((FkmPayRequest)inbound.request()).amount()).isEqualTo(JdPaySample.PAY.amount());
    }

    @Test
    void shouldDecodeTheAnswerAsApproved() throws Exception
    {
        final WalletResult result = benchmark.decodePay();

        assertThat(result.status()).isEqualTo(OutcomeStatus.APPROVED);
        assertThat(result.walletTxnId()).isEqualTo(JdPaySample.PAY.orderNo());
    }

    @Test
    void shouldRoundTripThe3DesLayer() throws Exception
    {
        assertThat(benchmark.desDecrypt()).contains("<sign>").startsWith("<?xml");
        assertThat(benchmark.desEncrypt()).isNotEmpty();
    }
}
