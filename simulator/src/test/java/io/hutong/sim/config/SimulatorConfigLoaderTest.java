package io.hutong.sim.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.hutong.sim.faults.FaultPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatorConfigLoaderTest
{
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void shouldStartEveryParticipantOnConsecutivePortsWithNoFile()
    {
        final SimulatorConfig config = SimulatorConfigLoader.load(null);

        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.wallets()).extracting(WalletConfig::id)
            .containsExactly("wechat", "alipay", "unionpay", "jdpay", "bestpay", "cmpay", "wopay");
        assertThat(config.wallets()).extracting(WalletConfig::port)
            .containsExactly(18081, 18082, 18083, 18084, 18085, 18086, 18087);
        final WalletConfig wechat = config.wallets().get(0);
        assertThat(wechat.consumers()).isEqualTo(1000);
        assertThat(wechat.autoCloseMs()).isEqualTo(45_000);
        assertThat(wechat.codeFormat().prefix()).isEqualTo("10");
        assertThat(wechat.codeFormat().length()).isEqualTo(18);
        assertThat(wechat.merchants()).hasSize(10).first().isEqualTo("wechat-m0001");
        assertThat(wechat.faults()).isEqualTo(FaultPlan.NONE);
        assertThat(config.wallets().get(2).emvAid()).isEqualTo("A000000333010101");
        assertThat(config.wallets().get(2).codeFormat().length()).isEqualTo(19);
        assertThat(config.wallets().get(1).codeFormat().prefix()).isEqualTo("25");
        assertThat(config.wallets().get(4).autoCloseMs()).isEqualTo(60_000);
    }

    @Test
    void shouldApplyOverridesFromAFile(@TempDir final Path dir) throws Exception
    {
        final Path file = dir.resolve("sim.yaml");
        Files.writeString(file, """
            basePort: 0
            faultSeed: 9
            defaults: {consumers: 5, balance: 1000, merchants: 2}
            wallets:
              wechat: {port: 19000, perPaymentLimit: 50, faults: {errorRate: 0.25}}
              alipay: {enabled: false}
              bestpay: {merchants: [shop-a, shop-b, shop-c]}
            """);

        final SimulatorConfig config = SimulatorConfigLoader.load(file);

        assertThat(config.faultSeed()).isEqualTo(9);
        final WalletConfig wechat = config.wallets().get(0);
        assertThat(wechat.port()).isEqualTo(19000);
        assertThat(wechat.consumers()).isEqualTo(5);
        assertThat(wechat.balance()).isEqualTo(1000);
        assertThat(wechat.perPaymentLimit()).isEqualTo(50);
        assertThat(wechat.faults().errorRate()).isEqualTo(0.25);
        assertThat(config.wallets().get(1).enabled()).isFalse();
        assertThat(config.wallets().get(2).port()).as("basePort 0: ephemeral").isZero();
        assertThat(config.wallets().get(3).merchants()).containsExactly("jdpay-m0001", "jdpay-m0002");
        assertThat(config.wallets().get(4).merchants()).containsExactly("shop-a", "shop-b", "shop-c");
    }

    @Test
    void shouldRefuseBadConfigurationWithTheKeyAndTheReason(@TempDir final Path dir)
    {
        assertRefused("wallets: {wechat: {port: 70000}}", "wallets.wechat.port=70000: must be an integer in 0..65535");
        assertRefused("wallets: {wechat: {prot: 1}}", "wallets.wechat.prot: unknown key");
        assertRefused("wallets: {paypal: {}}", "wallets.paypal: not a participant of the registry");
        assertRefused("wallets: {wechat: {faults: {errorRate: 1.5}}}",
            "wallets.wechat.faults.errorRate=1.5: must be in [0,1]");
        assertRefused("host: 10.1.2.3", "host=10.1.2.3: must be a loopback address");
        assertRefused("signingThreads: 0", "signingThreads=0: must be an integer in 1..64");
        assertRefused("defaults: {consumers: -1}", "defaults.consumers=-1: must be an integer in 0..999999");
        assertRefused("defaults: {color: red}", "defaults.color: unknown key");
        assertRefused("wallets: {wechat: {txnPrefix: 'a b'}}", "wallets.wechat.txnPrefix=a b: must be 1-12");
        assertRefused("wallets: {wechat: {merchants: ['bad id']}}", "wallets.wechat.merchants=\"bad id\"");
        assertRefused("wallets: {unionpay: {emvAid: A0}}", "wallets.unionpay.emvAid=A0: must be 5-16 bytes of hex");
        assertRefused("wallets: {wechat: {enabled: maybe}}", "wallets.wechat.enabled=\"maybe\": must be true or false");
        assertRefused("wallets: [1]", "wallets=[1]: must be a mapping");
        assertThatThrownBy(() -> SimulatorConfigLoader.load(dir.resolve("missing.yaml")))
            .hasMessageEndingWith("missing.yaml: not a readable file");
    }

    private static void assertRefused(final String yaml, final String message)
    {
        assertThatThrownBy(() -> SimulatorConfigLoader.fromTree(YAML.readTree(yaml)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith(message);
    }
}
