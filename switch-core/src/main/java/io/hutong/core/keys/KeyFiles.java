package io.hutong.core.keys;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * File handling for key files: bounded PEM reads with {@code name=value} errors, and crash-safe owner-only writes.
 * Permissions apply where the file system is POSIX; elsewhere files get the platform's defaults.
 * <p>
 * Stateless; thread-safe (callers serialise concurrent creation of the same files).
 */
final class KeyFiles
{
    /** {@code rw-------}: private keys. */
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /** {@code rw-r--r--}: public keys, meant to be handed out. */
    static final Set<PosixFilePermission> WORLD_READABLE = PosixFilePermissions.fromString("rw-r--r--");

    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    /** PEM keys are a few hundred bytes; a large file is the wrong file, and is not read whole into memory. */
    private static final long MAX_KEY_FILE_SIZE = 64 * 1024;

    private KeyFiles()
    {
    }

    static void createKeysDirectory(final Path keysDirectory, final Path privateKeyPath)
    {
        final Path dataDirectory = keysDirectory.getParent();
        try
        {
            Files.createDirectories(dataDirectory);
        }
        catch (final IOException ex)
        {
            throw cannotCreate(privateKeyPath, dataDirectory, ex);
        }

        try
        {
            if (isPosix(dataDirectory))
            {
                // Owner-only from birth, so the private key is never reachable through a readable directory.
                Files.createDirectory(keysDirectory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
            }
            else
            {
                Files.createDirectory(keysDirectory);
            }
        }
        catch (final FileAlreadyExistsException ex)
        {
            if (!Files.isDirectory(keysDirectory))
            {
                throw cannotCreate(privateKeyPath, keysDirectory, ex);
            }
        }
        catch (final IOException ex)
        {
            throw cannotCreate(privateKeyPath, keysDirectory, ex);
        }
    }

    private static SigningKeyException cannotCreate(
        final Path privateKeyPath, final Path directory, final IOException cause)
    {
        final String reason = cause instanceof FileAlreadyExistsException ?
            directory + " exists and is not a directory" : cause.toString();

        return new SigningKeyException(SigningKeyStore.PRIVATE_KEY_NAME + "=" + privateKeyPath +
            ": cannot create development key (" + reason + ")", cause);
    }

    static void writeAtomically(
        final Path target, final String text, final Set<PosixFilePermission> permissions) throws IOException
    {
        final Path directory = target.getParent();
        final boolean posix = isPosix(directory);
        // The temporary file is created owner-only (the JDK's default for temp files on POSIX, made explicit here),
        // so the private key is never readable by others, not even for an instant.
        final FileAttribute<?>[] attributes = posix ?
            new FileAttribute<?>[]{ PosixFilePermissions.asFileAttribute(OWNER_ONLY) } :
            new FileAttribute<?>[0];
        final Path temp = Files.createTempFile(directory, "." + target.getFileName() + ".", ".tmp", attributes);
        try
        {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE))
            {
                final ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
                while (bytes.hasRemaining())
                {
                    channel.write(bytes);
                }
                // Flushed before the rename, so a crash leaves either no file or a whole one, never an empty one.
                channel.force(true);
            }
            if (posix)
            {
                Files.setPosixFilePermissions(temp, permissions);
            }

            try
            {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            }
            catch (final AtomicMoveNotSupportedException ex)
            {
                Files.move(temp, target);
            }
        }
        finally
        {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Best effort: makes the renames durable on Linux; other platforms cannot open a directory and are skipped.
     */
    static void syncDirectory(final Path directory)
    {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ))
        {
            channel.force(true);
        }
        catch (final IOException ex)
        {
            // Durability of the rename is a bonus here, not a promise: the files themselves are already flushed.
        }
    }

    static boolean isPosix(final Path path)
    {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    static String readPem(final String name, final Path path)
    {
        try
        {
            if (Files.isDirectory(path))
            {
                throw new SigningKeyException(name + "=" + path + ": is a directory, not a PEM file");
            }
            if (Files.size(path) > MAX_KEY_FILE_SIZE)
            {
                throw new SigningKeyException(name + "=" + path + ": too large to be a PEM key (over " +
                    MAX_KEY_FILE_SIZE + " bytes)");
            }

            // PEM is ASCII; any stray non-ASCII byte decodes to U+FFFD and fails in the PEM parser with a reason.
            return new String(Files.readAllBytes(path), StandardCharsets.US_ASCII);
        }
        catch (final NoSuchFileException ex)
        {
            throw new SigningKeyException(name + "=" + path + ": file not found", ex);
        }
        catch (final AccessDeniedException ex)
        {
            throw new SigningKeyException(name + "=" + path + ": not readable (permission denied)", ex);
        }
        catch (final IOException ex)
        {
            throw new SigningKeyException(name + "=" + path + ": not readable (" + ex + ")", ex);
        }
    }
}
