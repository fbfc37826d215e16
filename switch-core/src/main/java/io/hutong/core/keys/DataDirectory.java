package io.hutong.core.keys;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Where the switch keeps its data (keys, journal, configuration written at run time): the {@code --data} flag if
 * given, else the {@value #ENVIRONMENT_VARIABLE} environment variable, else {@value #DEFAULT_PATH} under the
 * working directory. One rule for the CLI, the server and the simulator, so they find the same keys.
 * <p>
 * Stateless; thread-safe.
 */
public final class DataDirectory
{
    /** Environment variable consulted when no flag is given. */
    public static final String ENVIRONMENT_VARIABLE = "HUTONG_DATA";

    /** Directory used, relative to the working directory, when neither flag nor variable is set. */
    public static final String DEFAULT_PATH = "hutong-data";

    private DataDirectory()
    {
    }

    /**
     * Resolve the data directory from the flag value and the process environment.
     *
     * @param flagValue value of {@code --data}, or {@code null} when the flag was not given.
     * @return the absolute, normalised directory; it may not exist yet.
     */
    public static Path resolve(final String flagValue)
    {
        return resolve(flagValue, System::getenv);
    }

    /**
     * Resolve the data directory with an explicit environment, so callers and tests control it.
     *
     * @param flagValue   value of {@code --data}, or {@code null} when the flag was not given.
     * @param environment looks up an environment variable by name, returning {@code null} when unset.
     * @return the absolute, normalised directory; it may not exist yet.
     */
    public static Path resolve(final String flagValue, final UnaryOperator<String> environment)
    {
        // A blank value (e.g. HUTONG_DATA= in a shell script) means "not set", never "the working directory".
        String value = flagValue;
        if (isBlank(value))
        {
            value = environment.apply(ENVIRONMENT_VARIABLE);
        }
        if (isBlank(value))
        {
            value = DEFAULT_PATH;
        }

        return Path.of(value).toAbsolutePath().normalize();
    }

    private static boolean isBlank(final String value)
    {
        return null == value || value.isBlank();
    }
}
