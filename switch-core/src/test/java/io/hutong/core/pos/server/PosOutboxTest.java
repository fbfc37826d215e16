package io.hutong.core.pos.server;

import io.hutong.core.engine.EngineInbox;
import io.hutong.core.engine.FinalStatus;
import io.hutong.core.engine.Flow;
import io.hutong.core.engine.PaymentView;
import io.hutong.core.engine.Reason;
import io.hutong.core.pos.auth.LogonVerifier;
import io.hutong.core.pos.auth.TerminalKey;
import io.hutong.core.pos.auth.TerminalKeys;
import io.hutong.core.pos.codec.PosMessageType;
import io.hutong.core.pos.codec.PosReason;
import io.hutong.core.pos.codec.PosStatus;
import io.hutong.core.pos.codec.ResultDecoder;
import io.netty.channel.nio.NioEventLoopGroup;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.SystemEpochClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's answers through a real {@link PosServer} on one event loop to a terminal over a socket, with the
 * test thread as the engine (the only caller of the reply sink). The loop is held by a task while answers pile up,
 * to fill the ring, wrap it and overflow it.
 */
class PosOutboxTest
{
    private static final TerminalKey LANE1 = TerminalKey.of("SHOP1-LANE1",
        HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f"), "alipay");

    private NioEventLoopGroup group;
    private PosServer server;
    private TestTerminal terminal;
    private int connectionId;

    @BeforeEach
    void start() throws Exception
    {
        final TerminalKeys keys = TerminalKeys.builder().add(LANE1).build();
        group = new NioEventLoopGroup(1);
        server = new PosServer(keys, new LogonVerifier(keys, SystemEpochClock.INSTANCE, 60_000, 1024),
            new EngineInbox(1 << 20), group, new InetSocketAddress("127.0.0.1", 0), null, 30);
        terminal = new TestTerminal(server.address(), LANE1);
        terminal.logOn();
        server.connections().forEach((h) -> connectionId = h.connectionId());
    }

    @AfterEach
    void stop() throws Exception
    {
        terminal.close();
        server.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** Park the one event loop until the returned latch is opened. */
    private CountDownLatch block() throws InterruptedException
    {
        final CountDownLatch parked = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        group.next().execute(() ->
        {
            parked.countDown();
            try
            {
                release.await();
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        });
        parked.await();
        return release;
    }

    /** Read up to max Results (10 s socket timeout ends it early); return their refSequences. */
    private List<Long> receive(final int max) throws Exception
    {
        final List<Long> sequences = new ArrayList<>();
        try
        {
            while (sequences.size() < max)
            {
                assertThat(terminal.receive()).isEqualTo(PosReason.NONE);
                if (PosMessageType.RESULT == terminal.frame().messageType())
                {
                    sequences.add(terminal.frame().result().refSequence());
                }
            }
        }
        catch (final SocketTimeoutException ex)
        {
            // Fewer than max arrived: the caller's assertion says so.
        }
        return sequences;
    }

    static PaymentView view(final String txnId, final String walletId, final String walletTxnId,
        final FinalStatus status)
    {
        final UnsafeBuffer txn = new UnsafeBuffer(new byte[64]);
        final int txnLength = txn.putStringWithoutLengthAscii(0, txnId);
        return (PaymentView)Proxy.newProxyInstance(PaymentView.class.getClassLoader(), new Class<?>[] {PaymentView.class},
            (proxy, method, args) -> switch (method.getName())
            {
                case "switchTxnId" -> 42L;
                case "amount" -> 1500L;
                case "flow" -> Flow.CPM;
                case "status" -> status;
                case "reason" -> Reason.NONE;
                case "walletId" -> walletId;
                case "walletTxnId" -> walletTxnId;
                case "terminalTxnId" -> (DirectBuffer)txn;
                case "terminalTxnIdLength" -> txnLength;
                default -> throw new UnsupportedOperationException(method.getName());
            });
    }

    private void answer(final long sequence)
    {
        answer(sequence, view("tx-" + sequence, "wechat", "w" + sequence, FinalStatus.APPROVED));
    }

    private void answer(final long sequence, final PaymentView view)
    {
        server.replySink().reply(PosRequests.sessionId(connectionId, PosMessageType.PAY.code(), sequence),
            view, Reason.NONE);
    }

    @Test
    void shouldDeliverAnswersAfterTheRingWraps() throws Exception
    {
        long sequence = 1;
        for (int i = 0; i < 1700; i++)
        {
            answer(sequence++);
        }
        assertThat(receive(1700)).hasSize(1700);
        // 1700 x 152 bytes taken: 3744 bytes (24 records) to the end of the ring, then it wraps.
        final CountDownLatch release = block();
        for (int i = 0; i < 30; i++)
        {
            answer(sequence++);
        }
        release.countDown();
        assertThat(receive(30)).as("all 30 answers delivered, those after the wrap too").hasSize(30);
    }

    @Test
    void shouldKeepTheEnginesOrderWhenTheRingOverflows() throws Exception
    {
        final CountDownLatch release = block();
        for (long sequence = 1; sequence <= 1800; sequence++)
        {
            answer(sequence);
        }
        release.countDown();
        final List<Long> got = receive(1800);
        assertThat(got).hasSize(1800);
        final List<Long> sorted = new ArrayList<>(got);
        sorted.sort(Long::compare);
        assertThat(got).as("delivered in the engine's order").isEqualTo(sorted);
    }

    @Test
    void shouldLeaveOutAWalletTxnIdTheResultFrameWouldRefuseAndDeliverTheWholeBatch() throws Exception
    {
        final CountDownLatch release = block();
        answer(1);
        answer(2, view("tx-2", "wechat", "w 2", FinalStatus.APPROVED)); // a space: the Result frame refuses it
        answer(3);
        answer(4);
        release.countDown();
        final List<Long> sequences = new ArrayList<>();
        final List<String> txnIds = new ArrayList<>();
        final List<String> walletTxnIds = new ArrayList<>();
        for (int i = 0; i < 4; i++)
        {
            assertThat(terminal.receive()).isEqualTo(PosReason.NONE);
            sequences.add(terminal.frame().result().refSequence());
            txnIds.add(terminal.frame().result().terminalTxnId());
            walletTxnIds.add(terminal.frame().result().walletTxnId());
        }
        assertThat(sequences).containsExactly(1L, 2L, 3L, 4L);
        assertThat(txnIds).containsExactly("tx-1", "tx-2", "tx-3", "tx-4");
        assertThat(walletTxnIds).containsExactly("w1", "", "w3", "w4");
    }

    @Test
    void shouldCarryEveryFieldAtItsLimitAndLeaveOutLongerOnes() throws Exception
    {
        final String txn32 = "T".repeat(32);
        final String wallet16 = "W".repeat(16);
        final String walletTxn64 = "X".repeat(64);
        server.replySink().reply(PosRequests.sessionId(connectionId, PosMessageType.PAY.code(), 7),
            view(txn32, wallet16, walletTxn64, FinalStatus.PENDING), Reason.DUPLICATE);
        assertThat(receive(1)).containsExactly(7L);
        final ResultDecoder result = terminal.frame().result();
        assertThat(result.terminalTxnId()).isEqualTo(txn32);
        assertThat(result.walletId()).isEqualTo(wallet16);
        assertThat(result.walletTxnId()).isEqualTo(walletTxn64);
        assertThat(result.status()).isEqualTo(PosStatus.IN_PROGRESS);
        assertThat(result.reason()).isEqualTo(PosReason.DUPLICATE);
        assertThat(result.switchTxnId()).isEqualTo(42L);
        assertThat(result.amount()).isEqualTo(1500L);
        assertThat(terminal.frame().isRepeat()).isTrue();

        server.replySink().reply(PosRequests.sessionId(connectionId, PosMessageType.PAY.code(), 8),
            view(txn32, wallet16 + "W", walletTxn64 + "X", FinalStatus.APPROVED), Reason.NONE);
        assertThat(receive(1)).containsExactly(8L);
        assertThat(terminal.frame().result().walletId()).isEmpty();
        assertThat(terminal.frame().result().walletTxnId()).isEmpty();
        assertThat(terminal.frame().isRepeat()).isFalse();

        server.replySink().reply(PosRequests.sessionId(connectionId, PosMessageType.PAY.code(), 9),
            view(txn32, wallet16, walletTxn64, FinalStatus.APPROVED), Reason.NOT_FOUND);
        assertThat(receive(1)).containsExactly(9L);
        assertThat(terminal.frame().result().status()).isEqualTo(PosStatus.REJECTED);
        assertThat(terminal.frame().result().reason()).isEqualTo(PosReason.NOT_FOUND);
        assertThat(terminal.frame().result().walletId()).isEmpty();
        assertThat(terminal.frame().result().walletTxnId()).isEmpty();
        assertThat(terminal.frame().result().terminalTxnId()).isEqualTo(txn32);
    }
}
