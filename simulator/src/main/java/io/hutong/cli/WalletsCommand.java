package io.hutong.cli;

import io.hutong.core.keys.DataDirectory;
import io.hutong.sim.Simulator;
import io.hutong.sim.config.SimulatorConfig;
import io.hutong.sim.config.SimulatorConfigLoader;
import io.hutong.sim.server.WalletServer;
import org.agrona.concurrent.SystemEpochClock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import sun.misc.Signal;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code hutong wallets [--config FILE] [--data DIR]}: serves every simulated wallet on loopback until SIGTERM or
 * SIGINT, then shuts down cleanly and exits 0. Prints {@code wallet <id> <base-url>} per wallet, then
 * {@code credentials <path>} (a contract: tools read these lines). Secrets go to the credentials file, never to
 * stdout. Bad configuration exits 2 with {@code key=value: reason}.
 */
@Command(
    name = "wallets",
    mixinStandardHelpOptions = true,
    header = "Serve the simulated wallets on loopback until SIGTERM.",
    description = {
        "Starts one simulated wallet per participant (wechat, alipay, unionpay, jdpay, bestpay, cmpay, wopay), each",
        "with its own port, ledger, one-time codes, fault plan and control API (/sim/...). Prints one line",
        "`wallet <id> <base-url>` per wallet, then `credentials <path>`: the JSON file (mode 0600) with what each",
        "wallet's clients need (ids, keys, code seeds). Keys are made on first start and kept in <data>/wallets/.",
        "Serves until SIGTERM or SIGINT, then exits 0. See docs/simulated-wallets.md." },
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = { "0:stopped by SIGTERM or SIGINT", "2:invalid configuration or port in use", "1:internal fault" })
final class WalletsCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "Simulator YAML configuration (default: built in).")
    private Path configFile;

    @Option(names = "--data", paramLabel = "DIR",
        description = "Data directory; keys and credentials go to DIR/wallets/ " +
            "(default: $HUTONG_DATA or ./hutong-data).")
    private String dataDirectory;

    @Override
    public Integer call() throws InterruptedException
    {
        final SimulatorConfig config = SimulatorConfigLoader.load(configFile);
        final CountDownLatch stop = new CountDownLatch(1);
        // Handled, not left to the JVM's default: a SIGTERM'd JVM exits 143, and the contract is a clean exit 0.
        Signal.handle(new Signal("TERM"), (signal) -> stop.countDown());
        Signal.handle(new Signal("INT"), (signal) -> stop.countDown());
        try (Simulator simulator =
            Simulator.start(config, DataDirectory.resolve(dataDirectory), SystemEpochClock.INSTANCE))
        {
            final PrintWriter out = spec.commandLine().getOut();
            for (final WalletServer server : simulator.servers())
            {
                out.println("wallet " + server.context().walletId() + " " + server.baseUrl());
            }
            out.println("credentials " + simulator.credentialsFile());
            out.flush();
            stop.await();
        }
        return HutongCli.EXIT_OK;
    }
}
