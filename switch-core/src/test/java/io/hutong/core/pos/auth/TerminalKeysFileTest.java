package io.hutong.core.pos.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

import io.hutong.core.pos.codec.FrameMac;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class TerminalKeysFileTest
{
    private static final String SECRET_HEX = "5ec2e75ec2e75ec2e75ec2e75ec2e75e";

    @TempDir
    Path temp;

    @Test
    void shouldWriteOwnerOnlyAndLoadTheSameKeys() throws IOException
    {
        final TerminalKeys keys = TerminalKeys.builder()
            .addRandom("LANE-01", 16, new SecureRandom()).addRandom("LANE-02", 32, new SecureRandom()).build();
        final Path file = temp.resolve("terminal-keys.json");

        TerminalKeysFile.write(file, keys);
        final TerminalKeys loaded = TerminalKeysFile.load(file);

        assertThat(loaded.size()).isEqualTo(2);
        for (final String id : new String[]{ "LANE-01", "LANE-02" })
        {
            assertThat(macWith(loaded.find(id))).isEqualTo(macWith(keys.find(id)));
        }
        if (isPosix())
        {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        try (var files = Files.list(temp))
        {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void shouldLoadHandWrittenFileInEitherHexCase() throws IOException
    {
        final Path file = write("{\"version\":1,\"terminals\":[" +
            "{\"terminalId\":\"SHOP0001-LANE01\",\"key\":\"000102030405060708090A0B0C0D0E0F\"}," +
            "{\"key\":\"" + "ab".repeat(32) + "\",\"terminalId\":\"X\"}]}");
        final TerminalKeys keys = TerminalKeysFile.load(file);
        assertThat(keys.find("SHOP0001-LANE01").keyLength()).isEqualTo(16);
        assertThat(keys.find("X").keyLength()).isEqualTo(32);
    }

    @Test
    void shouldRefuseFileOthersCanRead() throws IOException
    {
        assumeTrue(isPosix(), "POSIX permissions");
        final Path file = write("{\"version\":1,\"terminals\":[]}");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> TerminalKeysFile.load(file)).isInstanceOf(TerminalKeysException.class)
            .hasMessage("pos.terminalKeys=" + file + ": group or others may access it (rw-r--r--); chmod 600");
    }

    @Test
    void shouldRefuseMissingFile()
    {
        final Path file = temp.resolve("absent.json");
        assertThatThrownBy(() -> TerminalKeysFile.load(file)).hasMessage("pos.terminalKeys=" + file + ": no such file");
    }

    @Test
    void shouldRefuseBrokenJsonWithoutQuotingIt() throws IOException
    {
        final Path file = write("{\"version\":1,\"terminals\":[{\"terminalId\":\"A\",\"key\":" + SECRET_HEX + "}]}");
        assertThatThrownBy(() -> TerminalKeysFile.load(file)).isInstanceOf(TerminalKeysException.class)
            .hasMessageStartingWith("pos.terminalKeys=" + file + ": not valid JSON at line 1 column")
            .hasMessageNotContaining("5ec2").hasNoCause();
    }

    @Test
    void shouldRefuseBadEntriesNamingThemButNotTheirKeys() throws IOException
    {
        assertRefused("[]", ": must be a JSON object with version and terminals");
        assertRefused("{\"version\":2,\"terminals\":[]}", ": version must be 1");
        assertRefused("{\"version\":1}", ": the top level: version and terminals are required");
        assertRefused("{\"version\":1,\"terminals\":[],\"extra\":0}", ": the top level: unknown member \"extra\"");
        assertRefused("{\"version\":1,\"version\":1,\"terminals\":[]}", ": not valid JSON at line 1 column");
        assertRefused("{\"version\":1,\"terminals\":{}}", ": terminals must be an array");
        assertRefused(entries("1"), ": terminals[0] must be an object");
        assertRefused(entries("{\"terminalId\":\"A\"}"), ": terminals[0]: terminalId and key are required");
        assertRefused(entries("{\"terminalId\":1,\"key\":\"" + SECRET_HEX + "\"}"),
            ": terminals[0]: terminalId and key must be strings");
        assertRefused(entries("{\"terminalId\":\"A\",\"key\":\"" + SECRET_HEX + "0\"}"),
            ": terminals[0].key: must be 32 or 64 hex digits (16 or 32 bytes)");
        assertRefused(entries("{\"terminalId\":\"A\",\"key\":\"" + SECRET_HEX.replace('c', 'g') + "\"}"),
            ": terminals[0].key: must be 32 or 64 hex digits (16 or 32 bytes)");
        assertRefused(entries("{\"terminalId\":\"A B\",\"key\":\"" + SECRET_HEX + "\"}"),
            ": terminals[0].terminalId length=3: must be 1..16 printable ASCII characters without space");
        assertRefused(entries("{\"terminalId\":\"A\",\"key\":\"" + SECRET_HEX + "\"}," +
            "{\"terminalId\":\"A\",\"key\":\"" + SECRET_HEX + "\"}"), ": terminals[1].terminalId=A: given twice");
    }

    private void assertRefused(final String json, final String reason) throws IOException
    {
        final Path file = write(json);
        assertThatThrownBy(() -> TerminalKeysFile.load(file)).isInstanceOf(TerminalKeysException.class)
            .hasMessageStartingWith("pos.terminalKeys=" + file + reason)
            .hasMessageNotContaining("5ec2").hasMessageNotContaining("5EC2");
    }

    private static String entries(final String entries)
    {
        return "{\"version\":1,\"terminals\":[" + entries + "]}";
    }

    private Path write(final String json) throws IOException
    {
        final Path file = Files.createTempFile(temp, "keys", ".json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        if (isPosix())
        {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        return file;
    }

    private boolean isPosix()
    {
        return Files.getFileAttributeView(temp, PosixFileAttributeView.class) != null;
    }

    private static String macWith(final TerminalKey key)
    {
        final byte[] mac = new byte[32];
        key.initMac(new FrameMac()).compute(new UnsafeBuffer(new byte[]{ 1 }), 0, 1, mac, 0);
        return HexFormat.of().formatHex(mac);
    }
}
