package io.hutong.core.pos.server;

import io.hutong.core.pos.auth.NonceSource;
import io.hutong.core.pos.auth.TerminalKey;
import io.hutong.core.pos.auth.TerminalSession;
import io.hutong.core.pos.codec.PosFrameDecoder;
import io.hutong.core.pos.codec.PosReason;
import org.agrona.concurrent.SystemEpochClock;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A blocking POS terminal for tests: a plain socket and the protocol's {@link TerminalSession}, one frame at a
 * time.
 */
public final class TestTerminal implements AutoCloseable
{
    public final TerminalSession session;
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    public final UnsafeBuffer buffer = new UnsafeBuffer(new byte[4096]);
    private final UnsafeBuffer received = new UnsafeBuffer(new byte[4096]);

    public TestTerminal(final InetSocketAddress address, final TerminalKey key) throws IOException
    {
        socket = new Socket(address.getAddress(), address.getPort());
        socket.setSoTimeout(10_000);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
        session = new TerminalSession(key, SystemEpochClock.INSTANCE, NonceSource.secureRandom());
    }

    public void send(final int length) throws IOException
    {
        out.write(buffer.byteArray(), 0, length);
        out.flush();
    }

    public void sendRaw(final byte[] bytes) throws IOException
    {
        out.write(bytes);
        out.flush();
    }

    /**
     * Read one frame and run it through the session.
     *
     * @return the session's verdict.
     */
    public PosReason receive() throws IOException
    {
        final int low = in.readUnsignedByte();
        final int high = in.readUnsignedByte();
        final int length = low | (high << 8);
        in.readFully(received.byteArray(), 0, length);
        return session.onFrame(received, 0, length);
    }

    public PosFrameDecoder frame()
    {
        return session.frame();
    }

    public void logOn() throws IOException
    {
        send(session.encodeLogon(buffer, 0, "test-1.0"));
        final PosReason reason = receive();
        if (PosReason.NONE != reason)
        {
            throw new IllegalStateException("logon refused: " + reason);
        }
    }

    /**
     * @return true if the switch closed the connection (read returns end of stream).
     */
    public boolean closedBySwitch()
    {
        try
        {
            while (true)
            {
                in.readByte();
            }
        }
        catch (final EOFException ex)
        {
            return true;
        }
        catch (final IOException ex)
        {
            return true;
        }
    }

    @Override
    public void close() throws IOException
    {
        socket.close();
    }
}
