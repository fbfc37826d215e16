package io.hutong.bench.connector.wechat;

import io.hutong.connector.OutcomeStatus;
import io.hutong.connector.WalletResult;
import io.hutong.connector.http.WalletHttpRequest;
import io.hutong.connector.wechat.WeChatSign;
import io.hutong.connector.wechat.WeChatSignType;
import io.hutong.connector.wechat.WeChatXml;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The encoded request must be one the wallet accepts, and the decoded answer an approval, so the benchmark measures
 * the success path end to end; the peer must do the same job.
 */
class WeChatCodecBenchmarkTest
{
    private final WeChatCodecBenchmark benchmark = new WeChatCodecBenchmark();

    @BeforeEach
    void setUp()
    {
        benchmark.setup();
    }

    @Test
    void shouldEncodeAMicropayTheWalletAccepts() throws Exception
    {
        final WalletHttpRequest request = benchmark.encodePay();
        final LinkedHashMap<String, String> fields = WeChatXml.read(request.body());

        assertThat(request.uri().getPath()).isEqualTo("/pay/micropay");
        assertThat(WeChatSign.verify(fields, WeChatSignType.HMAC_SHA256, WeChatSample.API_KEY)).isTrue();
        assertThat(fields).containsEntry("auth_code", WeChatSample.PAY.authCode())
            .containsEntry("total_fee", "1250").containsEntry("body", WeChatSample.PAY.subject());
        assertThat(benchmark.encodePay().body()).as("a fresh nonce per call").isNotEqualTo(request.body());
    }

    @Test
    void shouldDecodeTheAnswerAsApproved() throws Exception
    {
        final WalletResult result = benchmark.decodePay();

        assertThat(result.status()).isEqualTo(OutcomeStatus.APPROVED);
        assertThat(result.walletTxnId()).isEqualTo(WeChatSample.TRANSACTION_ID);
    }

    @Test
    void shouldHaveThePeerDoTheSameJob() throws Exception
    {
        final LinkedHashMap<String, String> peerRequest = WeChatXml.read(benchmark.peerEncodePay());
        final Map<String, String> peerAnswer = benchmark.peerDecodePay();

        assertThat(WeChatSign.verify(peerRequest, WeChatSignType.HMAC_SHA256, WeChatSample.API_KEY)).isTrue();
        assertThat(peerRequest).containsEntry("auth_code", WeChatSample.PAY.authCode());
        assertThat(peerAnswer).containsEntry("transaction_id", WeChatSample.TRANSACTION_ID);
    }
}
