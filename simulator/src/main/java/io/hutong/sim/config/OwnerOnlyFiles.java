package io.hutong.sim.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Crash-safe, owner-only files for the simulator's secrets and credentials: written to an owner-only temporary
 * file, flushed, then renamed over the target, so a reader never sees a half-written file and others never see the
 * secrets, not even for an instant. Permissions apply where the file system is POSIX. Stateless and thread-safe
 * (callers serialise writes of the same file).
 */
public final class OwnerOnlyFiles
{
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private OwnerOnlyFiles()
    {
    }

    /**
     * Creates a directory (and its parents) owner-only when it does not exist.
     *
     * @param directory the directory.
     * @throws UncheckedIOException when it cannot be created.
     */
    public static void createDirectory(final Path directory)
    {
        try
        {
            if (Files.isDirectory(directory))
            {
                return;
            }
            if (null != directory.getParent())
            {
                Files.createDirectories(directory.getParent());
            }
            if (isPosix(directory.getParent()))
            {
                Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(DIRECTORY));
            }
            else
            {
                Files.createDirectory(directory);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("data=" + directory + ": cannot create (" + ex + ")", ex);
        }
    }

    /**
     * Writes a file atomically, readable and writable by its owner only.
     *
     * @param target the file.
     * @param bytes  the content.
     * @throws UncheckedIOException when it cannot be written.
     */
    public static void write(final Path target, final byte[] bytes)
    {
        final Path directory = target.toAbsolutePath().getParent();
        final boolean posix = isPosix(directory);
        try
        {
            final FileAttribute<?>[] attributes = posix ?
                new FileAttribute<?>[]{ PosixFilePermissions.asFileAttribute(FILE) } : new FileAttribute<?>[0];
            final Path temp = Files.createTempFile(directory, "." + target.getFileName() + ".", ".tmp", attributes);
            try
            {
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE))
                {
                    final ByteBuffer buffer = ByteBuffer.wrap(bytes);
                    while (buffer.hasRemaining())
                    {
                        channel.write(buffer);
                    }
                    channel.force(true);
                }
                try
                {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                }
                catch (final AtomicMoveNotSupportedException ex)
                {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            finally
            {
                Files.deleteIfExists(temp);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("file=" + target + ": cannot write (" + ex + ")", ex);
        }
    }

    private static boolean isPosix(final Path path)
    {
        return null != path && path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
