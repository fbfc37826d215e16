package io.hutong.codec.emv.cpm;

import io.hutong.codec.CodeError;
import org.junit.jupiter.api.Test;

import static io.hutong.codec.emv.cpm.CpmSamples.SPEC_EXAMPLE_1;
import static io.hutong.codec.emv.cpm.CpmSamples.SPEC_EXAMPLE_2;
import static io.hutong.codec.emv.cpm.CpmSamples.SPEC_PAN;
import static io.hutong.codec.emv.cpm.CpmSamples.ascii;
import static io.hutong.codec.emv.cpm.CpmSamples.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CpmClearPanTest
{
    private final CpmDecoder decoder = new CpmDecoder();

    @Test
    void shouldGiveTheIssuerTheClearPanFromTrack2()
    {
        assertThat(decode(SPEC_EXAMPLE_1)).isEqualTo(CodeError.NONE);

        assertThat(CpmClearPan.of(decoder, 0)).isEqualTo(SPEC_PAN);
    }

    @Test
    void shouldGiveTheClearPanFromCommonDataToEveryApplication()
    {
        assertThat(decode(SPEC_EXAMPLE_2)).isEqualTo(CodeError.NONE);

        assertThat(CpmClearPan.of(decoder, 0)).isEqualTo(SPEC_PAN);
        assertThat(CpmClearPan.of(decoder, 1)).isEqualTo(SPEC_PAN);
    }

    @Test
    void shouldGiveANineteenDigitUnionPayConsumerCodeCarriedAsAPan()
    {
        final String code = "6212345678901234567";
        final String text = new CpmEncoder()
            .withApplication(CpmApplication.of(hex(CpmSamples.UNIONPAY_AID_HEX)).withPan(code))
            .encodeBase64();
        assertThat(decode(text)).isEqualTo(CodeError.NONE);

        final StringBuilder sb = new StringBuilder("pan=");
        assertThat(CpmClearPan.append(decoder, 0, sb)).isSameAs(sb);
        assertThat(sb.toString()).isEqualTo("pan=" + code);
        assertThat(decoder.maskedPan()).isEqualTo("621234*********4567");
    }

    @Test
    void shouldRefuseAnApplicationThePayloadDoesNotHave()
    {
        assertThat(decode(SPEC_EXAMPLE_1)).isEqualTo(CodeError.NONE);

        assertThatThrownBy(() -> CpmClearPan.of(decoder, 1)).isInstanceOf(IndexOutOfBoundsException.class)
            .hasMessage("app=1 applicationCount=1");
        decoder.wrap(ascii("AAAA"), 0, 4).decode();
        assertThatThrownBy(() -> CpmClearPan.of(decoder, 0)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    private CodeError decode(final String text)
    {
        return decoder.wrap(ascii(text), 0, text.length()).decode();
    }
}
