package io.hutong.sim;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Makes Netty's leak reports (paranoid level, set by surefire) fail the test instead of only logging. Every test
 * class that starts a server calls {@link #install()} in a static initialiser, before Netty makes its first buffer.
 */
public final class LeakGuard
{
    private static final List<String> LEAKS = new CopyOnWriteArrayList<>();

    static
    {
        ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new RecordingFactory());
    }

    private LeakGuard()
    {
    }

    public static void install()
    {
        // The static initialiser does the work, once per JVM.
    }

    /**
     * Collects garbage and makes buffers so the detectors poll their reference queues, then fails on any leak
     * reported since the JVM started.
     */
    public static void assertNoLeaks() throws InterruptedException
    {
        for (int i = 0; i < 5; i++)
        {
            System.gc();
            final ByteBuf pooled = PooledByteBufAllocator.DEFAULT.directBuffer(64);
            final ByteBuf heap = UnpooledByteBufAllocator.DEFAULT.heapBuffer(64);
            pooled.release();
            heap.release();
            Thread.sleep(20);
        }
        assertThat(LEAKS).as("Netty leak reports").isEmpty();
    }

    private static final class RecordingFactory extends ResourceLeakDetectorFactory
    {
        @Override
        @SuppressWarnings("deprecation")
        public <T> ResourceLeakDetector<T> newResourceLeakDetector(
            final Class<T> resource, final int samplingInterval, final long maxActive)
        {
            return new ResourceLeakDetector<>(resource, samplingInterval)
            {
                @Override
                protected void reportTracedLeak(final String resourceType, final String records)
                {
                    LEAKS.add(resourceType + ": " + records);
                    super.reportTracedLeak(resourceType, records);
                }

                @Override
                protected void reportUntracedLeak(final String resourceType)
                {
                    LEAKS.add(resourceType);
                    super.reportUntracedLeak(resourceType);
                }
            };
        }
    }
}
