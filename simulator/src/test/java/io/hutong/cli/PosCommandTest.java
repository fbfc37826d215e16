package io.hutong.cli;

import io.hutong.core.pos.auth.TerminalKey;
import io.hutong.core.pos.auth.TerminalKeys;
import io.hutong.core.pos.auth.TerminalKeysFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code hutong pos} option and start-up checks: everything that stops a run before it starts exits 2 with the
 * option and the reason. (Runs against a live switch are in io.hutong.sim.pos.PosLoadEndToEndTest.)
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PosCommandTest
{
    @TempDir
    Path dir;

    private Path credentials;
    private Path terminals;
    private int closedPort;

    @BeforeEach
    void files() throws Exception
    {
        credentials = dir.resolve("credentials.json");
        Files.writeString(credentials, """
            {"wechat": {"baseUrl": "http://127.0.0.1:1", "codes": {"prefix": "10", "length": 18},
              "consumers": [{"account": "c000001", "number": 1, "seed": "%s"}], "merchants": ["wechat-m0001"]},
             "bestpay": {"baseUrl": "http://127.0.0.1:2", "codes": {"prefix": "51", "length": 18},
              "consumers": [], "merchants": []}}
            """.formatted("ab".repeat(32)));
        terminals = dir.resolve("terminals.json");
        TerminalKeysFile.write(terminals, TerminalKeys.builder().add(TerminalKey.of("T0000", new byte[32], "wechat"))
            .add(TerminalKey.of("T0001", new byte[32], "wechat")).build());
        try (ServerSocket socket = new ServerSocket(0))
        {
            closedPort = socket.getLocalPort();
        }
    }

    @Test
    void shouldRequireTheSwitchAndTheCredentials()
    {
        final CliRun run = CliRun.run("pos", "--wallets", credentials.toString());

        assertThat(run.exitCode()).isEqualTo(HutongCli.EXIT_INVALID);
        assertThat(run.err()).contains("--switch");
    }

    @Test
    void shouldRefuseBadOptionsNamingTheOption()
    {
        assertInvalid("--mix=cpm=80,pos=20: unknown name pos", "--mix", "cpm=80,pos=20");
        assertInvalid("--wallet-mix=paypal=1: unknown name paypal", "--wallet-mix", "paypal=1");
        assertInvalid("--image-share=1.5: must be in [0, 1]", "--image-share", "1.5");
        assertInvalid("--tps=0: must be 1..1000000", "--tps", "0");
        assertInvalid("--terminals=0: must be 1..100000", "--terminals", "0");
        assertInvalid("--p99-ms=0.0: must be > 0", "--find-max", "--p99-ms", "0");
        assertInvalid("--http=localhost: expected HOST:PORT", "--http", "localhost");
        assertInvalid("--wallet-mix=bestpay=1: bestpay has no consumers", "--wallet-mix", "bestpay=1");
    }

    @Test
    void shouldRefuseMissingOrUnreadableFiles()
    {
        final CliRun missing = CliRun.run("pos", "--switch", "127.0.0.1:" + closedPort, "--wallets",
            dir.resolve("nope.json").toString());

        assertThat(missing.exitCode()).isEqualTo(HutongCli.EXIT_INVALID);
        assertThat(missing.err()).contains("wallets=" + dir.resolve("nope.json") + ": no such file");
        assertInvalid("--terminals=3: " + terminals + " has only 2 terminals", "--terminals", "3");
    }

    @Test
    void shouldExitTwoWhenTheSwitchIsUnreachable()
    {
        final CliRun run = run();

        assertThat(run.exitCode()).as(run.err()).isEqualTo(HutongCli.EXIT_INVALID);
        assertThat(run.err()).contains("switch=127.0.0.1:" + closedPort + ": unreachable");
    }

    @Test
    void shouldExitTwoWhenMpmIsAskedButTheHttpApiIsUnreachable()
    {
        final CliRun run = CliRun.run("pos", "--switch", "127.0.0.1:" + closedPort, "--http", "127.0.0.1:" + closedPort,
            "--wallets", credentials.toString(), "--terminals-file", terminals.toString(), "--wallet-mix", "wechat=1",
            "--mix", "cpm=50,mpm=50", "--terminals", "2");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(HutongCli.EXIT_INVALID);
        assertThat(run.err()).contains("--http=127.0.0.1:" + closedPort + ": the switch's HTTP API is unreachable");
    }

    @Test
    void shouldDescribeEveryOptionInItsHelp()
    {
        final CliRun run = CliRun.run("pos", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--switch=HOST:PORT", "--wallets=CREDENTIALS.json", "--http=HOST:PORT",
            "--terminals-file=FILE", "--clients=FILE", "--data=DIR", "--terminals=N", "--tps=N", "--seconds=N",
            "--mix=cpm=W,mpm=W", "--wallet-mix=ID=W", "--image-share=X", "--report=FILE.json", "--find-max",
            "--p99-ms=MS");
    }

    private void assertInvalid(final String message, final String... options)
    {
        final CliRun run = run(options);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(HutongCli.EXIT_INVALID);
        assertThat(run.err()).contains(message);
    }

    private CliRun run(final String... options)
    {
        final List<String> args = new ArrayList<>(List.of("pos", "--switch", "127.0.0.1:" + closedPort, "--wallets",
            credentials.toString(), "--terminals-file", terminals.toString(), "--mix", "cpm=100", "--wallet-mix",
            "wechat=1", "--terminals", "2"));
        // Picocli refuses a single-value option given twice: a default the test overrides is dropped first.
        final List<String> given = Arrays.asList(options);
        for (final String option : List.of("--mix", "--wallet-mix", "--terminals"))
        {
            if (given.contains(option))
            {
                final int at = args.indexOf(option);
                args.remove(at + 1);
                args.remove(at);
            }
        }
        args.addAll(given);
        return CliRun.run(args.toArray(new String[0]));
    }
}
