package io.hutong.core.pos.auth;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The terminal key file: JSON, owner-only, one entry per terminal with its key in hex.
 * <pre>
 *   {
 *     "version": 1,
 *     "terminals": [
 *       { "terminalId": "SHOP0001-LANE01", "key": "000102030405060708090a0b0c0d0e0f", "acquirer": "alipay" },
 *       { "terminalId": "SHOP0001-LANE02", "key": "&lt;64 hex digits for a 32-byte key&gt;" }
 *     ]
 *   }
 * </pre>
 * Rules: exactly these members (no others, none twice; {@code acquirer}, the participant id of the wallet that
 * acquires for the terminal's merchant, is optional); {@code version} 1; terminal ids 1..16 printable ASCII
 * without space, each once; keys 32 or 64 hex digits (16 or 32 bytes), either case. On POSIX file systems a file
 * that group or others may access at all is refused, as ssh refuses such private keys. Every refusal is a
 * {@link TerminalKeysException} {@code pos.terminalKeys=<path>: <reason>} that names the entry, never a key byte;
 * JSON syntax errors give the line and column only, since the parser's own message may quote the text around the
 * error, which could be a key.
 * <p>
 * Stateless; thread-safe. For start-up and tools, not the hot path.
 */
public final class TerminalKeysFile
{
    /** Configuration name of the key file, used in error messages. */
    public static final String CONFIG_NAME = "pos.terminalKeys";
    /** The only file format version. */
    public static final int FORMAT_VERSION = 1;
    /** Largest file read: about 150,000 terminals; anything bigger is the wrong file. */
    public static final long MAX_FILE_SIZE = 16L * 1024 * 1024;

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final String VERSION = "version";
    private static final String TERMINALS = "terminals";
    private static final String TERMINAL_ID = "terminalId";
    private static final String KEY = "key";
    private static final String ACQUIRER = "acquirer";

    private TerminalKeysFile()
    {
    }

    /**
     * Read and validate a key file.
     *
     * @param path the file.
     * @return the keys.
     * @throws TerminalKeysException when the file is missing, unreadable, too large, open to others or invalid.
     */
    public static TerminalKeys load(final Path path)
    {
        final byte[] bytes = read(path);
        try
        {
            return parse(path, bytes);
        }
        finally
        {
            Arrays.fill(bytes, (byte)0);
        }
    }

    /**
     * Write keys to a file, owner-only, atomically: a temporary file beside it is written, flushed and renamed.
     *
     * @param path  the file; replaced if it exists.
     * @param keys  the keys.
     * @throws TerminalKeysException when the file cannot be written.
     */
    public static void write(final Path path, final TerminalKeys keys)
    {
        final byte[] json = toJson(keys);
        final Path directory = path.toAbsolutePath().getParent();
        Path temp = null;
        try
        {
            final boolean posix = isPosix(directory);
            temp = posix ?
                Files.createTempFile(directory, "." + path.getFileName(), ".tmp",
                    PosixFilePermissions.asFileAttribute(OWNER_ONLY)) :
                Files.createTempFile(directory, "." + path.getFileName(), ".tmp");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE))
            {
                final ByteBuffer bytes = ByteBuffer.wrap(json);
                while (bytes.hasRemaining())
                {
                    channel.write(bytes);
                }
                // Flushed before the rename: a crash leaves the old file or the whole new one, never a torn one.
                channel.force(true);
            }
            try
            {
                Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            catch (final AtomicMoveNotSupportedException ex)
            {
                Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        catch (final IOException ex)
        {
            throw new TerminalKeysException(CONFIG_NAME + "=" + path + ": cannot write (" + ex + ")", ex);
        }
        finally
        {
            Arrays.fill(json, (byte)0);
            deleteQuietly(temp);
        }
    }

    private static byte[] read(final Path path)
    {
        try
        {
            if (isPosix(path))
            {
                final Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
                if (!OWNER_ONLY.containsAll(permissions))
                {
                    throw refused(path, "group or others may access it (" +
                        PosixFilePermissions.toString(permissions) + "); chmod 600");
                }
            }
            final long size = Files.size(path);
            if (size > MAX_FILE_SIZE)
            {
                throw refused(path, "size=" + size + " bytes, more than " + MAX_FILE_SIZE);
            }
            return Files.readAllBytes(path);
        }
        catch (final NoSuchFileException ex)
        {
            throw new TerminalKeysException(CONFIG_NAME + "=" + path + ": no such file", ex);
        }
        catch (final IOException ex)
        {
            throw new TerminalKeysException(CONFIG_NAME + "=" + path + ": cannot read (" + ex + ")", ex);
        }
    }

    private static TerminalKeys parse(final Path path, final byte[] bytes)
    {
        final JsonNode root;
        try
        {
            final ObjectMapper mapper = new ObjectMapper();
            mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            root = mapper.readTree(bytes);
        }
        catch (final JsonProcessingException ex)
        {
            // No cause and no parser message: both may quote the text at the error, which may be key material.
            final JsonLocation location = ex.getLocation();
            throw refused(path, location == null ? "not valid JSON" :
                "not valid JSON at line " + location.getLineNr() + " column " + location.getColumnNr());
        }
        catch (final IOException ex)
        {
            throw new TerminalKeysException(CONFIG_NAME + "=" + path + ": cannot read (" + ex + ")", ex);
        }
        if (root == null || !root.isObject())
        {
            throw refused(path, "must be a JSON object with version and terminals");
        }
        checkMembers(path, root, "the top level", VERSION, TERMINALS);
        final JsonNode version = root.get(VERSION);
        if (!version.isInt() || version.intValue() != FORMAT_VERSION)
        {
            throw refused(path, "version must be " + FORMAT_VERSION);
        }
        final JsonNode terminals = root.get(TERMINALS);
        if (!terminals.isArray())
        {
            throw refused(path, "terminals must be an array");
        }

        final TerminalKeys.Builder builder = TerminalKeys.builder();
        for (int i = 0; i < terminals.size(); i++)
        {
            final TerminalKey key = entry(path, i, terminals.get(i));
            try
            {
                builder.add(key);
            }
            catch (final IllegalArgumentException ex)
            {
                throw refused(path, "terminals[" + i + "]." + ex.getMessage());
            }
        }
        return builder.build();
    }

    private static TerminalKey entry(final Path path, final int index, final JsonNode entry)
    {
        final String where = "terminals[" + index + "]";
        if (!entry.isObject())
        {
            throw refused(path, where + " must be an object");
        }
        checkMembers(path, entry, where, TERMINAL_ID, KEY, ACQUIRER);
        final JsonNode id = entry.get(TERMINAL_ID);
        final JsonNode key = entry.get(KEY);
        final JsonNode acquirer = entry.get(ACQUIRER);
        if (null != acquirer && (!acquirer.isTextual() || !acquirer.textValue().matches("[a-z0-9_-]{1,8}")))
        {
            throw refused(path, where + ".acquirer: must be a participant id (1-8 of [a-z0-9_-])");
        }
        if (!id.isTextual() || !key.isTextual())
        {
            throw refused(path, where + ": terminalId and key must be strings");
        }
        final String hex = key.textValue();
        if ((hex.length() != 2 * TerminalKey.MIN_KEY_LENGTH && hex.length() != 2 * TerminalKey.MAX_KEY_LENGTH) ||
            !isHex(hex))
        {
            throw refused(path, where + ".key: must be 32 or 64 hex digits (16 or 32 bytes)");
        }
        final byte[] bytes = HexFormat.of().parseHex(hex);
        try
        {
            return TerminalKey.of(id.textValue(), bytes, null == acquirer ? null : acquirer.textValue());
        }
        catch (final IllegalArgumentException ex)
        {
            throw refused(path, where + "." + ex.getMessage());
        }
        finally
        {
            Arrays.fill(bytes, (byte)0);
        }
    }

    private static void checkMembers(
        final Path path, final JsonNode node, final String where, final String first, final String second)
    {
        checkMembers(path, node, where, first, second, null);
    }

    private static void checkMembers(
        final Path path, final JsonNode node, final String where, final String first, final String second,
        final String optional)
    {
        for (final Map.Entry<String, JsonNode> member : node.properties())
        {
            final String name = member.getKey();
            if (!name.equals(first) && !name.equals(second) && !name.equals(optional))
            {
                throw refused(path, where + ": unknown member \"" + printable(name) + "\"");
            }
        }
        if (!node.has(first) || !node.has(second))
        {
            throw refused(path, where + ": " + first + " and " + second + " are required");
        }
    }

    private static String printable(final String name)
    {
        final StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length() && i < 32; i++)
        {
            final char c = name.charAt(i);
            out.append(c >= 0x20 && c <= 0x7E ? c : '?');
        }
        return out.toString();
    }

    private static boolean isHex(final String text)
    {
        for (int i = 0; i < text.length(); i++)
        {
            if (Character.digit(text.charAt(i), 16) < 0 || text.charAt(i) > 0x7F)
            {
                return false;
            }
        }
        return true;
    }

    private static byte[] toJson(final TerminalKeys keys)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8))
        {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeNumberField(VERSION, FORMAT_VERSION);
            json.writeArrayFieldStart(TERMINALS);
            for (final TerminalKey key : keys.keys())
            {
                final byte[] bytes = key.copyKey();
                json.writeStartObject();
                json.writeStringField(TERMINAL_ID, key.terminalId());
                json.writeStringField(KEY, HexFormat.of().formatHex(bytes));
                if (null != key.acquirer())
                {
                    json.writeStringField(ACQUIRER, key.acquirer());
                }
                json.writeEndObject();
                Arrays.fill(bytes, (byte)0);
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeRaw('\n');
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("writing JSON to memory failed", ex);
        }
        return out.toByteArray();
    }

    private static boolean isPosix(final Path path)
    {
        final Path target = Files.exists(path) ? path : path.toAbsolutePath().getParent();
        return target != null && Files.getFileAttributeView(target, PosixFileAttributeView.class) != null;
    }

    private static void deleteQuietly(final Path temp)
    {
        if (temp != null)
        {
            try
            {
                Files.deleteIfExists(temp);
            }
            catch (final IOException ignored)
            {
                // The rename already happened or the write failed and was reported; a stray temp file is harmless.
            }
        }
    }

    private static TerminalKeysException refused(final Path path, final String reason)
    {
        return new TerminalKeysException(CONFIG_NAME + "=" + path + ": " + reason);
    }
}
