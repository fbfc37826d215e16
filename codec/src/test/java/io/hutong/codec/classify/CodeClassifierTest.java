package io.hutong.codec.classify;

import io.hutong.codec.CodeError;
import io.hutong.codec.CodeFormat;
import io.hutong.codec.CodeMode;
import io.hutong.codec.registry.WalletRegistry;
import io.hutong.codec.registry.WalletRegistryLoader;
import io.hutong.codec.support.Payloads;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static io.hutong.codec.classify.ClassifierSamples.ALL_WALLETS;
import static io.hutong.codec.classify.ClassifierSamples.CMPAY_NUMERIC;
import static io.hutong.codec.classify.ClassifierSamples.CPM_SPEC_EXAMPLE_1;
import static io.hutong.codec.classify.ClassifierSamples.EMVCO_SPEC;
import static io.hutong.codec.classify.ClassifierSamples.PIX;
import static io.hutong.codec.classify.ClassifierSamples.SGQR;
import static io.hutong.codec.classify.ClassifierSamples.WECHAT_NUMERIC;
import static io.hutong.codec.classify.ClassifierSamples.allWalletsPayload;
import static io.hutong.codec.classify.ClassifierSamples.unionPayCpmBytes;
import static io.hutong.codec.classify.ClassifierSamples.unionPayCpmText;
import static io.hutong.codec.classify.ClassifierSamples.utf8;
import static org.assertj.core.api.Assertions.assertThat;

class CodeClassifierTest
{
    private static final WalletRegistry REGISTRY = WalletRegistryLoader.defaults();

    private final CodeClassifier classifier = new CodeClassifier(REGISTRY);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "134567890123456789, wechat",
        "2812345678901234, alipay",
        "286543210987654321, alipay",
        "6212345678901234567, unionpay",
        "181234567890123456, jdpay",
        "511234567890123456, bestpay",
        "801234567890123456, cmpay",
        "821234567890123456, wopay"
    })
    void shouldRouteNumericConsumerCodes(final String code, final String wallet)
    {
        final Classification result = classifier.classify(code);

        assertValid(result, CodeFormat.NUMERIC);
        assertThat(result.mode()).isEqualTo(CodeMode.CPM);
        assertThat(wallets(result)).containsExactly(wallet);
        assertThat(result.rule()).isNotNegative();
        assertThat(REGISTRY.numericMatcher().rule(result.rule()).participant()).isEqualTo(result.wallet(0));
    }

    @Test
    void shouldRouteCardListingAllWalletsInPayloadOrder()
    {
        final Classification result = classifier.classify(allWalletsPayload(REGISTRY));

        assertValid(result, CodeFormat.EMV_MPM);
        assertThat(result.mode()).isEqualTo(CodeMode.MPM);
        assertThat(wallets(result)).containsExactlyElementsOf(ALL_WALLETS);
        assertThat(result.mpm().isPresent(15)).as("UnionPay by its primitive ID").isTrue();
        assertThat(result.mpm().merchantName()).isEqualTo("老王面馆 Lao Wang");
        assertThat(result.isProvisional()).as("alipay's GUI is provisional").isTrue();
    }

    @Test
    void shouldRouteSgqrToUnionPayByIdFifteenThenWeChatByGui()
    {
        final Classification result = classifier.classify(SGQR);

        assertValid(result, CodeFormat.EMV_MPM);
        assertThat(wallets(result)).containsExactly("unionpay", "wechat");
        assertThat(result.isProvisional()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { EMVCO_SPEC, PIX })
    void shouldAcceptGoldenMerchantCodesOfNoParticipant(final String payload)
    {
        final Classification result = classifier.classify(payload);

        assertValid(result, CodeFormat.EMV_MPM);
        assertThat(result.walletCount()).isZero();
        assertThat(result.isProvisional()).isFalse();
    }

    @Test
    void shouldRouteMerchantCodeByPrimitiveIdSixteenAndGuiIgnoringCase()
    {
        final String payload = Payloads.withCrc("000201010211" + Payloads.tlv("16", "6200001234") +
            Payloads.tlv("26", Payloads.tlv("00", "com.qq.weixin.pay") + Payloads.tlv("01", "12345")) +
            "52045812530315658 02CN5904SHOP6008SHANGHAI".replace(" ", ""));

        final Classification result = classifier.classify(payload);

        assertValid(result, CodeFormat.EMV_MPM);
        assertThat(wallets(result)).containsExactly("unionpay", "wechat");
    }

    @Test
    void shouldListEachWalletOnceWhenTwoAccountsRouteToIt()
    {
        final String payload = Payloads.withCrc("000201010211" + Payloads.tlv("15", "6200001234") +
            Payloads.tlv("16", "6200005678") + "52045812530315658 02CN5904SHOP6008SHANGHAI".replace(" ", ""));

        final Classification result = classifier.classify(payload);

        assertValid(result, CodeFormat.EMV_MPM);
        assertThat(wallets(result)).containsExactly("unionpay");
    }

    @Test
    void shouldRefuseMerchantCodeWithBadCrc()
    {
        final String payload = allWalletsPayload(REGISTRY);
        final String corrupted = payload.substring(0, payload.length() - 1) +
            (payload.endsWith("0") ? "1" : "0");

        final Classification result = classifier.classify(corrupted);

        assertThat(result.errorCode()).isEqualTo(CodeError.CRC_MISMATCH);
        assertThat(result.format()).isEqualTo(CodeFormat.EMV_MPM);
        assertThat(result.walletCount()).isZero();
    }

    @Test
    void shouldRouteUnionPayConsumerCodeByAid()
    {
        final Classification result = classifier.classify(unionPayCpmText());

        assertValid(result, CodeFormat.EMV_CPM);
        assertThat(result.mode()).isEqualTo(CodeMode.CPM);
        assertThat(wallets(result)).containsExactly("unionpay");
        assertThat(result.cpm().maskedPan()).isEqualTo("621234*********4567");
        assertThat(result.isProvisional()).isFalse();
    }

    @Test
    void shouldDecodeRawConsumerCodeBytes()
    {
        final byte[] bytes = unionPayCpmBytes();
        assertThat(bytes[0]).isEqualTo((byte)0x85);

        final Classification result = classifier.classify(new UnsafeBuffer(bytes), 0, bytes.length);

        assertValid(result, CodeFormat.EMV_CPM);
        assertThat(wallets(result)).containsExactly("unionpay");
    }

    @Test
    void shouldDecodeRawConsumerCodeBytesAtAnOffset()
    {
        final byte[] code = unionPayCpmBytes();
        final byte[] framed = new byte[code.length + 7];
        System.arraycopy(code, 0, framed, 3, code.length);

        final Classification result = classifier.classify(new UnsafeBuffer(framed), 3, code.length);

        assertValid(result, CodeFormat.EMV_CPM);
        assertThat(wallets(result)).containsExactly("unionpay");
        assertThat(result.offset()).isEqualTo(3);
    }

    @Test
    void shouldAcceptCpmSpecExampleWithoutRoutingIt()
    {
        final Classification result = classifier.classify(CPM_SPEC_EXAMPLE_1);

        assertValid(result, CodeFormat.EMV_CPM);
        assertThat(result.walletCount()).isZero();
        assertThat(result.cpm().maskedPan()).isEqualTo("123456******3458");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "wxp://f2f0abcdefg, wechat",
        "https://payapp.weixin.qq.com/qr/AbCdE, wechat",
        "https://qr.alipay.com/bax01234abcd, alipay",
        "HTTPS://QR.ALIPAY.COM/bax01234abcd, alipay",
        "https://qr.95516.com/00010000/01234, unionpay"
    })
    void shouldRouteMerchantUrls(final String url, final String wallet)
    {
        final Classification result = classifier.classify(url);

        assertValid(result, CodeFormat.URL);
        assertThat(result.mode()).isEqualTo(CodeMode.MPM);
        assertThat(wallets(result)).containsExactly(wallet);
        assertThat(result.isProvisional()).isFalse();
    }

    @Test
    void shouldReportUnknownUrlAsUnknownIssuer()
    {
        final Classification result = classifier.classify("https://pay.example.com/m/123");

        assertThat(result.errorCode()).isEqualTo(CodeError.UNKNOWN_ISSUER);
        assertThat(result.format()).isEqualTo(CodeFormat.URL);
        assertThat(result.walletCount()).isZero();
    }

    @Test
    void shouldReportBarePrefixAsUnknownIssuer()
    {
        assertThat(classifier.classify("wxp://").errorCode()).isEqualTo(CodeError.UNKNOWN_ISSUER);
    }

    @Test
    void shouldRefuseUrlWithForbiddenCharacters()
    {
        final Classification result = classifier.classify("wxp://abc def");

        assertThat(result.errorCode()).isEqualTo(CodeError.INVALID_FIELD);
        assertThat(result.error().offset()).isEqualTo(9);
    }

    @Test
    void shouldRefuseOverlongUrl()
    {
        final Classification result = classifier.classify("wxp://" + "a".repeat(507));

        assertThat(result.errorCode()).isEqualTo(CodeError.TOO_LONG);
        assertThat(classifier.classify("wxp://" + "a".repeat(506)).isValid()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "990000000000000000", "160000000000000000", "13456789012345678", "0", "6212345678901234" })
    void shouldReportUnknownNumericCodeAsUnknownIssuer(final String code)
    {
        final Classification result = classifier.classify(code);

        assertThat(result.errorCode()).isEqualTo(CodeError.UNKNOWN_ISSUER);
        assertThat(result.format()).isEqualTo(CodeFormat.NUMERIC);
        assertThat(result.walletCount()).isZero();
        assertThat(result.rule()).isEqualTo(-1);
    }

    @ParameterizedTest
    @ValueSource(strings = { "\r\n", "\n", "\r", " ", "  \t\r\n", " \r\n" })
    void shouldIgnoreSurroundingWhiteSpace(final String white)
    {
        assertThat(wallets(classifier.classify(WECHAT_NUMERIC + white))).containsExactly("wechat");
        assertThat(wallets(classifier.classify(white + WECHAT_NUMERIC + white))).containsExactly("wechat");
        assertThat(wallets(classifier.classify("wxp://abc" + white))).containsExactly("wechat");
        assertThat(classifier.classify(EMVCO_SPEC + white).isValid()).isTrue();
        assertThat(classifier.classify(CPM_SPEC_EXAMPLE_1 + white).isValid()).isTrue();
        assertThat(wallets(classifier.classify(allWalletsPayload(REGISTRY) + white))).hasSize(7);
    }

    @Test
    void shouldReportTrimmedOffsetAndLength()
    {
        final Classification result = classifier.classify("  " + WECHAT_NUMERIC + "\r\n");

        assertThat(result.offset()).isEqualTo(2);
        assertThat(result.length()).isEqualTo(18);
    }

    @Test
    void shouldNotTreatInnerWhiteSpaceAsPartOfAnyFormat()
    {
        assertThat(classifier.classify("134567890 123456789").errorCode()).isEqualTo(CodeError.UNSUPPORTED_FORMAT);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", " ", "\r\n", " \t \r\n " })
    void shouldRefuseEmptyCodeAsMalformed(final String text)
    {
        final Classification result = classifier.classify(text);

        assertThat(result.errorCode()).isEqualTo(CodeError.MALFORMED);
        assertThat(result.format()).isNull();
        assertThat(result.mode()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { "hello world", "PAY ME", "0001ABC", "-abc", "支付宝", "{\"code\":1}", "h", "12a" })
    void shouldRefuseGarbageAsUnsupportedFormat(final String text)
    {
        final Classification result = classifier.classify(text);

        assertThat(result.errorCode()).isEqualTo(CodeError.UNSUPPORTED_FORMAT);
        assertThat(result.format()).isNull();
        assertThat(result.error().message()).isNotEmpty();
    }

    @Test
    void shouldRefuseInputLongerThanAnyCode()
    {
        final String tooLong = "1".repeat(CodeClassifier.MAX_INPUT_BYTES + 1);
        final UnsafeBuffer buffer = utf8(tooLong);

        assertThat(classifier.classify(tooLong).errorCode()).isEqualTo(CodeError.TOO_LONG);
        assertThat(classifier.classify(buffer, 0, buffer.capacity()).errorCode()).isEqualTo(CodeError.TOO_LONG);
        assertThat(classifier.classify("支".repeat(1000)).errorCode()).as("3,000 UTF-8 bytes")
            .isEqualTo(CodeError.TOO_LONG);
        assertThat(classifier.classify("1".repeat(CodeClassifier.MAX_INPUT_BYTES)).errorCode())
            .isEqualTo(CodeError.UNKNOWN_ISSUER);
    }

    @Test
    void shouldNotThrowOnUnpairedSurrogates()
    {
        assertThat(classifier.classify("\uD800").errorCode()).isEqualTo(CodeError.UNSUPPORTED_FORMAT);
        assertThat(classifier.classify("\uDC00" + WECHAT_NUMERIC).errorCode()).isEqualTo(CodeError.UNSUPPORTED_FORMAT);
        assertThat(classifier.classify(WECHAT_NUMERIC + "\uD83D").errorCode()).isEqualTo(CodeError.UNSUPPORTED_FORMAT);
        assertThat(classifier.classify("wxp://ab\uD83Dc").errorCode()).isEqualTo(CodeError.INVALID_FIELD);

        final String payload = allWalletsPayload(REGISTRY);
        final int name = payload.indexOf("Lao Wang");
        final String lone = payload.substring(0, name) + "\uD83D" + payload.substring(name + 1);
        final Classification result = classifier.classify(lone);
        assertThat(result.isValid()).isFalse();
        assertThat(result.errorCode()).isNotEqualTo(CodeError.NONE);
    }

    @Test
    void shouldEncodeSupplementaryCharactersAsUtf8()
    {
        // One code point, two UTF-16 units, four UTF-8 bytes: EMV lengths count the code point once.
        final String payload = Payloads.withCrc("000201010211" + Payloads.tlv("15", "6200001234") +
            "52045812530315658" + "02CN" + Payloads.tlv("59", "Noodle \uD83C\uDF5C") + "6007BEIJING");

        final Classification fromText = classifier.classify(payload);
        assertValid(fromText, CodeFormat.EMV_MPM);
        assertThat(fromText.mpm().merchantName()).isEqualTo("Noodle \uD83C\uDF5C");

        final UnsafeBuffer bytes = utf8(payload);
        assertValid(classifier.classify(bytes, 0, bytes.capacity()), CodeFormat.EMV_MPM);
    }

    @Test
    void shouldFlagRoutingThroughProvisionalRules()
    {
        assertThat(classifier.classify(CMPAY_NUMERIC).isProvisional()).isTrue();
        assertThat(classifier.classify(WECHAT_NUMERIC).isProvisional()).isFalse();
        assertThat(classifier.classify("https://qr.cmpay.com/abc").isProvisional()).isTrue();
        assertThat(classifier.classify("wxp://abc").isProvisional()).isFalse();
        assertThat(classifier.classify("990000000000000000").isProvisional()).isFalse();
    }

    @Test
    void shouldNotCarryStateFromOneCodeToTheNext()
    {
        classifier.classify(allWalletsPayload(REGISTRY));
        final Classification afterCard = classifier.classify(WECHAT_NUMERIC);
        assertThat(wallets(afterCard)).containsExactly("wechat");
        assertThat(afterCard.isProvisional()).isFalse();

        classifier.classify("hello");
        final Classification afterError = classifier.classify(CPM_SPEC_EXAMPLE_1);
        assertValid(afterError, CodeFormat.EMV_CPM);
        assertThat(afterError.error().message()).isEmpty();
    }

    @Test
    void shouldClassifyBufferRegionAtAnOffset()
    {
        final UnsafeBuffer buffer = utf8("xx" + WECHAT_NUMERIC + "yy");

        final Classification result = classifier.classify(buffer, 2, 18);

        assertThat(wallets(result)).containsExactly("wechat");
        assertThat(result.buffer()).isSameAs(buffer);
    }

    @Test
    void shouldReportMerchantCodeErrorOffsetsInTheBuffer()
    {
        final String payload = allWalletsPayload(REGISTRY);
        final String broken = payload.replace("5204", "52X4");

        final int plain = classifier.classify(broken).error().offset();
        final Classification padded = classifier.classify("   " + broken);

        assertThat(padded.isValid()).isFalse();
        assertThat(padded.error().offset() - padded.offset()).isEqualTo(plain);
    }

    @Test
    void shouldReportConsumerCodeTextErrorOffsetsWithinTheCode()
    {
        final String bad = "hQVDUFYwMWEaTwegAAAA*VVVVw8SNFZ4kBI0WNGRIgESNF8=";

        final Classification plain = classifier.classify(bad);
        assertThat(plain.errorCode()).isEqualTo(CodeError.MALFORMED);
        assertThat(plain.error().offset()).isEqualTo(20);

        final Classification padded = classifier.classify("   " + bad + "\r\n");
        assertThat(padded.error().offset() - padded.offset()).isEqualTo(20);
    }

    @Test
    void shouldReportDecodedConsumerCodeErrorsAtTheCharacterHoldingTheByte()
    {
        // Example 1 cut after byte 8 of its binary: the application template's length runs past the end there.
        final Classification result = classifier.classify("  hQVDUFYwMWEaTwegAAAAVVVVVw8SNFZ4kBI0WNGRIgEA");

        assertThat(result.errorCode()).isEqualTo(CodeError.MALFORMED);
        assertThat(result.error().offset() - result.offset()).as("byte 8 starts in character 10").isEqualTo(10);
    }

    @Test
    void shouldReportRawConsumerCodeErrorOffsetsInTheBuffer()
    {
        final byte[] framed = { 0x00, 0x00, (byte)0x85 };

        final Classification result = classifier.classify(new UnsafeBuffer(framed), 2, 1);

        assertThat(result.errorCode()).isEqualTo(CodeError.MALFORMED);
        assertThat(result.error().offset()).as("the missing length byte, just past the tag").isEqualTo(3);
        assertThat(result.error().offset() - result.offset()).isEqualTo(1);
    }

    private static void assertValid(final Classification result, final CodeFormat format)
    {
        assertThat(result.isValid()).as("%s", result.error()).isTrue();
        assertThat(result.errorCode()).isEqualTo(CodeError.NONE);
        assertThat(result.format()).isEqualTo(format);
    }

    static List<String> wallets(final Classification result)
    {
        final List<String> ids = new ArrayList<>();
        for (int i = 0; i < result.walletCount(); i++)
        {
            ids.add(REGISTRY.participant(result.wallet(i)).id());
        }
        return ids;
    }
}
