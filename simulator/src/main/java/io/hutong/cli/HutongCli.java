package io.hutong.cli;

import io.hutong.core.keys.SigningKeyException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code hutong} command: one executable for every tool (decode, merchant-code, wallets, and later serve,
 * pos, demo). Exit codes: 0 success, 2 invalid input (a code that does not decode, a bad option), 1 an
 * internal fault.
 */
@Command(
    name = "hutong",
    mixinStandardHelpOptions = true,
    versionProvider = HutongCli.Version.class,
    description = "Hutong (互通): the payment-code interoperability switch.",
    subcommands = {
        DecodeCommand.class, MerchantCodeCommand.class, RenderCommand.class, WalletsCommand.class, ServeCommand.class,
        JournalCommand.class, SettlementCommand.class, ReconcileCommand.class, PosCommand.class, DemoCommand.class,
        CommandLine.HelpCommand.class })
public final class HutongCli
{
    /** The code is valid, or the command did its job. */
    public static final int EXIT_OK = 0;
    /** An internal fault: a bug or the machine, never the input. */
    public static final int EXIT_FAULT = 1;
    /** Invalid input: a code that does not decode, a bad option or file. */
    public static final int EXIT_INVALID = 2;

    private HutongCli()
    {
    }

    /**
     * @param args command-line arguments.
     */
    public static void main(final String[] args)
    {
        // Nothing in this project phones home, whatever a dependency's default.
        System.setProperty("chronicle.analytics.disable", "true");
        System.exit(commandLine().execute(args));
    }

    /**
     * @return the configured picocli command line (also used by tests).
     */
    public static CommandLine commandLine()
    {
        final CommandLine commandLine = new CommandLine(HutongCli.class);
        // Picocli asks this mapper for option errors too (ParameterException): a bad option is invalid input.
        commandLine.setExitCodeExceptionMapper(ex -> isInvalidInput(ex) ? EXIT_INVALID : EXIT_FAULT);
        commandLine.setExecutionExceptionHandler((ex, cmd, parseResult) ->
        {
            if (isInvalidInput(ex))
            {
                cmd.getErr().println("hutong " + cmd.getCommandName() + ": " + ex.getMessage());
                return EXIT_INVALID;
            }
            cmd.getErr().println("hutong " + cmd.getCommandName() + ": internal fault: " + ex);
            return EXIT_FAULT;
        });
        return commandLine;
    }

    /**
     * Whether a failure is the user's input or configuration (a bad option, code, registry or key file) rather
     * than a fault: those exit {@link #EXIT_INVALID} with their {@code name=value: reason} message.
     */
    private static boolean isInvalidInput(final Throwable ex)
    {
        return ex instanceof IllegalArgumentException || ex instanceof CommandLine.ParameterException ||
            ex instanceof SigningKeyException || ex instanceof io.hutong.core.pos.auth.TerminalKeysException ||
            ex instanceof io.hutong.core.journal.JournalException;
    }

    /**
     * Version from the jar manifest.
     */
    static final class Version implements CommandLine.IVersionProvider
    {
        @Override
        public String[] getVersion()
        {
            final String version = HutongCli.class.getPackage().getImplementationVersion();
            return new String[]{ "hutong " + (version == null ? "development build" : version) };
        }
    }
}
