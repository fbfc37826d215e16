package io.hutong.core.pos.server;

import io.hutong.core.engine.EngineConfig;
import io.hutong.core.engine.EngineHarness;
import io.hutong.core.engine.command.RequestDescriptor;
import io.hutong.core.pos.auth.LogonVerifier;
import io.hutong.core.pos.auth.TerminalKey;
import io.hutong.core.pos.auth.TerminalKeys;
import io.hutong.core.pos.codec.PosReason;
import io.hutong.core.pos.codec.PosStatus;
import io.netty.channel.nio.NioEventLoopGroup;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.SystemEpochClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PosTlsTest
{
    private static final TerminalKey LANE1 = TerminalKey.of("SHOP1-LANE1",
        HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f"), "alipay");

    @TempDir
    Path dir;

    private EngineHarness harness;
    private AgentRunner runner;
    private NioEventLoopGroup group;
    private PosServer server;
    private TlsFiles switchCert;
    private TlsFiles terminalCert;

    @BeforeEach
    void start() throws Exception
    {
        switchCert = new TlsFiles(dir, "switch");
        terminalCert = new TlsFiles(dir, "terminal");
        harness = new EngineHarness(EngineConfig.defaults(), SystemEpochClock.INSTANCE);
        final TerminalKeys keys = TerminalKeys.builder().add(LANE1).build();
        group = new NioEventLoopGroup(1);
        server = new PosServer(keys, new LogonVerifier(keys, SystemEpochClock.INSTANCE, 60_000, 1024), harness.inbox,
            group, new InetSocketAddress("127.0.0.1", 0),
            PosTls.serverContext(switchCert.certificateFile, switchCert.keyFile, terminalCert.certificateFile), 30);
        harness.engine.replySink(RequestDescriptor.SOURCE_POS, server.replySink());
        runner = new AgentRunner(new SleepingMillisIdleStrategy(1), Throwable::printStackTrace, null, harness.engine);
        AgentRunner.startOnThread(runner);
    }

    @AfterEach
    void stop()
    {
        server.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        runner.close();
    }

    @Test
    void shouldPayOverMutualTls() throws Exception
    {
        final SSLSocket socket = (SSLSocket)TlsFiles.client(switchCert, terminalCert).getSocketFactory()
            .createSocket("127.0.0.1", server.address().getPort());
        try (TestTerminal terminal = new TestTerminal(socket, LANE1))
        {
            terminal.logOn();
            terminal.session.pay(terminal.buffer, 0).amount(100).currency(156).terminalTxnId("tls-1")
                .merchantId("M1").code(EngineHarness.WECHAT_CODE);
            terminal.send(terminal.session.commit());

            assertThat(terminal.receive()).isEqualTo(PosReason.NONE);
            assertThat(terminal.frame().result().status()).isEqualTo(PosStatus.APPROVED);
            assertThat(socket.getSession().getProtocol()).startsWith("TLSv1.");
        }
    }

    @Test
    void shouldRefuseATerminalWithoutACertificate() throws Exception
    {
        final SSLSocket socket = (SSLSocket)TlsFiles.client(switchCert, null).getSocketFactory()
            .createSocket("127.0.0.1", server.address().getPort());
        socket.setSoTimeout(5_000);
        assertThatThrownBy(() ->
        {
            try (TestTerminal terminal = new TestTerminal(socket, LANE1))
            {
                terminal.logOn();
            }
        }).isInstanceOf(IOException.class);
    }
}
