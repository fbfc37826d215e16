package io.hutong.codec.emv.mpm;

import io.hutong.codec.CodeError;
import io.hutong.codec.support.Payloads;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.management.ManagementFactory;
import java.util.stream.Stream;

import static io.hutong.codec.emv.mpm.MpmTestPayloads.standard;
import static io.hutong.codec.support.Payloads.tlv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The decoder allocates nothing after warm-up, on success and on every error path (STYLE.md, hot path).
 * Measured with the current thread's allocation counter around the measured loop only.
 */
class MpmAllocationTest
{
    private static final int WARM_UP = 20_000;
    private static final int ITERATIONS = 20_000;
    /** JIT and counter noise over the whole loop; one allocation per decode would be at least 320,000 bytes. */
    private static final long TOLERANCE_BYTES = 256;

    private static com.sun.management.ThreadMXBean threads;

    /** Keeps the allocating control loop's results reachable so they cannot be optimised away. */
    private static volatile Object blackhole;

    private final MpmDecoder decoder = new MpmDecoder();
    private final MpmTemplateCursor cursor = new MpmTemplateCursor();

    @BeforeAll
    static void threadAllocationCounter()
    {
        final java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "JVM has no com.sun.management.ThreadMXBean");
        threads = (com.sun.management.ThreadMXBean)bean;
        assumeTrue(threads.isThreadAllocatedMemorySupported(), "thread allocation counter not supported");
        threads.setThreadAllocatedMemoryEnabled(true);
    }

    @Test
    void shouldDecodeAndReadValidPayloadWithoutAllocating()
    {
        final UnsafeBuffer buffer = Payloads.buffer(GoldenPayloads.EMVCO_SPEC);
        long sink = 0;
        for (int i = 0; i < WARM_UP; i++)
        {
            sink += decodeAndRead(buffer);
        }

        final long before = allocatedBytes();
        for (int i = 0; i < ITERATIONS; i++)
        {
            sink += decodeAndRead(buffer);
        }
        final long allocated = allocatedBytes() - before;

        assertThat(sink).isEqualTo((long)(WARM_UP + ITERATIONS) * expectedPerDecode());
        assertThat(allocated).as("bytes allocated by %d decodes", ITERATIONS).isLessThanOrEqualTo(TOLERANCE_BYTES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failingPayloads")
    void shouldRefuseInvalidPayloadWithoutAllocating(final String name, final CodeError expected, final String payload)
    {
        final UnsafeBuffer buffer = Payloads.buffer(payload);
        long sink = 0;
        for (int i = 0; i < WARM_UP; i++)
        {
            sink += decodeFailing(buffer, expected);
        }

        final long before = allocatedBytes();
        for (int i = 0; i < ITERATIONS; i++)
        {
            sink += decodeFailing(buffer, expected);
        }
        final long allocated = allocatedBytes() - before;

        assertThat(sink).isEqualTo(WARM_UP + ITERATIONS);
        assertThat(allocated).as("bytes allocated by %d failing decodes", ITERATIONS)
            .isLessThanOrEqualTo(TOLERANCE_BYTES);
    }

    /**
     * The measurement must be able to fail: the String accessors allocate, and it has to show.
     */
    @Test
    void shouldSeeAllocationOfStringAccessors()
    {
        final UnsafeBuffer buffer = Payloads.buffer(GoldenPayloads.EMVCO_SPEC);
        decoder.wrap(buffer, 0, buffer.capacity()).decode();
        for (int i = 0; i < WARM_UP; i++)
        {
            blackhole = decoder.merchantName();
        }

        final long before = allocatedBytes();
        for (int i = 0; i < ITERATIONS; i++)
        {
            blackhole = decoder.merchantName();
        }
        final long allocated = allocatedBytes() - before;

        assertThat(allocated).isGreaterThanOrEqualTo(16L * ITERATIONS);
    }

    static Stream<Arguments> failingPayloads()
    {
        final String spec = GoldenPayloads.EMVCO_SPEC;
        final String badCrc = spec.substring(0, spec.length() - 4) + "0000";
        return Stream.of(
            arguments("bad CRC", CodeError.CRC_MISMATCH, badCrc),
            arguments("truncated", CodeError.MALFORMED, spec.substring(0, spec.length() - 6)),
            arguments("CRC missing", CodeError.MISSING_FIELD, spec.substring(0, spec.length() - 8)),
            arguments("name too long", CodeError.INVALID_FIELD, standard().set(tlv("59", "N".repeat(26))).build()),
            arguments("nested duplicate", CodeError.DUPLICATE_FIELD,
                standard().add(tlv("62", "0105ALPHA0105BRAVO")).build()),
            arguments("nested malformed", CodeError.MALFORMED, standard().add(tlv("62", "0599ABC")).build()),
            arguments("too long", CodeError.TOO_LONG, "0".repeat(3_000)));
    }

    private long decodeAndRead(final UnsafeBuffer buffer)
    {
        if (decoder.wrap(buffer, 0, buffer.capacity()).decode() != CodeError.NONE)
        {
            return -1_000_000;
        }
        long result = decoder.transactionAmountMinor(2) + decoder.merchantCategoryCode();
        if (decoder.findSubField(29, MpmDescriptor.GUI, cursor))
        {
            result += cursor.valueLength();
        }
        if (decoder.findSubField(MpmDescriptor.LANGUAGE_TEMPLATE, MpmDescriptor.ALTERNATE_NAME, cursor))
        {
            result += cursor.characters();
        }
        return result;
    }

    private static long expectedPerDecode()
    {
        // amount 23.72 -> 2372, MCC 4111, GUI "D15600000000" is 12 bytes, alternate name is 4 characters
        return 2372 + 4111 + 12 + 4;
    }

    private long decodeFailing(final UnsafeBuffer buffer, final CodeError expected)
    {
        final CodeError result = decoder.wrap(buffer, 0, buffer.capacity()).decode();
        return result == expected && decoder.error().code() == expected && decoder.error().offset() >= 0 &&
            !decoder.isValid() ? 1 : 0;
    }

    private static long allocatedBytes()
    {
        return threads.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    private static Arguments arguments(
        final String name, final CodeError expected, final String payload)
    {
        return Arguments.of(name, expected, payload);
    }
}
