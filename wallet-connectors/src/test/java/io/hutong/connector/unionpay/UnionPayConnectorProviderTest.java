package io.hutong.connector.unionpay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hutong.codec.sign.KeyPairs;
import io.hutong.codec.sign.SignatureAlgorithm;
import io.hutong.connector.WalletConnector;
import io.hutong.connector.http.HttpClientConfig;
import io.hutong.connector.http.WalletHttpClient;
import io.hutong.connector.spi.ConnectorSettings;
import io.hutong.connector.spi.CryptoPool;
import io.hutong.connector.spi.WalletConnectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnionPayConnectorProviderTest
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = "wallets.unionpay";

    private final WalletHttpClient http = new WalletHttpClient(HttpClientConfig.defaults());
    private final CryptoPool pool = new CryptoPool(1, 4);

    @AfterEach
    void close()
    {
        http.close();
        pool.close();
    }

    @Test
    void shouldBeFoundByTheServiceLoaderAsTypeUnionpay()
    {
        assertThat(WalletConnectors.providers(getClass().getClassLoader()).get("unionpay"))
            .isInstanceOf(UnionPayConnectorProvider.class);
    }

    @Test
    void shouldBuildAConnectorForEachSignTypeFromItsOwnKeySettings()
    {
        assertThat(create(md5()).signType()).isEqualTo(UnionPaySignType.MD5);
        assertThat(create(rsa()).signType()).isEqualTo(UnionPaySignType.RSA_1_256);
        assertThat(create(sm2()).signType()).isEqualTo(UnionPaySignType.SM3WITHSM2);
        // Without signType the gateway's own default: MD5.
        final ObjectNode noType = md5();
        noType.remove("signType");
        assertThat(create(noType).signType()).isEqualTo(UnionPaySignType.MD5);
    }

    @Test
    void shouldTakeTheDocumentedScheduleUnlessOverridden()
    {
        assertThat(create(md5()).schedule()).isEqualTo(UnionPayConnectorProvider.DEFAULT_SCHEDULE);
        final ObjectNode settings = md5();
        settings.putObject("schedule").put("queryIntervalMs", 3_000);
        assertThat(create(settings).schedule().queryIntervalMs()).isEqualTo(3_000);
        assertThat(create(settings).schedule().queryWindowMs()).isEqualTo(30_000);
    }

    @Test
    void shouldNameTheSettingAtFault()
    {
        assertFails(md5(), (s) -> s.remove("gatewayUrl"), PATH + ".gatewayUrl: required");
        assertFails(md5(), (s) -> s.remove("mchId"), PATH + ".mchId: required");
        assertFails(md5(), (s) -> s.put("mchId", "has space"), PATH + ".mchId: mch_id=has space: only printable");
        assertFails(md5(), (s) -> s.put("signType", "RSA_1_1"),
            PATH + ".signType=RSA_1_1: must be MD5, RSA_1_256 or SM3WITHSM2");
        assertFails(md5(), (s) -> s.remove("md5Key"), PATH + ".md5Key: required");
        assertFails(rsa(), (s) -> s.remove("rsaGatewayPublicKey"), PATH + ".rsaGatewayPublicKey: required");
        assertFails(sm2(), (s) -> s.remove("sm2MerchantPrivateKey"), PATH + ".sm2MerchantPrivateKey: required");
        assertFails(md5(), (s) -> s.put("mchCreateIp", "2001:db8::1"), PATH + ".mchCreateIp: mch_create_ip=");
    }

    @Test
    void shouldRefuseKeysOfTheWrongKindWithoutShowingThem()
    {
        final String sm2Private = Base64.getEncoder().encodeToString(UnionPayTestKeys.MERCHANT_SM2_PRIVATE.getEncoded());
        final String rsaPublic = Base64.getEncoder().encodeToString(UnionPayTestKeys.GATEWAY_RSA.getPublic().getEncoded());

        assertFails(rsa(), (s) -> s.put("rsaMerchantPrivateKey", sm2Private),
            PATH + ".rsaMerchantPrivateKey: not a PKCS#8 RSA private key (PEM or base64)");
        assertFails(sm2(), (s) -> s.put("sm2GatewayPublicKey", rsaPublic),
            PATH + ".sm2GatewayPublicKey: must be an SM2 (sm2p256v1) key");
        final String p256 = Base64.getEncoder().encodeToString(
            KeyPairs.generate(SignatureAlgorithm.ECDSA_P256_SHA256).getPrivate().getEncoded());
        assertFails(sm2(), (s) -> s.put("sm2MerchantPrivateKey", p256),
            PATH + ".sm2MerchantPrivateKey: must be an SM2 (sm2p256v1) key");
        final String shortRsa = shortRsaPrivateKey();
        final ObjectNode settings = rsa().put("rsaMerchantPrivateKey", shortRsa);
        assertThatThrownBy(() -> create(settings))
            .hasMessage(PATH + ".rsaMerchantPrivateKey/rsaGatewayPublicKey: rsa.own.bits=1024: must be at least 2048")
            .satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(shortRsa.substring(40, 80)));
    }

    private UnionPayConnector create(final ObjectNode settings)
    {
        final WalletConnector connector = WalletConnectors.create(Map.of("unionpay", new ConnectorSettings(PATH, settings)),
            http, pool, Clock.systemUTC()).get("unionpay");
        connector.close();
        return (UnionPayConnector)connector;
    }

    private void assertFails(final ObjectNode settings, final Consumer<ObjectNode> change, final String messageStart)
    {
        change.accept(settings);
        assertThatThrownBy(() -> create(settings)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith(messageStart);
    }

    private static ObjectNode base(final String signType)
    {
        return JSON.createObjectNode().put("gatewayUrl", "http://127.0.0.1:1/pay/gateway")
            .put("mchId", UnionPayTestKeys.MCH_ID).put("signType", signType);
    }

    private static ObjectNode md5()
    {
        return base("MD5").put("md5Key", UnionPayTestKeys.MD5_KEY);
    }

    private static ObjectNode rsa()
    {
        // The private key as PEM, the public key as bare base64: both forms are read.
        return base("RSA_1_256").put("rsaMerchantPrivateKey", UnionPayTestKeys.MERCHANT_RSA_PRIVATE_PEM)
            .put("rsaGatewayPublicKey",
                Base64.getEncoder().encodeToString(UnionPayTestKeys.GATEWAY_RSA.getPublic().getEncoded()));
    }

    private static ObjectNode sm2()
    {
        return base("SM3WITHSM2").put("sm2MerchantPrivateKey", UnionPayTestKeys.MERCHANT_SM2_PRIVATE_PEM)
            .put("sm2GatewayPublicKey",
                Base64.getEncoder().encodeToString(UnionPayTestKeys.GATEWAY_SM2.getPublic().getEncoded()));
    }

    private static String shortRsaPrivateKey()
    {
        try
        {
            final KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(1024);
            return Base64.getEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded());
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException(ex);
        }
    }
}
