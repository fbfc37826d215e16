package io.hutong.connector.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Turns Netty's leak reports (paranoid level, set by surefire) into a test failure instead of a log line.
 * {@link #install()} must run before Netty creates its first buffer in the test JVM.
 */
final class LeakGuard
{
    private static final List<String> LEAKS = new CopyOnWriteArrayList<>();

    static
    {
        ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new RecordingFactory());
    }

    private LeakGuard()
    {
    }

    static void install()
    {
        // The static initialiser does the work.
    }

    /**
     * Collects garbage and allocates a few buffers so that the detectors poll their queues, then fails if
     * any leak was reported since the JVM started.
     */
    static void assertNoLeaks()
    {
        for (int i = 0; i < 5; i++)
        {
            System.gc();
            System.runFinalization();
            final ByteBuf pooled = PooledByteBufAllocator.DEFAULT.directBuffer(64);
            final ByteBuf heap = UnpooledByteBufAllocator.DEFAULT.heapBuffer(64);
            pooled.release();
            heap.release();
            try
            {
                Thread.sleep(20);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }
        assertThat(LEAKS).as("Netty leak reports").isEmpty();
    }

    static List<String> leaks()
    {
        return LEAKS;
    }

    private static final class RecordingFactory extends ResourceLeakDetectorFactory
    {
        @Override
        @SuppressWarnings("deprecation")
        public <T> ResourceLeakDetector<T> newResourceLeakDetector(
            final Class<T> resource, final int samplingInterval, final long maxActive)
        {
            return new RecordingDetector<>(resource, samplingInterval);
        }
    }

    private static final class RecordingDetector<T> extends ResourceLeakDetector<T>
    {
        RecordingDetector(final Class<T> resource, final int samplingInterval)
        {
            super(resource, samplingInterval);
        }

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
    }
}
