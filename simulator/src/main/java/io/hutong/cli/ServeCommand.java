package io.hutong.cli;

import io.hutong.core.config.SwitchConfigLoader;
import io.hutong.core.config.SwitchSettings;
import io.hutong.core.keys.DataDirectory;
import io.hutong.core.node.SwitchNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import sun.misc.Signal;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code hutong serve [--config FILE] [--data DIR] [--wallets CREDENTIALS.json]}: the switch. Prints
 * {@code listening pos <host:port>} and {@code listening http <host:port>} (a contract), serves until SIGTERM or
 * SIGINT, then stops cleanly (payments in flight get up to 10 s) and exits 0.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    header = "Run the switch: POS TCP and HTTP/JSON listeners, engine, journal.",
    description = {
        "Starts the payment switch with built-in defaults, overlaid by --config. Wallet connectors are configured",
        "from the wallets' credentials file (default: DATA/wallets/credentials.json, which `hutong wallets --data",
        "DATA` writes). On first start, development terminal keys (DATA/terminals.json) and API client secrets",
        "(DATA/clients.json) are created. The journal (DATA/journal) is replayed at start: unfinished payments are",
        "queried and completed or reversed. Prints `listening pos HOST:PORT` and `listening http HOST:PORT`, then",
        "serves until SIGTERM or SIGINT. See docs/pos-protocol.md and docs/http-api.md." },
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = { "0:stopped by SIGTERM or SIGINT", "2:invalid configuration, files or port in use",
        "1:internal fault" })
final class ServeCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "Switch YAML configuration (default: built in).")
    private Path configFile;

    @Option(names = "--data", paramLabel = "DIR",
        description = "Data directory: journal, terminals, clients (default: $HUTONG_DATA or ./hutong-data).")
    private String dataDirectory;

    @Option(names = "--wallets", paramLabel = "CREDENTIALS.json",
        description = "Wallet credentials file (overrides wallets.credentials).")
    private Path walletsFile;

    @Override
    public Integer call() throws InterruptedException
    {
        final Path data = DataDirectory.resolve(dataDirectory);
        final SwitchSettings loaded = SwitchConfigLoader.load(configFile, data);
        final SwitchSettings settings = null == walletsFile ? loaded : withCredentials(loaded, walletsFile);
        final CountDownLatch stop = new CountDownLatch(1);
        // Handled so that SIGTERM ends in a clean stop and exit 0, not the JVM's 143.
        Signal.handle(new Signal("TERM"), (signal) -> stop.countDown());
        Signal.handle(new Signal("INT"), (signal) -> stop.countDown());
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        try (SwitchNode node = start(settings))
        {
            for (final String note : node.notes())
            {
                err.println("hutong serve: " + note);
            }
            err.println("hutong serve: wallets " + node.wallets() + ", recovered " + node.recovered() +
                " payments from " + settings.journalDirectory());
            err.flush();
            out.println("listening pos " + hostPort(node.posAddress()));
            out.println("listening http " + hostPort(node.httpAddress()));
            out.flush();
            stop.await();
            err.println("hutong serve: stopping");
            err.flush();
        }
        return HutongCli.EXIT_OK;
    }

    private static SwitchNode start(final SwitchSettings settings) throws InterruptedException
    {
        try
        {
            return SwitchNode.start(settings);
        }
        catch (final RuntimeException ex)
        {
            throw ex;
        }
        catch (final Exception ex)
        {
            // Netty rethrows a failed bind's checked BindException undeclared: a port in use is bad configuration.
            if (ex instanceof java.net.BindException)
            {
                throw new IllegalArgumentException("pos.port/http.port: " + ex.getMessage() + " (" +
                    settings.posAddress() + ", " + settings.httpAddress() + ")", ex);
            }
            throw ex;
        }
    }

    private static SwitchSettings withCredentials(final SwitchSettings s, final Path credentials)
    {
        final Map<String, Map<String, Object>> overrides = new LinkedHashMap<>(s.walletOverrides());
        return new SwitchSettings(s.dataDirectory(), s.posAddress(), s.terminalsFile(), s.logonWindowSeconds(), s.posTls(),
            s.httpAddress(), s.clientsFile(), s.signatureWindowSeconds(), s.journalDirectory(), s.journalSync(),
            credentials.toAbsolutePath(), overrides, s.walletHttp(), s.cryptoThreads(), s.cryptoQueue(), s.engine(),
            s.inboxBytes(), s.spin(), s.registryFile());
    }

    private static String hostPort(final java.net.InetSocketAddress address)
    {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }
}
