package io.hutong.core.engine;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A wallet's code or transaction id kept in the payment's own array: set from the wallet-result ring or from a
 * journal record, cut at its capacity, cleared on reuse, read back as a CharSequence or copied out.
 */
class WalletTextTest
{
    @Test
    void shouldHoldTextFromABufferAndFromAString()
    {
        final WalletText text = new WalletText(8);
        final UnsafeBuffer source = new UnsafeBuffer("..SUCCESS..".getBytes(StandardCharsets.US_ASCII));

        text.set(source, 2, 7);
        assertThat(text.toString()).isEqualTo("SUCCESS");
        assertThat(text.length()).isEqualTo(7);
        assertThat(text.charAt(0)).isEqualTo('S');
        assertThat(text.subSequence(1, 3).toString()).isEqualTo("UC");
        assertThat(text.isEmpty()).isFalse();

        text.set("4200001234");
        assertThat(text.toString()).as("cut at the capacity").isEqualTo("42000012");

        text.set(null);
        assertThat(text.isEmpty()).isTrue();
        assertThat(text.toString()).isEmpty();
    }

    @Test
    void shouldCopyItsBytesOutAndRefuseIndexesBeyondItsLength()
    {
        final WalletText text = new WalletText(64);
        text.set("W1");
        final UnsafeBuffer out = new UnsafeBuffer(new byte[4]);

        text.getBytes(out, 1);

        assertThat(out.getStringWithoutLengthAscii(1, 2)).isEqualTo("W1");
        assertThatThrownBy(() -> text.charAt(2)).isInstanceOf(IndexOutOfBoundsException.class);
        text.clear();
        assertThat(text.length()).isZero();
    }

    @Test
    void shouldBeSeenAsNullThroughThePaymentViewWhenEmpty()
    {
        final Payment payment = new Payment();

        assertThat(payment.walletTxnId()).isNull();
        assertThat(payment.walletCode()).isNull();
        payment.walletTxnId.set("4200001234");
        assertThat(payment.walletTxnId().toString()).isEqualTo("4200001234");
    }
}
