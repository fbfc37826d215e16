package io.hutong.core.engine;

import io.hutong.codec.classify.CodeClassifier;
import io.hutong.codec.registry.WalletRegistry;
import io.hutong.codec.registry.WalletRegistryLoader;
import io.hutong.connector.WalletSchedule;
import io.hutong.core.engine.admission.CircuitBreaker;
import io.hutong.core.engine.command.RequestDescriptor;
import io.hutong.core.engine.command.RequestKind;
import org.agrona.concurrent.CachedEpochClock;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An engine wired to scripted connectors for all seven default participants, an in-memory journal, a clock
 * the test moves, and a reply sink that records every answer.
 */
public final class EngineHarness
{
    static final WalletSchedule SCHEDULE = new WalletSchedule(10_000, 5_000, 45_000, 15_000, 5_000, 60_000);
    public static final String WECHAT_CODE = "134567890123456789";
    static final String ALIPAY_CODE = "281234567890123456";
    static final String UNIONPAY_CODE = "6212345678901234567";

    record Reply(long session, long txnId, FinalStatus status, Reason reason, Reason refusal, String wallet,
        String walletTxnId, int commitsBefore)
    {
    }

    final CachedEpochClock clock = new CachedEpochClock();
    final ListJournal journal = new ListJournal();
    public final EngineInbox inbox = new EngineInbox(1 << 20);
    final WalletRegistry registry = WalletRegistryLoader.defaults();
    final Map<String, ScriptedConnector> connectors = new LinkedHashMap<>();
    final List<Reply> replies = new ArrayList<>();
    final EngineCounters counters = new EngineCounters();
    public final Engine engine;
    private long nextSession = 1;

    EngineHarness()
    {
        this(EngineConfig.defaults());
    }

    EngineHarness(final EngineConfig config)
    {
        this(config, null);
    }

    /**
     * @param config the engine's configuration.
     * @param real   a real clock for an engine run on its own thread, or null for the test's clock.
     */
    public EngineHarness(final EngineConfig config, final org.agrona.concurrent.EpochClock real)
    {
        this(config, real, null);
    }

    /**
     * @param config  the engine's configuration.
     * @param real    a real clock, or null for the test's clock.
     * @param durable a journal to use instead of the in-memory one (the in-memory one then stays empty).
     */
    public EngineHarness(final EngineConfig config, final org.agrona.concurrent.EpochClock real, final EngineJournal durable)
    {
        clock.update(1_800_000_000_000L);
        final WalletSlot[] slots = new WalletSlot[registry.participants().size()];
        for (int i = 0; i < slots.length; i++)
        {
            final String id = registry.participant(i).id();
            final ScriptedConnector connector = new ScriptedConnector(id, SCHEDULE);
            connectors.put(id, connector);
            slots[i] = new WalletSlot(i, id, connector, SCHEDULE,
                new CircuitBreaker(config.breakerFailures(), config.breakerOpenMs()));
        }
        final int alipay = registry.participant("alipay").index();
        engine = new Engine(config, null == real ? clock : real, inbox, null == durable ? journal : durable, slots, new CodeClassifier(registry),
            (client) -> client == 0 ? alipay : -1, 16, counters);
        engine.replySink(RequestDescriptor.SOURCE_POS, (session, payment, refusal) ->
            replies.add(new Reply(session, payment.switchTxnId(), payment.status(), payment.reason(), refusal,
                payment.walletId(), java.util.Objects.toString(payment.walletTxnId(), null), journal.commits)));
    }

    public ScriptedConnector wallet(final String id)
    {
        return connectors.get(id);
    }

    public int index(final String wallet)
    {
        return registry.participant(wallet).index();
    }

    public long pay(final String terminal, final String txnId, final String code, final long amount)
    {
        final long session = nextSession++;
        offer((e) -> e.header(RequestKind.CPM_PAY, RequestDescriptor.SOURCE_POS, session, 0)
            .amount(amount, 156)
            .field(RequestDescriptor.TERMINAL_ID, terminal)
            .field(RequestDescriptor.TERMINAL_TXN_ID, txnId)
            .field(RequestDescriptor.MERCHANT_ID, "M100200300")
            .field(RequestDescriptor.CODE, code)
            .finish());
        return session;
    }

    public long query(final String terminal, final String txnId)
    {
        return byTxn(RequestKind.QUERY, terminal, txnId);
    }

    public long reverse(final String terminal, final String txnId)
    {
        return byTxn(RequestKind.REVERSE, terminal, txnId);
    }

    public long refund(final String terminal, final String originalTxnId, final String refundTxnId, final long amount)
    {
        final long session = nextSession++;
        offer((e) -> e.header(RequestKind.REFUND, RequestDescriptor.SOURCE_POS, session, 0)
            .amount(amount, 156)
            .field(RequestDescriptor.TERMINAL_ID, terminal)
            .field(RequestDescriptor.TERMINAL_TXN_ID, originalTxnId)
            .field(RequestDescriptor.REF_TXN_ID, refundTxnId)
            .finish());
        return session;
    }

    public long mpmPay(final String payerWallet, final String payerRef, final String code, final long amount)
    {
        final long session = nextSession++;
        offer((e) -> e.header(RequestKind.MPM_PAY, RequestDescriptor.SOURCE_POS, session, 1)
            .amount(amount, 156)
            .field(RequestDescriptor.TERMINAL_ID, "api-" + payerWallet)
            .field(RequestDescriptor.CODE, code)
            .field(RequestDescriptor.REF_TXN_ID, payerRef)
            .field(RequestDescriptor.WALLET_ID, payerWallet)
            .finish());
        return session;
    }

    /**
     * Run duty cycles until the engine has nothing left to do now.
     */
    public void run()
    {
        for (int i = 0; i < 100; i++)
        {
            if (0 == engine.doWork())
            {
                return;
            }
        }
        throw new AssertionError("engine still busy after 100 duty cycles");
    }

    /**
     * Move time forward in small steps, running the engine at each.
     */
    public void advance(final long ms)
    {
        final long end = clock.time() + ms;
        while (clock.time() < end)
        {
            clock.update(Math.min(end, clock.time() + 100));
            run();
        }
    }

    Reply reply(final long session)
    {
        Reply last = null;
        for (final Reply reply : replies)
        {
            if (reply.session() == session)
            {
                last = reply;
            }
        }
        return last;
    }

    List<Reply> replies(final long session)
    {
        return replies.stream().filter((r) -> r.session() == session).toList();
    }

    /**
     * @return the details of every audit record journaled so far.
     */
    public List<String> auditDetails()
    {
        return journal.entries.stream().filter((e) -> null != e.detail()).map(ListJournal.Entry::detail).toList();
    }

    Payment payment(final long txnId)
    {
        return engine.table().byId(txnId);
    }

    private long byTxn(final RequestKind kind, final String terminal, final String txnId)
    {
        final long session = nextSession++;
        offer((e) -> e.header(kind, RequestDescriptor.SOURCE_POS, session, 0)
            .field(RequestDescriptor.TERMINAL_ID, terminal)
            .field(RequestDescriptor.TERMINAL_TXN_ID, txnId)
            .finish());
        return session;
    }

    private void offer(final EngineInbox.RequestWriter writer)
    {
        if (!inbox.offerRequest(writer))
        {
            throw new AssertionError("inbox full");
        }
    }
}
