package io.hutong.core.engine;

import io.hutong.connector.CreditCommand;
import io.hutong.connector.PayCommand;
import io.hutong.connector.QueryCommand;
import io.hutong.connector.RefundCommand;
import io.hutong.connector.ReleaseCommand;
import io.hutong.connector.ReverseCommand;
import io.hutong.connector.WalletCallback;
import io.hutong.connector.WalletConnector;
import io.hutong.connector.WalletOperation;
import io.hutong.connector.WalletOutcome;
import io.hutong.connector.WalletResult;
import io.hutong.connector.WalletSchedule;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A connector whose answers a test scripts per operation (a queue each; when empty, a default), answering at
 * once through the callback, as a real connector's event loop would later. Records every call.
 */
public final class ScriptedConnector implements WalletConnector
{
    public record Call(WalletOperation operation, long correlationId, Object command)
    {
    }

    private final String walletId;
    private final WalletSchedule schedule;
    private final Map<WalletOperation, ArrayDeque<WalletResult>> scripts = new EnumMap<>(WalletOperation.class);
    final List<Call> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
    boolean holdAnswers;
    final List<Runnable> held = new ArrayList<>();

    ScriptedConnector(final String walletId, final WalletSchedule schedule)
    {
        this.walletId = walletId;
        this.schedule = schedule;
        for (final WalletOperation operation : WalletOperation.values())
        {
            scripts.put(operation, new ArrayDeque<>());
        }
    }

    public ScriptedConnector then(final WalletOperation operation, final WalletOutcome outcome)
    {
        scripts.get(operation).add(WalletResult.answered(operation, outcome, "W" + operation + scripts.size()));
        return this;
    }

    ScriptedConnector then(final WalletResult result)
    {
        scripts.get(result.operation()).add(result);
        return this;
    }

    public long count(final WalletOperation operation)
    {
        return calls.stream().filter((c) -> c.operation() == operation).count();
    }

    void release()
    {
        final List<Runnable> copy = new ArrayList<>(held);
        held.clear();
        copy.forEach(Runnable::run);
    }

    @Override
    public String walletId()
    {
        return walletId;
    }

    @Override
    public WalletSchedule schedule()
    {
        return schedule;
    }

    @Override
    public void pay(final long correlationId, final PayCommand command, final WalletCallback callback)
    {
        answer(WalletOperation.PAY, correlationId, command, callback);
    }

    @Override
    public void query(final long correlationId, final QueryCommand command, final WalletCallback callback)
    {
        answer(WalletOperation.QUERY, correlationId, command, callback);
    }

    @Override
    public void reverse(final long correlationId, final ReverseCommand command, final WalletCallback callback)
    {
        answer(WalletOperation.REVERSE, correlationId, command, callback);
    }

    @Override
    public void refund(final long correlationId, final RefundCommand command, final WalletCallback callback)
    {
        answer(WalletOperation.REFUND, correlationId, command, callback);
    }

    @Override
    public void credit(final long correlationId, final CreditCommand command, final WalletCallback callback)
    {
        answer(WalletOperation.CREDIT, correlationId, command, callback);
    }

    @Override
    public void release(final long correlationId, final ReleaseCommand command, final WalletCallback callback)
    {
        answer(WalletOperation.RELEASE, correlationId, command, callback);
    }

    @Override
    public void close()
    {
    }

    private void answer(
        final WalletOperation operation, final long correlationId, final Object command, final WalletCallback callback)
    {
        calls.add(new Call(operation, correlationId, command));
        final WalletResult scripted = scripts.get(operation).poll();
        final WalletResult result = null != scripted ? scripted :
            WalletResult.answered(operation, WalletOutcome.approved("OK"), "W" + correlationId);
        if (holdAnswers)
        {
            held.add(() -> callback.onResult(correlationId, result));
        }
        else
        {
            callback.onResult(correlationId, result);
        }
    }
}
