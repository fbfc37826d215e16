package io.hutong.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hutong.codec.sign.KeyPairs;
import io.hutong.codec.sign.SignatureAlgorithm;
import io.hutong.connector.OutcomeStatus;
import io.hutong.connector.WalletCallback;
import io.hutong.connector.PayCommand;
import io.hutong.connector.QueryCommand;
import io.hutong.connector.RefundCommand;
import io.hutong.connector.ReverseCommand;
import io.hutong.connector.WalletConnector;
import io.hutong.connector.WalletResult;
import io.hutong.connector.http.HttpClientConfig;
import io.hutong.connector.http.WalletHttpClient;
import io.hutong.connector.spi.ConnectorSettings;
import io.hutong.connector.spi.CryptoPool;
import io.hutong.connector.spi.WalletConnectors;
import io.hutong.connector.unionpay.UnionPayConnector;
import io.hutong.connector.unionpay.UnionPaySignType;
import io.hutong.sim.config.OwnerOnlyFiles;
import org.agrona.concurrent.SystemEpochClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The UnionPay connector, built from the credentials file as the switch builds it, against the simulated gateway
 * registered with each sign type in turn (seeded in {@code secrets.json} before the first start): the credentials
 * carry exactly that sign type's settings, and pay (numeric and EMV codes), query, refund, reverse, a forged
 * answer and a forged request all behave alike whatever signs them.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class UnionPaySignTypesTest
{
    static
    {
        LeakGuard.install();
    }

    private static final Map<UnionPaySignType, List<String>> KEY_SETTINGS = Map.of(
        UnionPaySignType.MD5, List.of("md5Key"),
        UnionPaySignType.RSA_1_256, List.of("rsaMerchantPrivateKey", "rsaGatewayPublicKey"),
        UnionPaySignType.SM3WITHSM2, List.of("sm2MerchantPrivateKey", "sm2GatewayPublicKey"));

    private static WalletHttpClient http;
    private static CryptoPool pool;

    @TempDir
    Path data;

    @BeforeAll
    static void startClients()
    {
        http = new WalletHttpClient(HttpClientConfig.defaults());
        pool = new CryptoPool(2, 64);
    }

    @AfterAll
    static void stopClients() throws InterruptedException
    {
        http.close();
        pool.close();
        LeakGuard.assertNoLeaks();
    }

    @ParameterizedTest
    @EnumSource(UnionPaySignType.class)
    void shouldPayQueryRefundAndReverseWithEverySignType(final UnionPaySignType signType) throws Exception
    {
        seedSignType(signType);
        try (TestWallets wallets = TestWallets.start(data, SystemEpochClock.INSTANCE, "", "unionpay"))
        {
            final JsonNode entry = wallets.credentials().get("unionpay");
            assertCredentialsFor(signType, entry);
            final WalletConnector connector = connector(entry);
            try
            {
                assertThat(((UnionPayConnector)connector).signType()).isEqualTo(signType);
                final String numeric = "N" + signType.ordinal() + System.nanoTime();
                final String emv = "E" + signType.ordinal() + System.nanoTime();
                final String emvCode = wallets.control("POST", "unionpay", "/sim/codes",
                    "{\"account\":\"c000001\",\"format\":\"emv\"}").get("code").asText();

                final String numericCode = wallets.code("unionpay", "c000001");
                assertStatus(call(connector, (c, cb) -> c.pay(1, pay(numeric, numericCode, 500), cb)),
                    OutcomeStatus.APPROVED);
                assertStatus(call(connector, (c, cb) -> c.pay(2, pay(emv, emvCode, 300), cb)), OutcomeStatus.APPROVED);
                assertStatus(call(connector, (c, cb) -> c.query(3, new QueryCommand(numeric), cb)),
                    OutcomeStatus.APPROVED);
                assertStatus(call(connector, (c, cb) -> c.refund(4, new RefundCommand(numeric, numeric + "R", 500, 200),
                    cb)), OutcomeStatus.APPROVED);
                assertStatus(call(connector, (c, cb) -> c.reverse(5, new ReverseCommand(emv, 300), cb)),
                    OutcomeStatus.APPROVED);
                assertStatus(call(connector, (c, cb) -> c.query(6, new QueryCommand(emv), cb)), OutcomeStatus.DECLINED);

                wallets.control("POST", "unionpay", "/sim/faults", "{\"badSignatureRate\":1.0}");
                final WalletResult forgedAnswer = call(connector, (c, cb) -> c.query(7, new QueryCommand(numeric), cb));
                wallets.send("DELETE", wallets.url("unionpay", "/sim/faults"), null);
                assertThat(forgedAnswer.status()).isEqualTo(OutcomeStatus.UNKNOWN);
                assertThat(forgedAnswer.walletCode()).isEqualTo("BAD_SIGNATURE");
            }
            finally
            {
                connector.close();
            }
            assertForgedRequestRefused(wallets, signType, entry);
            assertThat(wallets.control("GET", "unionpay", "/sim/accounts/c000001", null).get("balance").asLong())
                .isEqualTo(100_000_000L - 500 + 200);
        }
    }

    /**
     * A forger: the same settings with a fresh key of the sign type in place of the merchant's own. The gateway
     * refuses the request unprocessed ({@code status} not 0, unsigned) and charges nothing.
     */
    private static void assertForgedRequestRefused(
        final TestWallets wallets, final UnionPaySignType signType, final JsonNode entry) throws Exception
    {
        final ObjectNode forged = entry.deepCopy();
        forged.put(KEY_SETTINGS.get(signType).get(0), freshKey(signType));
        final WalletConnector forger = connector(forged);
        try
        {
            final String orderNo = "F" + signType.ordinal() + System.nanoTime();
            final String code = wallets.code("unionpay", "c000002");
            final WalletResult result = call(forger, (c, cb) -> c.pay(1, pay(orderNo, code, 100), cb));

            assertThat(result.status()).as(result.toString()).isEqualTo(OutcomeStatus.UNKNOWN);
            assertThat(result.walletCode()).isEqualTo("status=400");
            assertThat(result.detail()).startsWith("reason=BAD_SIGNATURE");
        }
        finally
        {
            forger.close();
        }
        assertThat(wallets.control("GET", "unionpay", "/sim/accounts/c000002", null).get("balance").asLong())
            .isEqualTo(100_000_000L);
    }

    private static String freshKey(final UnionPaySignType signType) throws Exception
    {
        switch (signType)
        {
            case RSA_1_256:
                final KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                return Base64.getEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded());
            case SM3WITHSM2:
                return Base64.getEncoder().encodeToString(
                    KeyPairs.generate(SignatureAlgorithm.SM2_SM3).getPrivate().getEncoded());
            default:
                return "not-the-key-" + System.nanoTime();
        }
    }

    private static void assertCredentialsFor(final UnionPaySignType signType, final JsonNode entry)
    {
        final List<String> names = new ArrayList<>();
        entry.fieldNames().forEachRemaining(names::add);
        final List<String> expected = new ArrayList<>(List.of("baseUrl", "gatewayUrl", "mchId", "signType"));
        expected.addAll(KEY_SETTINGS.get(signType));
        assertThat(names).as(signType.name()).startsWith(expected.toArray(new String[0]));
        assertThat(entry.get("signType").asText()).isEqualTo(signType.wireName());
        for (final List<String> others : KEY_SETTINGS.values())
        {
            if (others != KEY_SETTINGS.get(signType))
            {
                assertThat(names).doesNotContainAnyElementsOf(others);
            }
        }
    }

    private void seedSignType(final UnionPaySignType signType) throws Exception
    {
        Files.createDirectories(data.resolve("wallets"));
        OwnerOnlyFiles.write(data.resolve("wallets").resolve("secrets.json"),
            ("{\"unionpay\":{\"unionpay.signType\":\"" + signType.wireName() + "\"}}")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static WalletConnector connector(final JsonNode entry)
    {
        final ConnectorSettings settings = new ConnectorSettings("wallets.unionpay", entry);
        return WalletConnectors.create(Map.of("unionpay", settings), http, pool, Clock.systemUTC()).get("unionpay");
    }

    private static PayCommand pay(final String orderNo, final String code, final long amount)
    {
        return new PayCommand(orderNo, code, amount, "sign types", "127.0.0.1");
    }

    private static void assertStatus(final WalletResult result, final OutcomeStatus status)
    {
        assertThat(result.status()).as(result.toString()).isEqualTo(status);
    }

    private static WalletResult call(
        final WalletConnector connector, final BiConsumer<WalletConnector, WalletCallback> call)
        throws Exception
    {
        final CompletableFuture<WalletResult> future = new CompletableFuture<>();
        call.accept(connector, (correlationId, result) -> future.complete(result));
        return future.get(20, TimeUnit.SECONDS);
    }
}
