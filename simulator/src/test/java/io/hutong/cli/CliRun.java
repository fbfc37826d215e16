package io.hutong.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * One run of the {@code hutong} command line with stdout and stderr captured.
 *
 * @param exitCode what the process would exit with.
 * @param out      standard output.
 * @param err      standard error.
 */
record CliRun(int exitCode, String out, String err)
{
    private static final ObjectMapper JSON = new ObjectMapper();

    static CliRun run(final String... args)
    {
        final CommandLine commandLine = HutongCli.commandLine();
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        final int exitCode = commandLine.execute(args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }

    /**
     * @return stdout as the one JSON object it must be.
     */
    JsonNode json()
    {
        try
        {
            final String[] lines = out.strip().split("\n");
            if (lines.length != 1)
            {
                throw new AssertionError("expected one line of JSON, got: " + out);
            }
            final JsonNode node = JSON.readTree(lines[0]);
            if (!node.isObject())
            {
                throw new AssertionError("not a JSON object: " + out);
            }
            return node;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("stdout is not JSON: " + out + " (stderr: " + err + ")", ex);
        }
    }

    static List<String> fieldNames(final JsonNode node)
    {
        final List<String> names = new ArrayList<>();
        final Iterator<String> it = node.fieldNames();
        while (it.hasNext())
        {
            names.add(it.next());
        }
        return names;
    }
}
