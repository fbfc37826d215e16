package io.hutong.connector.unionpay;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static io.hutong.connector.unionpay.UnionPayTestKeys.AUTH_CODE;
import static io.hutong.connector.unionpay.UnionPayTestKeys.NONCE;
import static io.hutong.connector.unionpay.UnionPayTestKeys.OUT_TRADE_NO;
import static io.hutong.connector.unionpay.UnionPayTestKeys.gatewayKeysFor;
import static io.hutong.connector.unionpay.UnionPayTestKeys.registry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Corrupted messages, byte by byte: both parsers either accept or refuse with the typed exception, never anything
 * else, and a corruption that is accepted never changed what was signed.
 */
class UnionPayMutationTest
{
    private static final int ROUNDS = 1_000;

    @Test
    void shouldRefuseCorruptedRequestsOnlyWithTheTypedException()
    {
        final Random random = new Random(20260102L);
        for (final UnionPayMerchant merchant : UnionPayTestKeys.merchants())
        {
            final byte[] valid = UnionPayXml.writeUtf8(new MicropayRequest(OUT_TRADE_NO, "test", 1, "127.0.0.1",
                AUTH_CODE).signedParameters(merchant, NONCE));
            int accepted = 0;
            for (int i = 0; i < ROUNDS; i++)
            {
                try
                {
                    final UnionPayGatewayRequest parsed =
                        UnionPayGatewayRequest.parse(mutate(valid, random), registry(merchant));
                    assertThat(parsed.totalFee()).isEqualTo(1);
                    assertThat(parsed.authCode()).isEqualTo(AUTH_CODE);
                    accepted++;
                }
                catch (final UnionPayMessageException expected)
                {
                    assertThat(expected.reason()).isNotNull();
                }
                catch (final RuntimeException ex)
                {
                    fail("untyped " + ex + " for " + merchant.signType(), ex);
                }
            }
            // Only mutations outside the signed values (whitespace between tags and such) may survive.
            assertThat(accepted).as(merchant.signType() + "").isLessThan(ROUNDS / 2);
        }
    }

    @Test
    void shouldRefuseCorruptedAnswersOnlyWithTheTypedException()
    {
        final Random random = new Random(20260103L);
        for (final UnionPayMerchant merchant : UnionPayTestKeys.merchants())
        {
            final byte[] valid = UnionPayResponseTest.paid().toXml(gatewayKeysFor(merchant));
            for (int i = 0; i < ROUNDS; i++)
            {
                try
                {
                    final UnionPayResponse response =
                        UnionPayResponse.parse(mutate(valid, random), merchant, OUT_TRADE_NO);
                    if (response.isStatusOk())
                    {
                        assertThat(response.totalFee()).isEqualTo(888);
                        assertThat(response.payResult()).isEqualTo("0");
                    }
                }
                catch (final UnionPayMessageException expected)
                {
                    assertThat(expected.reason()).isNotNull();
                }
                catch (final RuntimeException ex)
                {
                    fail("untyped " + ex + " for " + merchant.signType(), ex);
                }
            }
        }
    }

    /** One to three random byte changes: flip, replace, drop or duplicate. */
    private static byte[] mutate(final byte[] input, final Random random)
    {
        byte[] out = input.clone();
        final int changes = 1 + random.nextInt(3);
        for (int c = 0; c < changes && out.length > 1; c++)
        {
            final int at = random.nextInt(out.length);
            switch (random.nextInt(4))
            {
                case 0:
                    out[at] ^= (byte)(1 << random.nextInt(8));
                    break;
                case 1:
                    out[at] = (byte)random.nextInt(256);
                    break;
                case 2:
                    final byte[] shorter = new byte[out.length - 1];
                    System.arraycopy(out, 0, shorter, 0, at);
                    System.arraycopy(out, at + 1, shorter, at, out.length - at - 1);
                    out = shorter;
                    break;
                default:
                    final byte[] longer = new byte[out.length + 1];
                    System.arraycopy(out, 0, longer, 0, at + 1);
                    System.arraycopy(out, at, longer, at + 1, out.length - at);
                    out = longer;
                    break;
            }
        }
        return out;
    }
}
