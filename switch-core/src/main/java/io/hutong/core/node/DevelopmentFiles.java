package io.hutong.core.node;

import io.hutong.codec.registry.WalletRegistry;
import io.hutong.core.pos.auth.TerminalKey;
import io.hutong.core.pos.auth.TerminalKeys;
import io.hutong.core.pos.auth.TerminalKeysFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * The files a switch needs that only an operator can really provide (terminal keys, API client secrets),
 * created on first start in the data directory with fresh random secrets when they are absent, so that
 * {@code hutong serve} runs on a new machine with no configuration. Written owner-only; never committed.
 */
public final class DevelopmentFiles
{
    /** Terminals created for a development switch. */
    public static final int DEVELOPMENT_TERMINALS = 256;

    private DevelopmentFiles()
    {
    }

    /**
     * Create the terminals file if absent: {@value #DEVELOPMENT_TERMINALS} terminals {@code T0000}..., each with a
     * random 32-byte key, their merchants acquired in turn by the given wallets.
     *
     * @param file      the terminals file.
     * @param acquirers the participant ids to spread the terminals over.
     * @return true if created.
     */
    public static boolean terminals(final Path file, final List<String> acquirers)
    {
        if (Files.exists(file))
        {
            return false;
        }
        final SecureRandom random = new SecureRandom();
        final TerminalKeys.Builder builder = TerminalKeys.builder();
        for (int i = 0; i < DEVELOPMENT_TERMINALS; i++)
        {
            final byte[] key = new byte[TerminalKey.MAX_KEY_LENGTH];
            random.nextBytes(key);
            builder.add(TerminalKey.of(String.format("T%04d", i), key,
                acquirers.isEmpty() ? null : acquirers.get(i % acquirers.size())));
        }
        createParent(file);
        TerminalKeysFile.write(file, builder.build());
        return true;
    }

    /**
     * Create the HTTP API clients file if absent: one client {@code <wallet>-api} per participant, acting for it,
     * with a random 32-byte secret.
     *
     * @param file     the clients file.
     * @param registry the participants.
     * @return true if created.
     */
    public static boolean clients(final Path file, final WalletRegistry registry)
    {
        if (Files.exists(file))
        {
            return false;
        }
        final SecureRandom random = new SecureRandom();
        final StringBuilder json = new StringBuilder("{\"clients\": [\n");
        for (int i = 0; i < registry.participants().size(); i++)
        {
            final String wallet = registry.participant(i).id();
            final byte[] secret = new byte[32];
            random.nextBytes(secret);
            json.append(i == 0 ? "  " : ",\n  ").append("{\"id\": \"").append(wallet).append("-api\", \"secret\": \"")
                .append(HexFormat.of().formatHex(secret)).append("\", \"wallet\": \"").append(wallet).append("\"}");
        }
        json.append("\n]}\n");
        createParent(file);
        try
        {
            Files.writeString(file, "", StandardCharsets.UTF_8);
            ownerOnly(file);
            Files.writeString(file, json, StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("http.clients=" + file + ": cannot write", ex);
        }
        return true;
    }

    private static void createParent(final Path file)
    {
        try
        {
            final Path parent = file.toAbsolutePath().getParent();
            if (null != parent)
            {
                Files.createDirectories(parent);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot create " + file.getParent(), ex);
        }
    }

    private static void ownerOnly(final Path file) throws IOException
    {
        try
        {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        catch (final UnsupportedOperationException ignore)
        {
            // Not a POSIX file system: rely on the directory's protection.
        }
    }
}
