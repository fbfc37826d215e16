package io.hutong.codec.classify;

import io.hutong.codec.CodeError;
import io.hutong.codec.CodeFormat;
import io.hutong.codec.registry.WalletRegistry;
import io.hutong.codec.registry.WalletRegistryLoader;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.hutong.codec.classify.ClassifierSamples.CPM_SPEC_EXAMPLE_1;
import static io.hutong.codec.classify.ClassifierSamples.EMVCO_SPEC;
import static io.hutong.codec.classify.ClassifierSamples.PIX;
import static io.hutong.codec.classify.ClassifierSamples.SGQR;
import static io.hutong.codec.classify.ClassifierSamples.WECHAT_NUMERIC;
import static io.hutong.codec.classify.ClassifierSamples.allWalletsPayload;
import static io.hutong.codec.classify.ClassifierSamples.unionPayCpmText;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No input makes the classifier throw or give a half-answer, and its answer depends on the input alone.
 */
class CodeClassifierProperties
{
    private static final WalletRegistry REGISTRY = WalletRegistryLoader.defaults();
    private static final List<String> SAMPLES = List.of(
        EMVCO_SPEC, PIX, SGQR, allWalletsPayload(REGISTRY), CPM_SPEC_EXAMPLE_1, unionPayCpmText(), WECHAT_NUMERIC,
        "2812345678901234", "wxp://f2f0abc", "https://qr.alipay.com/bax01234");

    private final CodeClassifier classifier = new CodeClassifier(REGISTRY);
    private final CodeClassifier other = new CodeClassifier(REGISTRY);

    /** Everything a caller can observe about one classification. */
    record Outcome(
        boolean valid, CodeError error, int errorOffset, String message, CodeFormat format, List<Integer> wallets,
        boolean provisional, int rule, int length, String json)
    {
        static Outcome of(final Classification result)
        {
            final Integer[] wallets = new Integer[result.walletCount()];
            for (int i = 0; i < wallets.length; i++)
            {
                wallets[i] = result.wallet(i);
            }
            return new Outcome(result.isValid(), result.errorCode(),
                result.isValid() ? -1 : result.error().offset() - result.offset(),
                result.error().message(), result.format(), List.of(wallets), result.isProvisional(), result.rule(),
                // Input refused as too long is not held anywhere, so its length means nothing.
                result.errorCode() == CodeError.TOO_LONG ? -1 : result.length(), ClassificationJson.render(result, REGISTRY, null).toString());
        }
    }

    @Property(tries = 1500)
    void shouldAnswerEveryStringWithValidOrTypedError(@ForAll("texts") final String text)
    {
        assertWellFormed(classifier.classify(text));
    }

    @Property(tries = 1500)
    void shouldAnswerEveryByteArrayWithValidOrTypedError(@ForAll("byteArrays") final byte[] bytes)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(bytes);

        assertWellFormed(classifier.classify(buffer, 0, bytes.length));
    }

    @Property(tries = 300)
    void shouldAnswerByteArraysAtAnyOffset(@ForAll @Size(max = 700) final byte[] bytes, @ForAll("slack") final int pad)
    {
        final byte[] framed = new byte[bytes.length + 2 * pad];
        System.arraycopy(bytes, 0, framed, pad, bytes.length);
        final UnsafeBuffer buffer = new UnsafeBuffer(framed);

        final Classification result = classifier.classify(buffer, pad, bytes.length);

        assertWellFormed(result);
        assertThat(Outcome.of(result)).isEqualTo(Outcome.of(other.classify(new UnsafeBuffer(bytes), 0, bytes.length)));
    }

    @Property(tries = 1000)
    void shouldGiveTheSameAnswerTwice(@ForAll("texts") final String text, @ForAll("texts") final String between)
    {
        final Outcome first = Outcome.of(classifier.classify(text));
        classifier.classify(between);
        final Outcome second = Outcome.of(classifier.classify(text));
        final Outcome fresh = Outcome.of(other.classify(text));

        assertThat(second).isEqualTo(first);
        assertThat(fresh).isEqualTo(first);
    }

    @Property(tries = 1000)
    void shouldClassifyTextAsItsUtf8Bytes(@ForAll("wellFormedTexts") final String text)
    {
        final byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);

        final Outcome fromText = Outcome.of(classifier.classify(text));
        final Outcome fromBytes = Outcome.of(other.classify(new UnsafeBuffer(utf8), 0, utf8.length));

        assertThat(fromText).isEqualTo(fromBytes);
    }

    @Property(tries = 1000)
    void shouldIgnoreWhiteSpaceAroundTheCode(
        @ForAll("texts") final String text, @ForAll("whiteSpace") final String before, @ForAll("whiteSpace") final String after)
    {
        final String code = strip(text);
        if (code.length() > 2900)
        {
            return;
        }

        final Outcome bare = Outcome.of(classifier.classify(code));
        final Outcome padded = Outcome.of(other.classify(before + code + after));

        assertThat(padded).isEqualTo(bare);
    }

    @Provide
    Arbitrary<String> whiteSpace()
    {
        return Arbitraries.strings().withChars(" \t\r\n").ofMaxLength(4);
    }

    @Provide
    Arbitrary<String> texts()
    {
        return Arbitraries.frequencyOf(
            Tuple.of(2, Arbitraries.strings().all().ofMaxLength(200)),
            Tuple.of(1, Arbitraries.strings().all().ofMinLength(2900).ofMaxLength(3100)),
            Tuple.of(2, Arbitraries.strings().numeric().ofMaxLength(40)),
            Tuple.of(6, mutatedSamples()),
            Tuple.of(2, prefixed()));
    }

    @Provide
    Arbitrary<String> wellFormedTexts()
    {
        return texts().map(CodeClassifierProperties::replaceLoneSurrogates);
    }

    @Provide
    Arbitrary<byte[]> byteArrays()
    {
        final Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(600);
        final Arbitrary<byte[]> startingWithTag = random.map(bytes ->
        {
            final byte[] cpm = new byte[bytes.length + 1];
            cpm[0] = (byte)0x85;
            System.arraycopy(bytes, 0, cpm, 1, bytes.length);
            return cpm;
        });
        final Arbitrary<byte[]> binaryCpm = Arbitraries.integers().between(0, 200).flatMap(position ->
            Arbitraries.bytes().map(value ->
            {
                final byte[] code = ClassifierSamples.unionPayCpmBytes();
                code[position % code.length] = value;
                return code;
            }));
        final Arbitrary<byte[]> nearLimit = Arbitraries.bytes().array(byte[].class).ofMinSize(2950).ofMaxSize(2960);
        return Arbitraries.oneOf(random, startingWithTag, binaryCpm, nearLimit,
            mutatedSamples().map(text -> text.getBytes(StandardCharsets.UTF_8)));
    }

    @Provide
    Arbitrary<Integer> slack()
    {
        return Arbitraries.integers().between(0, 16);
    }

    private static Arbitrary<String> mutatedSamples()
    {
        final Arbitrary<String> sample = Arbitraries.of(SAMPLES);
        final Arbitrary<Character> replacement = Arbitraries.oneOf(
            Arbitraries.chars().all(),
            Arbitraries.chars().with("0123456789ABCDEFabcdef+/=:\r\n \u0000\u4e2d"));
        return Combinators.combine(sample, Arbitraries.integers().between(0, 4), Arbitraries.integers().between(0, 5000),
            replacement).as((text, operation, at, c) ->
            {
                final int position = at % (text.length() + 1);
                switch (operation)
                {
                    case 0:
                        return position == text.length() ? text + c :
                            text.substring(0, position) + c + text.substring(position + 1);
                    case 1:
                        return text.substring(0, position) + c + text.substring(position);
                    case 2:
                        return position == text.length() ? text : text.substring(0, position) + text.substring(position + 1);
                    case 3:
                        return text.substring(0, position);
                    default:
                        return text;
                }
            });
    }

    private static Arbitrary<String> prefixed()
    {
        final Arbitrary<String> prefix = Arbitraries.of("0002", "000201", "hQ", "hQVDUFYwMW", "wxp://",
            "https://qr.alipay.com/", "62", "\r\n", "\u0085");
        final Arbitrary<String> tail = Arbitraries.oneOf(
            Arbitraries.strings().all().ofMaxLength(120),
            Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=")
                .ofMaxLength(120),
            Arbitraries.strings().numeric().ofMaxLength(120));
        return Combinators.combine(prefix, tail).as(String::concat);
    }

    private static String strip(final String text)
    {
        int start = 0;
        int end = text.length();
        while (start < end && " \t\r\n".indexOf(text.charAt(start)) >= 0)
        {
            start++;
        }
        while (end > start && " \t\r\n".indexOf(text.charAt(end - 1)) >= 0)
        {
            end--;
        }
        return text.substring(start, end);
    }

    private static String replaceLoneSurrogates(final String text)
    {
        final StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)))
            {
                sb.append(c).append(text.charAt(++i));
            }
            else
            {
                sb.append(Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return sb.toString();
    }

    private static void assertWellFormed(final Classification result)
    {
        if (result.isValid())
        {
            assertThat(result.errorCode()).isEqualTo(CodeError.NONE);
            assertThat(result.format()).isNotNull();
            assertThat(result.mode()).isEqualTo(result.format().mode());
            assertThat(result.walletCount()).isBetween(0, Classification.MAX_WALLETS);
            if (result.format() == CodeFormat.NUMERIC || result.format() == CodeFormat.URL)
            {
                assertThat(result.walletCount()).isEqualTo(1);
                assertThat(result.rule()).isNotNegative();
            }
        }
        else
        {
            assertThat(result.errorCode()).isNotNull().isNotEqualTo(CodeError.NONE);
            assertThat(result.error().message()).isNotEmpty();
            assertThat(result.walletCount()).isZero();
            if (result.errorCode() != CodeError.TOO_LONG)
            {
                assertThat(result.error().offset() - result.offset()).as("offset within the code")
                    .isBetween(0, result.length());
            }
        }
        assertThat(ClassificationJson.render(result, REGISTRY, null).get("valid").asBoolean()).isEqualTo(result.isValid());
    }
}
