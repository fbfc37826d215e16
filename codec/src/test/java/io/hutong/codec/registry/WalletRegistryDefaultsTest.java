package io.hutong.codec.registry;

import io.hutong.codec.numeric.NumericCodeMatcher;
import io.hutong.codec.url.UrlCodeMatcher;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built-in registry: the seven participants of DOMAIN.md section 2 and every rule they route by.
 */
class WalletRegistryDefaultsTest
{
    private static final WalletRegistry REGISTRY = WalletRegistryLoader.defaults();

    @Test
    void shouldLoadSevenParticipantsInFileOrder()
    {
        assertThat(REGISTRY.participants())
            .extracting(Participant::id)
            .containsExactly("wechat", "alipay", "unionpay", "jdpay", "bestpay", "cmpay", "wopay");
        for (int i = 0; i < REGISTRY.participants().size(); i++)
        {
            final Participant participant = REGISTRY.participant(i);
            assertThat(participant.index()).isEqualTo(i);
            assertThat(participant.connector()).isEqualTo(participant.id());
            assertThat(participant.name()).isNotBlank();
            assertThat(REGISTRY.participant(participant.id())).isSameAs(participant);
        }
        assertThat(REGISTRY.participant("wechat").name()).isEqualTo("WeChat Pay");
        assertThat(REGISTRY.participant("paypal")).isNull();
    }

    @Test
    void shouldReturnEqualRegistriesOnEveryLoad()
    {
        assertThat(WalletRegistryLoader.defaults().participants()).isEqualTo(REGISTRY.participants());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        // wechat: 18 digits, prefix 10-15 [V]
        "100000000000000000, wechat",
        "134567890123456789, wechat",
        "159999999999999999, wechat",
        // alipay: 16-24 digits, prefix 25-30 [V]
        "2500000000000000, alipay",
        "286543210987654321, alipay",
        "300000000000000000000000, alipay",
        // unionpay: 19 digits, prefix 62 [V]
        "6200000000000000000, unionpay",
        "6299999999999999999, unionpay",
        // jdpay: 18 digits, prefix 18 [S]
        "180000000000000000, jdpay",
        "189999999999999999, jdpay",
        // bestpay: 18 digits, prefix 51 [S]
        "510000000000000000, bestpay",
        // cmpay and wopay: provisional defaults
        "800000000000000000, cmpay",
        "820000000000000000, wopay"
    })
    void shouldRouteEveryDomainRule(final String code, final String wallet)
    {
        assertThat(numericWallet(code)).isEqualTo(wallet);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "160000000000000000",        // wechat prefix range ends at 15
        "090000000000000000",        // and starts at 10
        "10000000000000000",         // wechat code one digit short
        "1000000000000000000",       // and one digit long
        "250000000000000",           // alipay 15 digits
        "2500000000000000000000000", // alipay 25 digits
        "310000000000000000",        // alipay prefix range ends at 30
        "620000000000000000",        // unionpay needs 19 digits
        "62000000000000000000",      // and no more
        "18000000000000000",         // jdpay needs 18
        "520000000000000000",        // bestpay is exactly 51
        "810000000000000000",        // between cmpay and wopay
        "0100000000000000000"        // e-CNY is not a participant
    })
    void shouldRouteNothingOutsideTheRules(final String code)
    {
        assertThat(numericWallet(code)).isNull();
    }

    @Test
    void shouldMarkRuleStatusAsSourced()
    {
        final NumericCodeMatcher matcher = REGISTRY.numericMatcher();
        assertThat(matcher.ruleCount()).isEqualTo(7);
        assertThat(matcher.rule(numericRule("100000000000000000")).status()).isEqualTo(RuleStatus.VERIFIED);
        assertThat(matcher.rule(numericRule("180000000000000000")).status()).isEqualTo(RuleStatus.SECONDARY);
        assertThat(matcher.rule(numericRule("800000000000000000")).status()).isEqualTo(RuleStatus.PROVISIONAL);
    }

    @Test
    void shouldRouteUnionPayPrimitiveIdsOnly()
    {
        final int unionpay = REGISTRY.participant("unionpay").index();
        assertThat(REGISTRY.participantForPrimitiveId(15)).isEqualTo(unionpay);
        assertThat(REGISTRY.participantForPrimitiveId(16)).isEqualTo(unionpay);
        assertThat(REGISTRY.primitiveIdStatus(15)).isEqualTo(RuleStatus.VERIFIED);
        for (final int id : new int[]{ 2, 4, 14, 17, 25, 26, 51, 99 })
        {
            assertThat(REGISTRY.participantForPrimitiveId(id)).as("ID %d", id).isEqualTo(WalletRegistry.NO_PARTICIPANT);
        }
        assertThat(REGISTRY.participantForPrimitiveId(-1)).isEqualTo(WalletRegistry.NO_PARTICIPANT);
        assertThat(REGISTRY.participantForPrimitiveId(100)).isEqualTo(WalletRegistry.NO_PARTICIPANT);
        assertThat(REGISTRY.firstPrimitiveId(unionpay)).isEqualTo(15);
        assertThat(REGISTRY.firstPrimitiveId(REGISTRY.participant("wechat").index()))
            .isEqualTo(WalletRegistry.NO_PARTICIPANT);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "COM.QQ.WEIXIN.PAY, wechat",
        "com.qq.weixin.pay, wechat",
        "COM.ALIPAY, alipay",
        "A000000333, unionpay",
        "a000000333, unionpay",
        "COM.JD.PAY, jdpay",
        "CN.COM.BESTPAY, bestpay",
        "COM.CMPAY, cmpay",
        "Cn.WoPay, wopay"
    })
    void shouldRouteGuisIgnoringCase(final String gui, final String wallet)
    {
        final UnsafeBuffer buffer = ascii(gui);
        final int entry = REGISTRY.guiEntry(buffer, 0, buffer.capacity());

        assertThat(entry).isNotEqualTo(WalletRegistry.NO_PARTICIPANT);
        assertThat(REGISTRY.participant(REGISTRY.guiParticipant(entry)).id()).isEqualTo(wallet);
    }

    @ParameterizedTest
    @ValueSource(strings = { "COM.QQ.WEIXIN", "COM.QQ.WEIXIN.PAYX", "COM.ALIPAY.", "A0000003330101", "br.gov.bcb.pix" })
    void shouldNotRouteGuisThatOnlyShareAPrefix(final String gui)
    {
        final UnsafeBuffer buffer = ascii(gui);

        assertThat(REGISTRY.guiEntry(buffer, 0, buffer.capacity())).isEqualTo(WalletRegistry.NO_PARTICIPANT);
    }

    @Test
    void shouldGiveEachParticipantItsFirstGuiForCards()
    {
        assertThat(REGISTRY.firstGui(REGISTRY.participant("wechat").index())).isEqualTo("COM.QQ.WEIXIN.PAY");
        assertThat(REGISTRY.firstGui(REGISTRY.participant("alipay").index())).isEqualTo("COM.ALIPAY");
        assertThat(REGISTRY.firstGui(REGISTRY.participant("wopay").index())).isEqualTo("CN.WOPAY");
        final int wechatEntry = REGISTRY.guiEntry(ascii("COM.QQ.WEIXIN.PAY"), 0, 17);
        assertThat(REGISTRY.guiStatus(wechatEntry)).isEqualTo(RuleStatus.SECONDARY);
    }

    @Test
    void shouldRouteUnionPayAidsByRid()
    {
        final UnsafeBuffer credit = new UnsafeBuffer(hex("A000000333010101"));
        final UnsafeBuffer rid = new UnsafeBuffer(hex("A000000333"));
        final UnsafeBuffer shorter = new UnsafeBuffer(hex("A0000003"));
        final UnsafeBuffer visa = new UnsafeBuffer(hex("A0000000031010"));

        final int entry = REGISTRY.aidEntry(credit, 0, credit.capacity());
        assertThat(REGISTRY.participant(REGISTRY.aidParticipant(entry)).id()).isEqualTo("unionpay");
        assertThat(REGISTRY.aidStatus(entry)).isEqualTo(RuleStatus.VERIFIED);
        assertThat(REGISTRY.aidEntry(rid, 0, rid.capacity())).isEqualTo(entry);
        assertThat(REGISTRY.aidEntry(shorter, 0, shorter.capacity())).isEqualTo(WalletRegistry.NO_PARTICIPANT);
        assertThat(REGISTRY.aidEntry(visa, 0, visa.capacity())).isEqualTo(WalletRegistry.NO_PARTICIPANT);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "wxp://f2f0abc, wechat",
        "WXP://F2F0ABC, wechat",
        "https://payapp.weixin.qq.com/qr/abc, wechat",
        "https://qr.alipay.com/bax01234, alipay",
        "HTTPS://QR.ALIPAY.COM/bax01234, alipay",
        "https://qr.95516.com/00010000/0123, unionpay",
        "https://h5pay.jd.com/code?c=1, jdpay",
        "https://qr.bestpay.com.cn/x, bestpay",
        "https://qr.cmpay.com/x, cmpay",
        "https://qr.wopay.cn/x, wopay"
    })
    void shouldRouteMerchantUrls(final String url, final String wallet)
    {
        final UnsafeBuffer buffer = ascii(url);
        final UrlCodeMatcher matcher = REGISTRY.urlMatcher();
        final int rule = matcher.match(buffer, 0, buffer.capacity());

        assertThat(rule).isNotEqualTo(UrlCodeMatcher.NO_MATCH);
        assertThat(REGISTRY.participant(matcher.rule(rule).participant()).id()).isEqualTo(wallet);
    }

    private static String numericWallet(final String code)
    {
        final int rule = numericRule(code);
        return rule == NumericCodeMatcher.NO_MATCH ? null :
            REGISTRY.participant(REGISTRY.numericMatcher().rule(rule).participant()).id();
    }

    private static int numericRule(final String code)
    {
        final UnsafeBuffer buffer = ascii(code);
        return REGISTRY.numericMatcher().match(buffer, 0, buffer.capacity());
    }

    static UnsafeBuffer ascii(final String text)
    {
        return new UnsafeBuffer(text.getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] hex(final String hex)
    {
        final byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++)
        {
            bytes[i] = (byte)Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }
}
