package io.hutong.core.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SwitchConfigLoaderTest
{
    @TempDir
    Path dir;

    @Test
    void shouldRunOnDefaultsWithNoFile()
    {
        final SwitchSettings settings = SwitchConfigLoader.load(null, dir);

        assertThat(settings.posAddress().getPort()).isEqualTo(7100);
        assertThat(settings.posAddress().getAddress().isLoopbackAddress()).isTrue();
        assertThat(settings.httpAddress().getPort()).isEqualTo(8080);
        assertThat(settings.journalDirectory()).isEqualTo(dir.resolve("journal"));
        assertThat(settings.credentialsFile()).isEqualTo(dir.resolve("wallets/credentials.json"));
        assertThat(settings.journalSync()).isEqualTo("none");
        assertThat(settings.posTls()).isNull();
    }

    @Test
    void shouldOverlayAFileAndResolvePathsAgainstTheDataDirectory() throws Exception
    {
        final Path file = write("""
            node: {id: 7}
            pos: {port: 0, terminals: /etc/hutong/terminals.json}
            journal: {dir: j, sync: sync}
            limits: {maxInFlight: 10, breakerFailures: 3}
            wallets:
              overrides:
                wechat: {schedule: {queryIntervalMs: 3000}}
            """);

        final SwitchSettings settings = SwitchConfigLoader.load(file, dir);

        assertThat(settings.engine().nodeId()).isEqualTo(7);
        assertThat(settings.posAddress().getPort()).isZero();
        assertThat(settings.terminalsFile()).isEqualTo(Path.of("/etc/hutong/terminals.json"));
        assertThat(settings.journalDirectory()).isEqualTo(dir.resolve("j"));
        assertThat(settings.journalSync()).isEqualTo("sync");
        assertThat(settings.engine().maxInFlight()).isEqualTo(10);
        assertThat(settings.engine().breakerFailures()).isEqualTo(3);
        assertThat(settings.walletOverrides()).containsKey("wechat");
    }

    @Test
    void shouldNameTheKeyAndReasonOfEveryMistake() throws Exception
    {
        assertThatThrownBy(() -> SwitchConfigLoader.load(write("pos: {port: 70000}"), dir))
            .hasMessage("pos.port=70000: must be 0-65535");
        assertThatThrownBy(() -> SwitchConfigLoader.load(write("pos: {prot: 1}"), dir))
            .hasMessageStartingWith("pos.prot: unknown key");
        assertThatThrownBy(() -> SwitchConfigLoader.load(write("journal: {sync: always}"), dir))
            .hasMessage("journal.sync=always: must be none or sync");
        assertThatThrownBy(() -> SwitchConfigLoader.load(write("limits: {maxInFlight: -1}"), dir))
            .hasMessage("limits.maxInFlight=-1: must be > 0");
        assertThatThrownBy(() -> SwitchConfigLoader.load(write("node: {id: 100}"), dir))
            .hasMessage("engine.nodeId=100: must be 0-99");
        assertThatThrownBy(() -> SwitchConfigLoader.load(write("pos: {port: seven}"), dir))
            .hasMessageStartingWith("pos.port: ");
        assertThatThrownBy(() -> SwitchConfigLoader.load(write("pos: {tls: {enabled: true}}"), dir))
            .hasMessage("pos.tls: certificate and privateKey are required when enabled");
        assertThatThrownBy(() -> SwitchConfigLoader.load(write("engine: {inboxBytes: 1000}"), dir))
            .hasMessage("engine.inboxBytes=1000: must be a power of two >= 65536");
        assertThatThrownBy(() -> SwitchConfigLoader.load(dir.resolve("missing.yaml"), dir))
            .hasMessageStartingWith("config=" + dir.resolve("missing.yaml") + ": cannot read");
    }

    private Path write(final String yaml) throws Exception
    {
        final Path file = Files.createTempFile(dir, "switch", ".yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
