package io.hutong.sim.pos;

import io.hutong.sim.codes.CodeBook;
import io.hutong.sim.codes.CodeFormat;
import io.hutong.sim.codes.OfflineCodes;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhoneCodesTest
{
    private static final CodeFormat WECHAT = new CodeFormat("10", 18);
    private static final long T0 = 1_767_000_000_000L;

    @Test
    void shouldMakeTheCodesTheWalletsAppMakesAndTheWalletAcceptsEachOnce()
    {
        final WalletCredentials.Wallet wallet = wallet(3);
        final PhoneCodes phones = new PhoneCodes(wallet, 1);
        final CodeBook book = new CodeBook(WECHAT);
        for (final WalletCredentials.Consumer consumer : wallet.consumers())
        {
            book.register(consumer.number(), consumer.seed());
        }

        final String first = phones.next(T0 + 10);
        final String second = phones.next(T0 + 20);

        final WalletCredentials.Consumer c2 = wallet.consumers().get(1);
        assertThat(first).isEqualTo(OfflineCodes.derive(WECHAT, c2.number(), c2.seed(), T0 / 1000, 0));
        final WalletCredentials.Consumer c3 = wallet.consumers().get(2);
        assertThat(second).isEqualTo(OfflineCodes.derive(WECHAT, c3.number(), c3.seed(), T0 / 1000, 0));
        assertThat(book.check(first, T0 + 500)).isEqualTo(c2.number());
        assertThat(book.check(first, T0 + 600)).isEqualTo(CodeBook.USED);
        assertThat(book.check(second, T0 + 700)).isEqualTo(c3.number());
    }

    @Test
    void shouldNeverRepeatACodeAndStopAtFiftyPerAccountPerSecond()
    {
        final PhoneCodes phones = new PhoneCodes(wallet(4), 0);
        final Set<String> codes = new HashSet<>();
        for (int i = 0; i < 4 * CodeFormat.PHONE_COUNTERS; i++)
        {
            assertThat(codes.add(phones.next(T0 + 999))).isTrue();
        }

        assertThat(phones.next(T0 + 999)).as("every phone code of this second is used").isNull();
        assertThat(phones.exhausted()).isEqualTo(1);
        assertThat(phones.perSecond()).isEqualTo(200);
        final String next = phones.next(T0 + 1_000);
        assertThat(next).isNotNull();
        assertThat(codes).doesNotContain(next);
        assertThat(phones.made()).isEqualTo(201);
    }

    @Test
    void shouldNotGoBackInTimeWhenTheClockDoes()
    {
        final PhoneCodes phones = new PhoneCodes(wallet(1), 0);
        final Set<String> codes = new HashSet<>();
        codes.add(phones.next(T0 + 5_000));

        // The clock stepped back two seconds: the phone keeps counting in the later second instead of repeating.
        for (int i = 1; i < CodeFormat.PHONE_COUNTERS; i++)
        {
            assertThat(codes.add(phones.next(T0 + 3_000))).isTrue();
        }
        assertThat(phones.next(T0 + 3_000)).isNull();
    }

    @Test
    void shouldRefuseAWalletWithoutConsumers()
    {
        assertThatThrownBy(() -> new PhoneCodes(wallet(0), 0))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("wallets.wechat.consumers: empty");
    }

    private static WalletCredentials.Wallet wallet(final int consumers)
    {
        final List<WalletCredentials.Consumer> list = new ArrayList<>();
        for (int i = 1; i <= consumers; i++)
        {
            final byte[] seed = new byte[32];
            seed[0] = (byte)i;
            list.add(new WalletCredentials.Consumer(String.format("c%06d", i), i, seed));
        }
        return new WalletCredentials.Wallet("wechat", URI.create("http://127.0.0.1:1"), WECHAT, list, List.of("m1"));
    }
}
