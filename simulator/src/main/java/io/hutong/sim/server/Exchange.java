package io.hutong.sim.server;

import io.hutong.sim.faults.FaultDecision;
import io.netty.util.concurrent.EventExecutor;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One wallet-API request on its way through the fault plan: waits out its latency on the event loop's timer (never
 * sleeping), runs the API where it belongs (event loop or signing executor), then turns the API's answer into what
 * the fault asks for.
 *
 * <pre>
 *   start --latency--&gt; begin --+-- fault hides no applied operation (not applied): 500 | hang | reset |
 *                              |   system error | late handling
 *                              +-- API.handle --&gt; respond --&gt; answer | system error | 500 | nothing | close |
 *                                                             late answer | twice | garbage
 * </pre>
 *
 * Thread-safe: {@link #respond} may be called from any thread, once; the rest runs on the event loop or the
 * executor as shown.
 */
final class Exchange implements Responder
{
    private static final byte[] GARBAGE = "\u0000<<not a wallet answer>>\u0000".getBytes(StandardCharsets.UTF_8);

    private final WalletServer server;
    private final SimChannelHandler channel;
    private final WalletApi api;
    private final SimRequest request;
    private final long sequence;
    private final boolean keepAlive;
    private final AtomicBoolean answered = new AtomicBoolean();

    Exchange(
        final WalletServer server,
        final SimChannelHandler channel,
        final WalletApi api,
        final SimRequest request,
        final long sequence,
        final boolean keepAlive)
    {
        this.server = server;
        this.channel = channel;
        this.api = api;
        this.request = request;
        this.sequence = sequence;
        this.keepAlive = keepAlive;
    }

    void start()
    {
        final long delayMs = request.fault().delayMs();
        if (delayMs > 0)
        {
            loop().schedule(this::begin, delayMs, TimeUnit.MILLISECONDS);
        }
        else
        {
            begin();
        }
    }

    private void begin()
    {
        final FaultDecision fault = request.fault();
        if (fault.applied())
        {
            runApi(this::handle);
            return;
        }
        switch (fault.kind())
        {
            case SYSTEM_ERROR:
                runApi(this::answerSystemError);
                break;
            case HTTP_500:
                finish(SimResponse.text(500, "internal server error"), 1);
                break;
            case HANG:
                break; // never answered: the connection stays open until the client gives up
            case RESET:
                channel.completeFromAnyThread(sequence, new SimChannelHandler.Outgoing(null, 0, false, true));
                break;
            case LATE:
                // Not applied yet: the wallet only gets to the request when it answers, lateMs from now.
                loop().schedule(() -> runApi(this::handle), fault.lateMs(), TimeUnit.MILLISECONDS);
                break;
            default:
                runApi(this::handle);
                break;
        }
    }

    @Override
    public void respond(final SimResponse response)
    {
        if (!answered.compareAndSet(false, true))
        {
            return;
        }
        final FaultDecision fault = request.fault();
        switch (fault.kind())
        {
            case SYSTEM_ERROR:
                runApi(this::answerSystemError);
                break;
            case HTTP_500:
                finish(SimResponse.text(500, "internal server error"), 1);
                break;
            case HANG:
                break;
            case RESET:
                channel.completeFromAnyThread(sequence, new SimChannelHandler.Outgoing(null, 0, false, true));
                break;
            case LATE:
                loop().schedule(() -> finish(response, 1), fault.lateMs(), TimeUnit.MILLISECONDS);
                break;
            case DUPLICATE:
                finish(response, 2);
                break;
            case MALFORMED:
                finish(garbage(response), 1);
                break;
            default:
                finish(response, 1);
                break;
        }
    }

    private void handle()
    {
        try
        {
            api.handle(request, server.context(), this);
        }
        catch (final RuntimeException ex)
        {
            // An API bug must not take the connection down with it; the answer says so, without a stack trace.
            if (answered.compareAndSet(false, true))
            {
                finish(SimResponse.text(500, "simulator fault: " + ex.getClass().getSimpleName()), 1);
            }
        }
    }

    private void answerSystemError()
    {
        SimResponse answer;
        try
        {
            answer = api.systemError(request, server.context());
        }
        catch (final RuntimeException ex)
        {
            answer = SimResponse.text(500, "simulator fault: " + ex.getClass().getSimpleName());
        }
        finish(answer, 1);
    }

    private void runApi(final Runnable task)
    {
        if (api.inline())
        {
            if (loop().inEventLoop())
            {
                task.run();
            }
            else
            {
                loop().execute(task);
            }
        }
        else
        {
            server.runOffLoop(task, () -> finish(SimResponse.text(503, "busy"), 1));
        }
    }

    private void finish(final SimResponse response, final int copies)
    {
        channel.completeFromAnyThread(sequence, new SimChannelHandler.Outgoing(response, copies, keepAlive, false));
    }

    private EventExecutor loop()
    {
        return channel.context().executor();
    }

    private static SimResponse garbage(final SimResponse response)
    {
        final byte[] body = response.body();
        final byte[] broken = Arrays.copyOf(body, body.length / 2 + GARBAGE.length);
        System.arraycopy(GARBAGE, 0, broken, body.length / 2, GARBAGE.length);
        return new SimResponse(200, response.contentType(), broken, response.headerName(), response.headerValue());
    }

    @Override
    public String toString()
    {
        return "Exchange[" + request + ", sequence=" + sequence + "]";
    }
}
