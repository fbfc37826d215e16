package io.hutong.codec.emv.mpm;

import io.hutong.codec.CodeError;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Replays the malformed-input corpus in {@code src/test/resources/corpus/mpm} on every run: each file is one
 * payload (its exact bytes) and {@code expected.txt} records the {@link CodeError} the decoder must return.
 * A new crash or fuzz finding becomes a regression test by dropping a file there and adding one line.
 */
class MpmCorpusTest
{
    private static final String CORPUS = "/corpus/mpm/";
    private static final String EXPECTED = "expected.txt";

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("corpus")
    void shouldReturnRecordedErrorWithoutThrowing(final String file, final CodeError expected) throws IOException
    {
        final byte[] payload = Files.readAllBytes(directory().resolve(file));
        final MpmDecoder decoder = new MpmDecoder();
        final CodeError[] result = new CodeError[1];

        assertThatCode(() -> result[0] = decoder.wrap(new UnsafeBuffer(payload), 0, payload.length).decode())
            .doesNotThrowAnyException();
        assertThat(result[0]).as(() -> decoder.error().toString()).isEqualTo(expected);
        assertThat(decoder.isValid()).isEqualTo(expected == CodeError.NONE);
        assertThat(decoder.error().code()).isEqualTo(expected);
        assertThat(decoder.error().offset()).isBetween(0, payload.length);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("corpus")
    void shouldReturnSameErrorWhenPayloadSitsInsideLargerBuffer(final String file, final CodeError expected)
        throws IOException
    {
        final byte[] payload = Files.readAllBytes(directory().resolve(file));
        final int at = 13;
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[at + payload.length + at]);
        buffer.setMemory(0, buffer.capacity(), (byte)'0');
        buffer.putBytes(at, payload);
        final MpmDecoder decoder = new MpmDecoder();

        assertThat(decoder.wrap(buffer, at, payload.length).decode()).isEqualTo(expected);
        if (expected != CodeError.NONE)
        {
            assertThat(decoder.error().offset()).isBetween(at, at + payload.length);
        }
    }

    @Test
    void shouldRecordAnExpectedErrorForEveryCorpusFileAndNoOther() throws IOException
    {
        final TreeSet<String> files;
        try (Stream<Path> listing = Files.list(directory()))
        {
            files = listing.map(path -> path.getFileName().toString())
                .filter(name -> !name.equals(EXPECTED))
                .collect(Collectors.toCollection(TreeSet::new));
        }

        assertThat(files).hasSizeGreaterThanOrEqualTo(40);
        assertThat(new TreeSet<>(expectations().keySet())).isEqualTo(files);
    }

    static Stream<Arguments> corpus()
    {
        return expectations().entrySet().stream().map(entry -> Arguments.of(entry.getKey(), entry.getValue()));
    }

    private static Map<String, CodeError> expectations()
    {
        try
        {
            final Map<String, CodeError> expected = new TreeMap<>();
            for (final String line : Files.readAllLines(directory().resolve(EXPECTED)))
            {
                final String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#"))
                {
                    continue;
                }
                final int separator = trimmed.indexOf('=');
                if (separator < 0)
                {
                    throw new IllegalStateException("expected.txt line=" + line + ": must be 'file = CodeError'");
                }
                final String file = trimmed.substring(0, separator).strip();
                final CodeError code = CodeError.valueOf(trimmed.substring(separator + 1).strip());
                if (expected.put(file, code) != null)
                {
                    throw new IllegalStateException("expected.txt file=" + file + ": listed twice");
                }
            }
            return expected;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static Path directory()
    {
        final URL url = MpmCorpusTest.class.getResource(CORPUS + EXPECTED);
        if (url == null)
        {
            throw new IllegalStateException("resource=" + CORPUS + EXPECTED + ": not on the test classpath");
        }
        try
        {
            return Path.of(url.toURI()).getParent();
        }
        catch (final URISyntaxException ex)
        {
            throw new IllegalStateException("resource=" + url + ": not a file", ex);
        }
    }
}
