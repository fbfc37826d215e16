package io.hutong.core.pos.server;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The open POS connections by connection id, so the engine thread can find the connection a reply belongs to
 * without a map lookup that boxes: ids index a fixed array of slots, and a slot is checked against the id it
 * holds, so a reply for a connection that has gone (and whose slot was reused) is dropped.
 * <p>
 * Thread-safe.
 */
final class PosConnections
{
    private final AtomicReferenceArray<PosHandler> slots;
    private final int mask;
    private final AtomicInteger nextId = new AtomicInteger();

    /**
     * @param capacity most connections open at once, a power of two.
     */
    PosConnections(final int capacity)
    {
        if (Integer.bitCount(capacity) != 1)
        {
            throw new IllegalArgumentException("capacity=" + capacity + ": must be a power of two");
        }
        slots = new AtomicReferenceArray<>(capacity);
        mask = capacity - 1;
    }

    /**
     * Register a connection.
     *
     * @param handler the connection's handler.
     * @return its id (24 bits, never 0), or -1 when every slot is taken.
     */
    int register(final PosHandler handler)
    {
        for (int attempt = 0; attempt <= mask; attempt++)
        {
            final int id = (nextId.incrementAndGet() & 0xFFFFFF);
            if (0 == id)
            {
                continue;
            }
            if (slots.compareAndSet(id & mask, null, handler))
            {
                return id;
            }
        }
        return -1;
    }

    /**
     * @param id      a connection id.
     * @param handler its handler.
     */
    void unregister(final int id, final PosHandler handler)
    {
        slots.compareAndSet(id & mask, handler, null);
    }

    /**
     * @param id a connection id.
     * @return the live connection with that id, or null.
     */
    PosHandler get(final int id)
    {
        final PosHandler handler = slots.get(id & mask);
        return null != handler && handler.connectionId() == id ? handler : null;
    }

    /**
     * @param visitor receives every open connection.
     */
    void forEach(final java.util.function.Consumer<PosHandler> visitor)
    {
        for (int i = 0; i <= mask; i++)
        {
            final PosHandler handler = slots.get(i);
            if (null != handler)
            {
                visitor.accept(handler);
            }
        }
    }
}
