package io.hutong.core.keys;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DataDirectoryTest
{
    private static final UnaryOperator<String> NO_ENVIRONMENT = name -> null;

    @Test
    void shouldPreferTheFlag()
    {
        final UnaryOperator<String> environment = Map.of("HUTONG_DATA", "/from/env")::get;

        assertThat(DataDirectory.resolve("/from/flag", environment)).isEqualTo(Path.of("/from/flag"));
    }

    @Test
    void shouldFallBackToTheEnvironmentVariable()
    {
        final UnaryOperator<String> environment = Map.of("HUTONG_DATA", "/from/env")::get;

        assertThat(DataDirectory.resolve(null, environment)).isEqualTo(Path.of("/from/env"));
        assertThat(DataDirectory.resolve("  ", environment)).isEqualTo(Path.of("/from/env"));
    }

    @Test
    void shouldDefaultToHutongDataInTheWorkingDirectory()
    {
        final Path expected = Path.of("hutong-data").toAbsolutePath().normalize();

        assertThat(DataDirectory.resolve(null, NO_ENVIRONMENT)).isEqualTo(expected);
        assertThat(DataDirectory.resolve("", Map.of("HUTONG_DATA", "")::get)).isEqualTo(expected);
    }

    @Test
    void shouldReturnAbsoluteNormalisedPaths()
    {
        final Path resolved = DataDirectory.resolve("./a/../b", NO_ENVIRONMENT);

        assertThat(resolved.isAbsolute()).isTrue();
        assertThat(resolved).isEqualTo(Path.of("b").toAbsolutePath());
    }
}
