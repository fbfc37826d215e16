package io.hutong.codec.emv.cpm;

import io.hutong.codec.CodeError;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;

import static io.hutong.codec.emv.cpm.CpmSamples.SPEC_EXAMPLE_1;
import static io.hutong.codec.emv.cpm.CpmSamples.SPEC_EXAMPLE_2;
import static io.hutong.codec.emv.cpm.CpmSamples.ascii;
import static io.hutong.codec.emv.cpm.CpmSamples.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The hot path (wrap, decode, route on the AID, log the masked PAN) allocates nothing once warm. Measured with the
 * current thread's allocation counter, which counts every TLAB and outside-TLAB allocation of this thread only, so
 * JIT compiler threads and GC do not disturb it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CpmDecoderAllocationTest
{
    private static final int WARM_UP_ITERATIONS = 50_000;
    private static final int MEASURED_ITERATIONS = 10_000;
    /** Headroom for the counter's own bookkeeping; one 16-byte object per iteration would be 160 KB. */
    private static final long TOLERANCE_BYTES = 1024;
    private static final byte[] RID = hex("A000000055");

    private static Object sink;

    private final CpmDecoder decoder = new CpmDecoder();
    private final StringBuilder masked = new StringBuilder(32);
    private com.sun.management.ThreadMXBean threads;

    @BeforeEach
    void setUp()
    {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean);
        threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported());
        threads.setThreadAllocatedMemoryEnabled(true);
    }

    @Test
    void shouldDecodeSpecExample1TextWithoutAllocating()
    {
        final UnsafeBuffer text = ascii(SPEC_EXAMPLE_1);

        assertThat(decodeLoop(text, WARM_UP_ITERATIONS)).isEqualTo(WARM_UP_ITERATIONS);
        final long before = threads.getCurrentThreadAllocatedBytes();
        final int decoded = decodeLoop(text, MEASURED_ITERATIONS);
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(decoded).isEqualTo(MEASURED_ITERATIONS);
        assertThat(allocated).as("bytes allocated by %d decodes", MEASURED_ITERATIONS).isLessThan(TOLERANCE_BYTES);
    }

    @Test
    void shouldDecodeTwoApplicationPayloadWithoutAllocating()
    {
        final UnsafeBuffer text = ascii(SPEC_EXAMPLE_2);

        assertThat(decodeLoop(text, WARM_UP_ITERATIONS)).isEqualTo(WARM_UP_ITERATIONS);
        final long before = threads.getCurrentThreadAllocatedBytes();
        final int decoded = decodeLoop(text, MEASURED_ITERATIONS);
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(decoded).isEqualTo(MEASURED_ITERATIONS);
        assertThat(allocated).isLessThan(TOLERANCE_BYTES);
    }

    @Test
    void shouldRefuseHostileInputWithoutAllocating()
    {
        final UnsafeBuffer malformed = new UnsafeBuffer(hex("8505435056303161847FFFFFFF4F"));

        for (int i = 0; i < WARM_UP_ITERATIONS; i++)
        {
            decoder.wrapBinary(malformed, 0, malformed.capacity()).decode();
        }
        final long before = threads.getCurrentThreadAllocatedBytes();
        int refused = 0;
        for (int i = 0; i < MEASURED_ITERATIONS; i++)
        {
            refused += decoder.wrapBinary(malformed, 0, malformed.capacity()).decode() == CodeError.MALFORMED ? 1 : 0;
        }
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(refused).isEqualTo(MEASURED_ITERATIONS);
        assertThat(allocated).isLessThan(TOLERANCE_BYTES);
    }

    @Test
    void shouldSeeAllocationWhenThereIsSome()
    {
        // Guards the guard: the same measurement must notice one small object per iteration.
        final long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < MEASURED_ITERATIONS; i++)
        {
            sink = new byte[16];
        }
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(sink).isNotNull();
        assertThat(allocated).isGreaterThanOrEqualTo(16L * MEASURED_ITERATIONS);
    }

    /** The hot path a POS handler runs; returns how many decodes passed so no work is dead code. */
    private int decodeLoop(final UnsafeBuffer text, final int iterations)
    {
        int ok = 0;
        for (int i = 0; i < iterations; i++)
        {
            if (decoder.wrap(text, 0, text.capacity()).decode() == CodeError.NONE && decoder.aidStartsWith(0, RID))
            {
                masked.setLength(0);
                decoder.appendMaskedPan(0, masked);
                ok += masked.length() == 16 && decoder.panLastFour(0) == 3458 ? 1 : 0;
            }
        }
        return ok;
    }
}
