package io.hutong.core.http;

import io.netty.channel.Channel;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The HTTP requests waiting for the engine's answer: session id to the channel to answer on. An event loop
 * registers a request before handing it to the engine; the engine thread takes it back when it replies.
 * Thread-safe.
 */
final class HttpSessions
{
    /** One waiting request. */
    record Waiting(Channel channel, boolean keepAlive)
    {
    }

    private final ConcurrentHashMap<Long, Waiting> waiting = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    long register(final Channel channel, final boolean keepAlive)
    {
        final long id = ids.incrementAndGet();
        waiting.put(id, new Waiting(channel, keepAlive));
        return id;
    }

    Waiting take(final long id)
    {
        return waiting.remove(id);
    }

    int size()
    {
        return waiting.size();
    }
}
