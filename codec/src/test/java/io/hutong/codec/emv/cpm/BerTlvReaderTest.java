package io.hutong.codec.emv.cpm;

import io.hutong.codec.CodeError;
import io.hutong.codec.DecodeError;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static io.hutong.codec.emv.cpm.CpmSamples.hex;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One test per BER-TLV bug class seen in the wild, plus the shapes the reader must accept.
 */
class BerTlvReaderTest
{
    private final DecodeError error = new DecodeError();
    private final BerTlvReader reader = new BerTlvReader(error);

    @Test
    void shouldStepThroughObjectsOfOneLevel()
    {
        wrap("4F02A0005F200141");

        assertThat(reader.next()).isTrue();
        assertThat(reader.tag()).isEqualTo(0x4F);
        assertThat(reader.tagLength()).isEqualTo(1);
        assertThat(reader.valueOffset()).isEqualTo(2);
        assertThat(reader.valueLength()).isEqualTo(2);
        assertThat(reader.isConstructed()).isFalse();

        assertThat(reader.next()).isTrue();
        assertThat(reader.tag()).isEqualTo(0x5F20);
        assertThat(reader.tagLength()).isEqualTo(2);
        assertThat(reader.valueOffset()).isEqualTo(7);
        assertThat(reader.valueLength()).isEqualTo(1);

        assertThat(reader.next()).isFalse();
        assertThat(reader.hasFailed()).isFalse();
    }

    @Test
    void shouldReadThreeAndFourByteTags()
    {
        wrap("DF8101009F81820301FF");

        assertThat(reader.next()).isTrue();
        assertThat(reader.tag()).isEqualTo(0xDF8101);
        assertThat(reader.isConstructed()).isFalse();
        assertThat(reader.next()).isTrue();
        assertThat(reader.tag()).isEqualTo(0x9F818203);
        assertThat(reader.tagLength()).isEqualTo(4);
        assertThat(reader.valueLength()).isEqualTo(1);
    }

    @Test
    void shouldMarkConstructedTags()
    {
        wrap("6103500141");

        assertThat(reader.next()).isTrue();
        assertThat(reader.isConstructed()).isTrue();
        assertThat(reader.valueLength()).isEqualTo(3);
    }

    @Test
    void shouldReadLongFormLengths()
    {
        final byte[] bytes = new byte[3 + 200];
        bytes[0] = 0x63;
        bytes[1] = (byte)0x81;
        bytes[2] = (byte)200;
        reader.wrap(new UnsafeBuffer(bytes), 0, bytes.length);

        assertThat(reader.next()).isTrue();
        assertThat(reader.valueOffset()).isEqualTo(3);
        assertThat(reader.valueLength()).isEqualTo(200);
    }

    @Test
    void shouldAcceptNonMinimalLongFormLength()
    {
        wrap("4F8200020102");

        assertThat(reader.next()).isTrue();
        assertThat(reader.valueOffset()).isEqualTo(4);
        assertThat(reader.valueLength()).isEqualTo(2);
    }

    @Test
    void shouldTreatEmptyRegionAsNoObjectsNotAsFailure()
    {
        wrap("");

        assertThat(reader.next()).isFalse();
        assertThat(reader.hasFailed()).isFalse();
        assertThat(reader.validateTree()).isTrue();
    }

    @Test
    void shouldRefuseLengthThatAnIntReaderWouldSeeAsNegative()
    {
        wrap("4F84FFFFFFFF00");

        assertMalformed(1, "does not fit");
    }

    @Test
    void shouldRefuseHugeLengthInsteadOfWrappingPastTheBuffer()
    {
        // 0x7FFFFFFF plus the value offset overflows an int; a reader adding before comparing would accept it.
        wrap("4F847FFFFFFF00");

        assertMalformed(1, "past the end");
    }

    @Test
    void shouldRefuseIndefiniteLength()
    {
        wrap("61804F01A00000");

        assertMalformed(1, "indefinite");
    }

    @Test
    void shouldRefuseLengthOfLengthAboveFour()
    {
        wrap("4F850000000001A0");

        assertMalformed(1, "more than 4 bytes");
    }

    @Test
    void shouldRefuseLengthPastTheBuffer()
    {
        wrap("4F07A0000000");

        assertMalformed(1, "past the end");
    }

    @Test
    void shouldRefuseTruncatedTag()
    {
        wrap("4F01A05F");

        assertThat(reader.next()).isTrue();
        assertMalformed(3, "tag runs past");
    }

    @Test
    void shouldRefuseTruncatedMultiByteTag()
    {
        wrap("9F81");

        assertMalformed(0, "tag runs past");
    }

    @Test
    void shouldRefuseTruncatedLength()
    {
        wrap("4F");

        assertMalformed(1, "length runs past");
    }

    @Test
    void shouldRefuseTruncatedLongFormLength()
    {
        wrap("4F8201");

        assertMalformed(1, "length runs past");
    }

    @Test
    void shouldRefuseTagLongerThanFourBytes()
    {
        wrap("9F8182838401FF");

        assertMalformed(0, "longer than 4");
    }

    @Test
    void shouldRefuseTagNumberPaddedWithLeading80()
    {
        wrap("9F802601FF");

        assertMalformed(0, "padded");
    }

    @Test
    void shouldRefuseZeroTag()
    {
        wrap("4F01A00000");

        assertThat(reader.next()).isTrue();
        assertMalformed(3, "0x00");
    }

    @Test
    void shouldBoundNestedValueByItsEnclosingTemplate()
    {
        // 61 claims 3 bytes; inside it 4F claims 5, which fits the buffer but not the template.
        wrap("61034F05A000000003A0");

        assertThat(reader.validateTree()).isFalse();
        assertThat(error.code()).isEqualTo(CodeError.MALFORMED);
        assertThat(error.offset()).isEqualTo(3);
    }

    @Test
    void shouldValidateEveryLevelAndRewind()
    {
        wrap("610B4F01A0630650014151014285054350563031");

        assertThat(reader.validateTree()).isTrue();
        assertThat(reader.next()).isTrue();
        assertThat(reader.tag()).isEqualTo(0x61);
        assertThat(reader.next()).isTrue();
        assertThat(reader.tag()).isEqualTo(0x85);
    }

    @Test
    void shouldRefuseMalformedValueOfConstructedObjectDeepInTheTree()
    {
        wrap("6106630450034100");

        assertThat(reader.validateTree()).isFalse();
        assertThat(error.offset()).isEqualTo(5);
    }

    @Test
    void shouldRefuseNestingDeeperThanTheLimit()
    {
        final int depth = BerTlvReader.MAX_DEPTH + 1;
        final byte[] bytes = new byte[depth * 2];
        for (int i = 0; i < depth; i++)
        {
            bytes[2 * i] = 0x61;
            bytes[2 * i + 1] = (byte)(bytes.length - 2 * i - 2);
        }
        reader.wrap(new UnsafeBuffer(bytes), 0, bytes.length);

        assertThat(reader.validateTree()).isFalse();
        assertThat(error.detail()).contains("too deep");
    }

    @Test
    void shouldReportOffsetsRelativeToOrigin()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(hex("AAAAAA" + "4F05A0"));

        reader.wrap(buffer, 3, 3, 1);

        assertThat(reader.next()).isFalse();
        assertThat(error.offset()).isEqualTo(3);
        assertThat(reader.relativeTagOffset()).isEqualTo(2);
    }

    @Test
    void shouldStayFailedUntilRewound()
    {
        wrap("4F");

        assertThat(reader.next()).isFalse();
        assertThat(reader.next()).isFalse();
        assertThat(reader.hasFailed()).isTrue();
        reader.rewind();
        assertThat(reader.hasFailed()).isFalse();
    }

    private void wrap(final String hex)
    {
        final byte[] bytes = hex(hex);
        reader.wrap(new UnsafeBuffer(bytes), 0, bytes.length);
    }

    private void assertMalformed(final int offset, final String detail)
    {
        assertThat(reader.next()).isFalse();
        assertThat(reader.hasFailed()).isTrue();
        assertThat(error.code()).isEqualTo(CodeError.MALFORMED);
        assertThat(error.offset()).isEqualTo(offset);
        assertThat(error.detail()).contains(detail);
    }
}
