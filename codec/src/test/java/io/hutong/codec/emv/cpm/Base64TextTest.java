package io.hutong.codec.emv.cpm;

import io.hutong.codec.CodeError;
import io.hutong.codec.DecodeError;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.Base64;

import static io.hutong.codec.emv.cpm.CpmSamples.SPEC_EXAMPLE_1;
import static io.hutong.codec.emv.cpm.CpmSamples.SPEC_EXAMPLE_1_HEX;
import static io.hutong.codec.emv.cpm.CpmSamples.ascii;
import static io.hutong.codec.emv.cpm.CpmSamples.hex;
import static org.assertj.core.api.Assertions.assertThat;

class Base64TextTest
{
    private final DecodeError error = new DecodeError();
    private final UnsafeBuffer out = new UnsafeBuffer(new byte[64]);

    @Test
    void shouldDecodeSpecExample()
    {
        final int length = decode(SPEC_EXAMPLE_1);

        assertThat(length).isEqualTo(35);
        assertThat(decoded(length)).isEqualTo(hex(SPEC_EXAMPLE_1_HEX));
        assertThat(error.code()).isEqualTo(CodeError.NONE);
    }

    @Test
    void shouldDecodeUnpaddedText()
    {
        final String unpadded = SPEC_EXAMPLE_1.substring(0, SPEC_EXAMPLE_1.length() - 1);

        final int length = decode(unpadded);

        assertThat(decoded(length)).isEqualTo(hex(SPEC_EXAMPLE_1_HEX));
    }

    @Test
    void shouldDecodeEmptyTextToNoBytes()
    {
        assertThat(decode("")).isZero();
    }

    @Test
    void shouldDecodeEveryTailLength()
    {
        assertThat(decoded(decode("QQ=="))).isEqualTo(new byte[]{ 'A' });
        assertThat(decoded(decode("QUI="))).isEqualTo(new byte[]{ 'A', 'B' });
        assertThat(decoded(decode("QUJD"))).isEqualTo(new byte[]{ 'A', 'B', 'C' });
        assertThat(decoded(decode("QQ"))).isEqualTo(new byte[]{ 'A' });
        assertThat(decoded(decode("QUI"))).isEqualTo(new byte[]{ 'A', 'B' });
    }

    @ParameterizedTest(name = "{0} -> offset {1}")
    @CsvSource(delimiter = '|', value = {
        "hQVD UFYw|4",          // whitespace
        "'hQVDUFYw\t'|8",       // tab at the end, quoted so the CSV parser keeps it
        "hQVD-FYw|4",           // URL-safe alphabet
        "hQVD_FYw|4",           // URL-safe alphabet
        "QQ==QQ==|2",           // padding in the middle
        "hQVDUFY.|7",           // punctuation
    })
    void shouldReportOffsetOfFirstBadCharacter(final String text, final int offset)
    {
        assertMalformed(text, offset);
    }

    @Test
    void shouldRefuseLineBreak()
    {
        assertMalformed("hQVDUFYw\nMWEa", 8);
    }

    @Test
    void shouldRefuseNonAsciiByte()
    {
        final UnsafeBuffer text = new UnsafeBuffer(new byte[]{ 'Q', 'Q', (byte)0xC3, (byte)0xA9 });

        assertThat(Base64Text.decode(text, 0, 4, out, 0, out.capacity(), error)).isEqualTo(Base64Text.MALFORMED);
        assertThat(error.offset()).isEqualTo(2);
    }

    @Test
    void shouldRefusePaddingThatDoesNotCompleteAGroup()
    {
        assertMalformed("QUI==", 3);
    }

    @Test
    void shouldRefuseThreePaddingCharacters()
    {
        assertMalformed("QQ===", 2);
        assertMalformed("Q===", 1);
    }

    @Test
    void shouldRefuseTextThatIsOnlyPadding()
    {
        assertMalformed("====", 0);
        assertMalformed("==", 0);
    }

    @Test
    void shouldRefuseLoneTrailingCharacter()
    {
        assertMalformed("QUJDR", 4);
        assertMalformed("Q", 0);
    }

    @Test
    void shouldRefuseNonZeroUnusedBits()
    {
        // "QR==" and "QUJ=" decode to the same bytes as "QQ==" and "QUI=" under a lenient decoder.
        assertMalformed("QR==", 1);
        assertMalformed("QUJ=", 2);
        assertMalformed("QR", 1);
    }

    @Test
    void shouldRefuseOutputLargerThanCapacityBeforeWriting()
    {
        final UnsafeBuffer small = new UnsafeBuffer(new byte[4]);

        final int result = Base64Text.decode(ascii("QUJDREVG"), 0, 8, small, 0, 4, error);

        assertThat(result).isEqualTo(Base64Text.TOO_LONG);
        assertThat(error.code()).isEqualTo(CodeError.TOO_LONG);
        assertThat(small.byteArray()).containsOnly(0);
    }

    @Test
    void shouldDecodeFromAnOffsetAndReportOffsetsRelativeToIt()
    {
        final UnsafeBuffer text = ascii("xxQUJD*");

        assertThat(Base64Text.decode(text, 2, 4, out, 0, out.capacity(), error)).isEqualTo(3);
        assertThat(Base64Text.decode(text, 2, 5, out, 0, out.capacity(), error)).isEqualTo(Base64Text.MALFORMED);
        assertThat(error.offset()).isEqualTo(4);
    }

    @Test
    void shouldEncodeLikeTheJdk()
    {
        final byte[] bytes = new byte[40];
        for (int i = 0; i < bytes.length; i++)
        {
            bytes[i] = (byte)(i * 37 + 201);
        }
        for (int length = 0; length <= bytes.length; length++)
        {
            final byte[] slice = Arrays.copyOf(bytes, length);
            assertThat(Base64Text.encode(slice)).isEqualTo(Base64.getEncoder().encodeToString(slice));
        }
    }

    @Test
    void shouldComputePaddedEncodedLength()
    {
        assertThat(Base64Text.encodedLength(0)).isZero();
        assertThat(Base64Text.encodedLength(1)).isEqualTo(4);
        assertThat(Base64Text.encodedLength(3)).isEqualTo(4);
        assertThat(Base64Text.encodedLength(512)).isEqualTo(CpmDescriptor.MAX_TEXT_LENGTH);
    }

    private int decode(final String text)
    {
        return Base64Text.decode(ascii(text), 0, text.length(), out, 0, out.capacity(), error);
    }

    private byte[] decoded(final int length)
    {
        final byte[] bytes = new byte[length];
        out.getBytes(0, bytes);
        return bytes;
    }

    private void assertMalformed(final String text, final int offset)
    {
        error.reset();
        assertThat(decode(text)).isEqualTo(Base64Text.MALFORMED);
        assertThat(error.code()).isEqualTo(CodeError.MALFORMED);
        assertThat(error.offset()).as("offset of %s", text).isEqualTo(offset);
    }
}
