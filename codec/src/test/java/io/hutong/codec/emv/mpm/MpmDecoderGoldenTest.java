package io.hutong.codec.emv.mpm;

import io.hutong.codec.CodeError;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static io.hutong.codec.support.Payloads.buffer;
import static org.assertj.core.api.Assertions.assertThat;

class MpmDecoderGoldenTest
{
    private final MpmDecoder decoder = new MpmDecoder();

    private CodeError decode(final String payload)
    {
        final var buffer = buffer(payload);
        return decoder.wrap(buffer, 0, buffer.capacity()).decode();
    }

    @Test
    void shouldDecodeEmvcoSpecificationExample()
    {
        assertThat(decode(GoldenPayloads.EMVCO_SPEC)).isEqualTo(CodeError.NONE);
        assertThat(decoder.merchantName()).isEqualTo("BEST TRANSPORT");
        assertThat(decoder.merchantCity()).isEqualTo("BEIJING");
        assertThat(decoder.countryCode()).isEqualTo("CN");
        assertThat(decoder.merchantCategoryCode()).isEqualTo(4111);
        assertThat(decoder.transactionCurrency()).isEqualTo(156);
        assertThat(decoder.transactionAmount()).isEqualTo("23.72");
        assertThat(decoder.transactionAmountMinor(2)).isEqualTo(2372);
        assertThat(decoder.isDynamic()).isTrue();
        assertThat(decoder.subValue(MpmDescriptor.LANGUAGE_TEMPLATE, MpmDescriptor.ALTERNATE_NAME)).isEqualTo("最佳运输");
        assertThat(decoder.subValue(MpmDescriptor.LANGUAGE_TEMPLATE, MpmDescriptor.ALTERNATE_CITY)).isEqualTo("北京");
        assertThat(decoder.subValue(29, MpmDescriptor.GUI)).isEqualTo("D15600000000");
        assertThat(decoder.subValue(62, 3)).isEqualTo("1234");
        assertThat(decoder.subValue(91, MpmDescriptor.GUI)).isEqualTo("A011223344998877");
    }

    @Test
    void shouldDecodePixWithMccZero()
    {
        assertThat(decode(GoldenPayloads.PIX)).isEqualTo(CodeError.NONE);
        assertThat(decoder.merchantCategoryCode()).isZero();
        assertThat(decoder.subValue(26, 0)).isEqualTo("br.gov.bcb.pix");
        assertThat(decoder.merchantName()).isEqualTo("Fulano de Tal");
        assertThat(decoder.isDynamic()).isFalse();
    }

    @Test
    void shouldDecodeSgqrSpecificationExampleBeyond512Characters()
    {
        assertThat(decode(GoldenPayloads.SGQR)).isEqualTo(CodeError.NONE);
        assertThat(decoder.characters()).isEqualTo(1069);
        assertThat(decoder.value(15)).isEqualTo("2500034400010344500034453110001");
        assertThat(decoder.subValue(34, 0)).isEqualTo("COM.QQ.WEIXIN.PAY");
        assertThat(decoder.postalCode()).isEqualTo("081006");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        GoldenPayloads.PROMPTPAY, GoldenPayloads.PROMPTPAY_AMOUNT, GoldenPayloads.PAYNOW, GoldenPayloads.DUITNOW,
        GoldenPayloads.DUITNOW_STATIC, GoldenPayloads.VIETQR })
    void shouldDecodeCodesInCirculation(final String payload)
    {
        assertThat(decode(payload)).as(() -> decoder.error().toString()).isEqualTo(CodeError.NONE);
    }

    @Test
    void shouldReadPromptPayAmount()
    {
        assertThat(decode(GoldenPayloads.PROMPTPAY_AMOUNT)).isEqualTo(CodeError.NONE);
        assertThat(decoder.transactionAmountMinor(2)).isEqualTo(15000);
        assertThat(decoder.merchantName()).isNull();
    }

    @Test
    void shouldRoundTripGoldenPayloadsThroughTheModel()
    {
        for (final String payload : new String[]{
            GoldenPayloads.EMVCO_SPEC, GoldenPayloads.PIX, GoldenPayloads.SGQR, GoldenPayloads.DUITNOW })
        {
            assertThat(MpmPayload.parse(payload).encode(2000)).isEqualTo(payload);
        }
    }
}
