package io.hutong.codec.classify;

import io.hutong.codec.registry.WalletRegistryLoader;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;

import static io.hutong.codec.classify.ClassifierSamples.CPM_SPEC_EXAMPLE_1;
import static io.hutong.codec.classify.ClassifierSamples.EMVCO_SPEC;
import static io.hutong.codec.classify.ClassifierSamples.WECHAT_NUMERIC;
import static io.hutong.codec.classify.ClassifierSamples.allWalletsPayload;
import static io.hutong.codec.classify.ClassifierSamples.unionPayCpmBytes;
import static io.hutong.codec.classify.ClassifierSamples.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Classifying scanned bytes allocates nothing once warm, measured with this thread's allocation counter (JIT and
 * GC threads do not disturb it).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CodeClassifierAllocationTest
{
    private static final int WARM_UP_ITERATIONS = 30_000;
    private static final int MEASURED_ITERATIONS = 20_000;
    /** Headroom for the counter's own bookkeeping; one 16-byte object per iteration would be 320 KB. */
    private static final long TOLERANCE_BYTES = 1024;

    private static Object sink;

    private final CodeClassifier classifier = new CodeClassifier(WalletRegistryLoader.defaults());
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
    void shouldClassifyNumericCodeWithoutAllocating()
    {
        assertNoAllocation(utf8(WECHAT_NUMERIC + "\r\n"));
    }

    @Test
    void shouldClassifyGoldenMerchantCodeWithoutAllocating()
    {
        assertNoAllocation(utf8(EMVCO_SPEC));
    }

    @Test
    void shouldClassifyAllWalletsCardWithoutAllocating()
    {
        assertNoAllocation(utf8(allWalletsPayload(classifier.registry())));
    }

    @Test
    void shouldClassifyCpmSpecExampleWithoutAllocating()
    {
        assertNoAllocation(utf8(CPM_SPEC_EXAMPLE_1));
    }

    @Test
    void shouldClassifyBinaryConsumerCodeAndUrlWithoutAllocating()
    {
        assertNoAllocation(new UnsafeBuffer(unionPayCpmBytes()));
        assertNoAllocation(utf8("https://qr.alipay.com/bax01234"));
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

    private void assertNoAllocation(final UnsafeBuffer code)
    {
        assertThat(classifyLoop(code, WARM_UP_ITERATIONS)).isEqualTo(WARM_UP_ITERATIONS);
        final long before = threads.getCurrentThreadAllocatedBytes();
        final int valid = classifyLoop(code, MEASURED_ITERATIONS);
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(valid).isEqualTo(MEASURED_ITERATIONS);
        assertThat(allocated).as("bytes allocated by %d classifications", MEASURED_ITERATIONS)
            .isLessThan(TOLERANCE_BYTES);
    }

    /** Returns how many classifications were valid, so no work is dead code. */
    private int classifyLoop(final UnsafeBuffer code, final int iterations)
    {
        int valid = 0;
        for (int i = 0; i < iterations; i++)
        {
            valid += classifier.classify(code, 0, code.capacity()).isValid() ? 1 : 0;
        }
        return valid;
    }
}
