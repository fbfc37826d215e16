package io.hutong.core.pos.auth;

import java.nio.charset.StandardCharsets;

import io.hutong.core.pos.auth.NonceCache.Admission;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NonceCacheTest
{
    private static final long RETENTION = 120_000;

    private final NonceCache cache = new NonceCache(4, RETENTION);

    @Test
    void shouldAdmitOnceAndRefuseRepeatsPerTerminal()
    {
        assertThat(admit("T1", 1, 0)).isEqualTo(Admission.ADMITTED);
        assertThat(admit("T1", 1, 10)).isEqualTo(Admission.REPLAYED);
        assertThat(admit("T2", 1, 10)).as("same nonce, other terminal").isEqualTo(Admission.ADMITTED);
        assertThat(admit("T1", 2, 10)).isEqualTo(Admission.ADMITTED);
        assertThat(cache.size()).isEqualTo(3);
    }

    @Test
    void shouldRememberForAtLeastTheRetentionAndForgetAfterTwice()
    {
        assertThat(admit("T1", 1, 1_000)).isEqualTo(Admission.ADMITTED);
        assertThat(admit("T1", 2, 1_000 + RETENTION - 1)).isEqualTo(Admission.ADMITTED);
        // Rotation: the first generation becomes the older one, still consulted.
        assertThat(admit("T1", 1, 1_000 + RETENTION)).isEqualTo(Admission.REPLAYED);
        assertThat(admit("T1", 2, 1_000 + 2 * RETENTION - 2)).isEqualTo(Admission.REPLAYED);
        // Second rotation wipes the generation holding both (each admitted more than one retention ago).
        assertThat(admit("T1", 1, 1_000 + 2 * RETENTION + 1)).isEqualTo(Admission.ADMITTED);
        assertThat(admit("T1", 2, 1_000 + 2 * RETENTION + 1)).isEqualTo(Admission.ADMITTED);
        assertThat(admit("T1", 2, 1_000 + 3 * RETENTION)).as("still remembered")
            .isEqualTo(Admission.REPLAYED);
    }

    @Test
    void shouldForgetEverythingAfterALongSilence()
    {
        admit("T1", 1, 0);
        admit("T1", 2, RETENTION + 5);
        assertThat(admit("T1", 2, 3 * RETENTION + 10)).isEqualTo(Admission.ADMITTED);
        assertThat(admit("T1", 1, 3 * RETENTION + 10)).isEqualTo(Admission.ADMITTED);
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void shouldKeepRememberingWhenTheClockStepsBack()
    {
        admit("T1", 1, 500_000);
        assertThat(admit("T1", 1, 0)).isEqualTo(Admission.REPLAYED);
    }

    @Test
    void shouldRefuseRatherThanForgetWhenFull()
    {
        for (int i = 0; i < 4; i++)
        {
            assertThat(admit("T1", i + 10, 0)).isEqualTo(Admission.ADMITTED);
        }
        assertThat(admit("T1", 99, 1)).isEqualTo(Admission.FULL);
        assertThat(admit("T1", 10, 1)).as("a replay is still a replay when full").isEqualTo(Admission.REPLAYED);
        assertThat(admit("T1", 99, RETENTION)).as("room again after rotation").isEqualTo(Admission.ADMITTED);
    }

    @Test
    void shouldCopeWithCollidingProbes()
    {
        final NonceCache big = new NonceCache(1000, RETENTION);
        for (int i = 0; i < 1000; i++)
        {
            assertThat(admit(big, "T" + (i % 7), i, 0)).isEqualTo(Admission.ADMITTED);
        }
        for (int i = 0; i < 1000; i++)
        {
            assertThat(admit(big, "T" + (i % 7), i, 1)).isEqualTo(Admission.REPLAYED);
        }
        assertThat(admit(big, "T0", 5000, 1)).isEqualTo(Admission.FULL);
    }

    @Test
    void shouldRefuseBadConfiguration()
    {
        assertThatThrownBy(() -> new NonceCache(0, 1)).hasMessage("capacity=0: must be 1..16777216");
        assertThatThrownBy(() -> new NonceCache(1, 0)).hasMessage("retentionMs=0: must be > 0");
    }

    private Admission admit(final String terminalId, final long nonce, final long now)
    {
        return admit(cache, terminalId, nonce, now);
    }

    private static Admission admit(final NonceCache cache, final String terminalId, final long nonce, final long now)
    {
        final UnsafeBuffer id = new UnsafeBuffer(new byte[16]);
        id.putBytes(0, terminalId.getBytes(StandardCharsets.US_ASCII));
        final UnsafeBuffer nonceBytes = new UnsafeBuffer(new byte[16]);
        nonceBytes.putLong(8, nonce);
        return cache.admit(id, 0, nonceBytes, 0, now);
    }
}
