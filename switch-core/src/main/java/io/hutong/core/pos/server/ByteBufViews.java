package io.hutong.core.pos.server;

import io.netty.buffer.ByteBuf;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Points an Agrona view at a Netty buffer's readable bytes, so that the POS flyweights read a received frame in
 * place: direct buffers by address, heap buffers by array, and only a composite buffer is copied. Stateless.
 */
public final class ByteBufViews
{
    private ByteBufViews()
    {
    }

    /**
     * @param buf  the received bytes; the view is valid until it is released.
     * @param view re-wrapped over {@code buf}'s readable bytes, from offset 0.
     */
    public static void wrap(final ByteBuf buf, final UnsafeBuffer view)
    {
        if (buf.hasMemoryAddress())
        {
            view.wrap(buf.memoryAddress() + buf.readerIndex(), buf.readableBytes());
        }
        else if (buf.hasArray())
        {
            view.wrap(buf.array(), buf.arrayOffset() + buf.readerIndex(), buf.readableBytes());
        }
        else
        {
            final byte[] copy = new byte[buf.readableBytes()];
            buf.getBytes(buf.readerIndex(), copy);
            view.wrap(copy);
        }
    }
}
