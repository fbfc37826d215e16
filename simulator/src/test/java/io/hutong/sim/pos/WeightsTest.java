package io.hutong.sim.pos;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WeightsTest
{
    private static final List<String> WALLETS = List.of("wechat", "alipay", "bestpay");

    @Test
    void shouldChooseInProportionToTheWeights()
    {
        final Weights weights = Weights.parse("--wallet-mix", "wechat=60,alipay=30,bestpay=10", WALLETS);
        final SplittableRandom random = new SplittableRandom(7);
        final int[] counts = new int[3];
        for (int i = 0; i < 100_000; i++)
        {
            counts[weights.pick(random.nextDouble())]++;
        }

        assertThat(counts[0]).isBetween(59_000, 61_000);
        assertThat(counts[1]).isBetween(29_000, 31_000);
        assertThat(counts[2]).isBetween(9_300, 10_700);
        assertThat(weights.share("alipay")).isEqualTo(0.3);
        assertThat(weights.toString()).isEqualTo("wechat=60,alipay=30,bestpay=10");
    }

    @Test
    void shouldNeverChooseAZeroWeight()
    {
        final Weights weights = Weights.parse("--mix", "cpm=0,mpm=5", LoadSettings.FLOWS);

        assertThat(weights.pick(0.0)).isEqualTo(1);
        assertThat(weights.pick(0.999_999)).isEqualTo(1);
        assertThat(weights.chosen()).containsExactly("mpm");
    }

    @Test
    void shouldRefuseBadMixesNamingTheOptionAndTheReason()
    {
        assertThatThrownBy(() -> Weights.parse("--mix", "cpm=80,pos=20", LoadSettings.FLOWS))
            .hasMessage("--mix=cpm=80,pos=20: unknown name pos (known: [cpm, mpm])");
        assertThatThrownBy(() -> Weights.parse("--mix", "cpm=80,cpm=20", LoadSettings.FLOWS))
            .hasMessage("--mix=cpm=80,cpm=20: cpm given twice");
        assertThatThrownBy(() -> Weights.parse("--mix", "cpm=-1,mpm=2", LoadSettings.FLOWS))
            .hasMessage("--mix=cpm=-1,mpm=2: weight of cpm must not be negative");
        assertThatThrownBy(() -> Weights.parse("--mix", "cpm=0,mpm=0", LoadSettings.FLOWS))
            .hasMessage("--mix=cpm=0,mpm=0: the weights must add up to more than 0");
        assertThatThrownBy(() -> Weights.parse("--mix", "cpm", LoadSettings.FLOWS))
            .hasMessage("--mix=cpm: expected name=weight[,name=weight...]");
        assertThatThrownBy(() -> Weights.parse("--mix", "cpm=x", LoadSettings.FLOWS))
            .hasMessage("--mix=cpm=x: weight of cpm must be a whole number");
    }

    @Test
    void shouldGiveTheDefaultWalletMixTheMarketWeightsOfTheWalletsPresent()
    {
        final Weights weights = LoadSettings.defaultWalletMix(List.of("wechat", "alipay", "bestpay", "newpay"));

        assertThat(weights.asMap()).containsExactly(java.util.Map.entry("wechat", 40), java.util.Map.entry("alipay", 30),
            java.util.Map.entry("bestpay", 5), java.util.Map.entry("newpay", 5));
    }
}
