package io.hutong.core.pos.server;

import io.hutong.core.engine.EngineConfig;
import io.hutong.core.engine.EngineHarness;
import io.hutong.core.engine.command.RequestDescriptor;
import io.hutong.core.pos.auth.LogonVerifier;
import io.hutong.core.pos.auth.TerminalKey;
import io.hutong.core.pos.auth.TerminalKeys;
import io.hutong.core.pos.codec.PosMessageType;
import io.hutong.core.pos.codec.PosReason;
import io.hutong.core.pos.codec.PosStatus;
import io.hutong.core.pos.codec.ResultDecoder;
import io.netty.channel.nio.NioEventLoopGroup;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.SystemEpochClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PosServerTest
{
    private static final TerminalKey LANE1 = TerminalKey.of("SHOP1-LANE1",
        HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f"), "alipay");
    private static final TerminalKey LANE2 = TerminalKey.of("SHOP1-LANE2",
        HexFormat.of().parseHex("0f0e0d0c0b0a09080706050403020100"), "alipay");
    private static final TerminalKey STRANGER = TerminalKey.of("NOT-CONFIGURED",
        HexFormat.of().parseHex("00000000000000000000000000000000"));

    private EngineHarness harness;
    private AgentRunner runner;
    private NioEventLoopGroup group;
    private PosServer server;

    @BeforeEach
    void start() throws Exception
    {
        harness = new EngineHarness(EngineConfig.defaults(), SystemEpochClock.INSTANCE);
        final TerminalKeys keys = TerminalKeys.builder().add(LANE1).add(LANE2).build();
        group = new NioEventLoopGroup(1);
        server = new PosServer(keys, new LogonVerifier(keys, SystemEpochClock.INSTANCE, 60_000, 1024), harness.inbox,
            group, new InetSocketAddress("127.0.0.1", 0), null, 30);
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
    void shouldLogOnPayQueryAndHeartbeat() throws Exception
    {
        try (TestTerminal terminal = new TestTerminal(server.address(), LANE1))
        {
            terminal.logOn();
            terminal.session.pay(terminal.buffer, 0).amount(1_500).currency(156).terminalTxnId("tx-1")
                .merchantId("M100200300").code(EngineHarness.WECHAT_CODE).subject("coffee");
            terminal.send(terminal.session.commit());

            assertThat(terminal.receive()).isEqualTo(PosReason.NONE);
            final ResultDecoder result = terminal.frame().result();
            assertThat(terminal.frame().messageType()).isEqualTo(PosMessageType.RESULT);
            assertThat(result.status()).isEqualTo(PosStatus.APPROVED);
            assertThat(result.terminalTxnId()).isEqualTo("tx-1");
            assertThat(result.walletId()).isEqualTo("wechat");
            assertThat(result.refSequence()).isEqualTo(1);
            final long txnId = result.switchTxnId();

            terminal.session.query(terminal.buffer, 0).terminalTxnId("tx-1");
            terminal.send(terminal.session.commit());
            assertThat(terminal.receive()).isEqualTo(PosReason.NONE);
            assertThat(terminal.frame().result().switchTxnId()).isEqualTo(txnId);
            assertThat(terminal.frame().result().refSequence()).isEqualTo(2);
            assertThat(terminal.frame().isRepeat()).isFalse();

            terminal.session.pay(terminal.buffer, 0).amount(1_500).currency(156).terminalTxnId("tx-1")
                .merchantId("M100200300").code(EngineHarness.WECHAT_CODE).subject("coffee");
            terminal.send(terminal.session.commit(io.hutong.core.pos.codec.PosFrameDescriptor.FLAG_REPEAT));
            assertThat(terminal.receive()).isEqualTo(PosReason.NONE);
            assertThat(terminal.frame().result().switchTxnId()).as("the original answer").isEqualTo(txnId);
            assertThat(terminal.frame().result().status()).isEqualTo(PosStatus.APPROVED);
            assertThat(terminal.frame().isRepeat()).as("answered from the records").isTrue();

            terminal.session.pay(terminal.buffer, 0).amount(1_500).currency(156).terminalTxnId("tx-1")
                .merchantId("M100200300").code(EngineHarness.WECHAT_CODE).subject("tea");
            terminal.send(terminal.session.commit());
            assertThat(terminal.receive()).isEqualTo(PosReason.NONE);
            assertThat(terminal.frame().result().status()).isEqualTo(PosStatus.REJECTED);
            assertThat(terminal.frame().result().reason()).as("any field different").isEqualTo(PosReason.MODIFIED_REQUEST);

            terminal.session.heartbeat(terminal.buffer, 0);
            terminal.send(terminal.session.commit());
            assertThat(terminal.receive()).isEqualTo(PosReason.NONE);
            assertThat(terminal.frame().messageType()).isEqualTo(PosMessageType.HEARTBEAT);
        }
    }

    @Test
    void shouldNameTheRequestInEveryRefusalSoATerminalCanAcceptIt() throws Exception
    {
        try (TestTerminal terminal = new TestTerminal(server.address(), LANE1))
        {
            terminal.logOn();
            terminal.session.query(terminal.buffer, 0).terminalTxnId("never-paid");
            terminal.send(terminal.session.commit());

            assertThat(terminal.receive()).as("a Result the terminal's own decoder accepts").isEqualTo(PosReason.NONE);
            assertThat(terminal.frame().result().status()).isEqualTo(PosStatus.REJECTED);
            assertThat(terminal.frame().result().reason()).isEqualTo(PosReason.NOT_FOUND);
            assertThat(terminal.frame().result().terminalTxnId()).isEqualTo("never-paid");

            terminal.session.pay(terminal.buffer, 0).amount(1_500).currency(156).terminalTxnId("tx-7")
                .merchantId("M1").code(EngineHarness.WECHAT_CODE);
            terminal.send(terminal.session.commit());
            assertThat(terminal.receive()).isEqualTo(PosReason.NONE);
            terminal.session.pay(terminal.buffer, 0).amount(1_501).currency(156).terminalTxnId("tx-7")
                .merchantId("M1").code(EngineHarness.WECHAT_CODE);
            terminal.send(terminal.session.commit());

            assertThat(terminal.receive()).isEqualTo(PosReason.NONE);
            assertThat(terminal.frame().result().reason()).isEqualTo(PosReason.MODIFIED_REQUEST);
            assertThat(terminal.frame().result().terminalTxnId()).isEqualTo("tx-7");
            assertThat(terminal.frame().result().refSequence()).isEqualTo(3);
        }
    }

    @Test
    void shouldRefuseAnUnknownTerminalAndATamperedFrameWithoutDisturbingOthers() throws Exception
    {
        try (TestTerminal good = new TestTerminal(server.address(), LANE2);
             TestTerminal stranger = new TestTerminal(server.address(), STRANGER);
             TestTerminal tamperer = new TestTerminal(server.address(), LANE1))
        {
            good.logOn();

            stranger.send(stranger.session.encodeLogon(stranger.buffer, 0, "x"));
            stranger.receive();
            assertThat(stranger.frame().messageType()).isEqualTo(PosMessageType.ERROR);
            assertThat(stranger.frame().error().reason()).isEqualTo(PosReason.UNKNOWN_TERMINAL);
            assertThat(stranger.closedBySwitch()).isTrue();

            tamperer.logOn();
            tamperer.session.pay(tamperer.buffer, 0).amount(100).currency(156).terminalTxnId("tx-9")
                .merchantId("M1").code(EngineHarness.WECHAT_CODE);
            final int length = tamperer.session.commit();
            tamperer.buffer.putByte(40, (byte)(tamperer.buffer.getByte(40) ^ 1));
            tamperer.send(length);
            tamperer.receive();
            assertThat(tamperer.frame().messageType()).isEqualTo(PosMessageType.ERROR);
            assertThat(tamperer.frame().error().reason()).isEqualTo(PosReason.BAD_MAC);
            assertThat(tamperer.closedBySwitch()).isTrue();

            good.session.pay(good.buffer, 0).amount(100).currency(156).terminalTxnId("tx-2")
                .merchantId("M1").code("134567890123456780");
            good.send(good.session.commit());
            assertThat(good.receive()).isEqualTo(PosReason.NONE);
            assertThat(good.frame().result().status()).isEqualTo(PosStatus.APPROVED);
        }
        assertThat(harness.wallet("wechat").count(io.hutong.connector.WalletOperation.PAY)).isEqualTo(1);
        Thread.sleep(100);
        assertThat(harness.auditDetails()).anySatisfy((d) -> assertThat(d).startsWith("UNKNOWN_TERMINAL"))
            .anySatisfy((d) -> assertThat(d).startsWith("BAD_MAC")).anySatisfy((d) -> assertThat(d).startsWith("logon from"));
    }

    @Test
    void shouldCloseAConnectionThatSendsAnOversizedFrame() throws Exception
    {
        try (TestTerminal terminal = new TestTerminal(server.address(), LANE1))
        {
            terminal.sendRaw(new byte[] {(byte)0xFF, (byte)0xFF, 1, 2, 3});
            assertThat(terminal.closedBySwitch()).isTrue();
        }
    }
}
