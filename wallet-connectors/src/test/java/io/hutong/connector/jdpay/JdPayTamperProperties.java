package io.hutong.connector.jdpay;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.Arrays;
import java.util.function.Function;

import static io.hutong.connector.jdpay.JdPayTestKeys.CLIENT;
import static io.hutong.connector.jdpay.JdPayTestKeys.MERCHANT;
import static io.hutong.connector.jdpay.JdPayTestKeys.SERVER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * No input makes a reader throw anything but {@link JdPayMessageException}, and no change to a signed message
 * is read as a different message: it is refused, or it reads as the original.
 */
class JdPayTamperProperties
{
    private static final Function<String, JdPayKeys> KEYRING = merchant -> MERCHANT.equals(merchant) ? SERVER : null;
    private static final byte[] REQUEST = JdPayRequestCodec.encode(JdPayRequestCodecTest.PAY, CLIENT);
    private static final String SIGNED_INNER = JdPaySign.withSign(JdPaySignTest.FKM_PAY_XML,
        JdPaySignTest.FKM_PAY_SIGN);
    private static final byte[] ANSWER = JdPayResponse.Builder.success(MERCHANT).put(JdPayFields.TRADE_NUM, "T1")
        .put(JdPayFields.STATUS, JdPayResultCodes.PAY_SUCCESS).build(SERVER);

    @Property(tries = 250)
    void shouldDecodeMutatedRequestBodiesAsOriginalOrRefuseTyped(
        @ForAll @IntRange(max = 100_000) final int where, @ForAll final byte value,
            @ForAll @IntRange(max = 2) final int how)
    {
        final byte[] body = mutate(REQUEST, where, value, how);
        try
        {
            assertThat(JdPayRequestCodec.decode(JdPayOperation.FKM_PAY, body, KEYRING).request())
                .isEqualTo(JdPayRequestCodecTest.PAY);
        }
        catch (final JdPayMessageException expected)
        {
            assertThat(expected.reason()).isNotNull();
        }
    }

    @Property(tries = 250)
    void shouldReadMutatedAnswersAsOriginalOrRefuseTyped(
        @ForAll @IntRange(max = 100_000) final int where, @ForAll final byte value,
            @ForAll @IntRange(max = 2) final int how)
    {
        final byte[] body = mutate(ANSWER, where, value, how);
        try
        {
            final JdPayResponse response = JdPayResponse.parse(JdPayOperation.FKM_PAY, body, CLIENT);
            if (response.isSigned())
            {
                assertThat(response.status()).isEqualTo(JdPayResultCodes.PAY_SUCCESS);
                assertThat(response.tradeNum()).isEqualTo("T1");
            }
            else
            {
                // Only the unsigned outer result can change, and never into a success.
                assertThat(response.isSuccess()).isFalse();
            }
        }
        catch (final JdPayMessageException expected)
        {
            assertThat(expected.reason()).isNotNull();
        }
    }

    @Property(tries = 250)
    void shouldNeverReadAChangedSignedInnerMessageAsAnotherRequest(
        @ForAll @IntRange(max = 100_000) final int where, @ForAll final char value,
            @ForAll @IntRange(max = 2) final int how)
    {
        // The attacker knows the DES key (the worst case): only the signature protects the fields.
        final String changed = mutate(SIGNED_INNER, where, value, how);
        try
        {
            final byte[] body = JdPayEnvelope.writeRequest(MERCHANT, JdPayDes.encrypt(changed, CLIENT.desKey()));
            assertThat(JdPayRequestCodec.decode(JdPayOperation.FKM_PAY, body, KEYRING).request())
                .isEqualTo(JdPayRequestCodecTest.PAY);
        }
        catch (final JdPayMessageException expected)
        {
            assertThat(expected.reason()).isNotNull();
        }
        catch (final IllegalArgumentException tooLongOrEmpty)
        {
            assertThat(changed.isEmpty() || changed.length() > JdPayDes.MAX_PLAINTEXT_BYTES).isTrue();
        }
    }

    @Property(tries = 250)
    void shouldRefuseArbitraryBytesTyped(@ForAll @Size(max = 600) final byte[] body)
    {
        for (final JdPayOperation operation : JdPayOperation.values())
        {
            try
            {
                JdPayRequestCodec.decode(operation, body, KEYRING);
                fail("decoded arbitrary bytes " + Arrays.toString(body));
            }
            catch (final JdPayMessageException expected)
            {
                assertThat(expected.reason()).isNotNull();
            }
            try
            {
                JdPayResponse.parse(operation, body, CLIENT);
            }
            catch (final JdPayMessageException expected)
            {
                assertThat(expected.reason()).isNotNull();
            }
        }
    }

    private static byte[] mutate(final byte[] original, final int where, final byte value, final int how)
    {
        final int at = where % original.length;
        switch (how)
        {
            case 0: // replace one byte
                final byte[] replaced = original.clone();
                replaced[at] = value;
                return replaced;
            case 1: // insert one byte
                final byte[] inserted = new byte[original.length + 1];
                System.arraycopy(original, 0, inserted, 0, at);
                inserted[at] = value;
                System.arraycopy(original, at, inserted, at + 1, original.length - at);
                return inserted;
            default: // truncate
                return Arrays.copyOf(original, at);
        }
    }

    private static String mutate(final String original, final int where, final char value, final int how)
    {
        final int at = where % original.length();
        switch (how)
        {
            case 0:
                return original.substring(0, at) + value + original.substring(at + 1);
            case 1:
                return original.substring(0, at) + value + original.substring(at);
            default:
                return original.substring(0, at);
        }
    }
}
