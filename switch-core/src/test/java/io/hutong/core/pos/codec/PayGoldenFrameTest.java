package io.hutong.core.pos.codec;

import java.util.HexFormat;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One Pay frame written out by hand from the layout in docs/pos-protocol.md, with its MAC computed by OpenSSL
 * 3.0.19, not by this code:
 * <pre>
 *   printf 'HUTONG-POS-1-T2S' &gt; t2s.bin; printf 'a0a1...afb0b1...bf' | xxd -r -p &gt;&gt; t2s.bin
 *   openssl mac -digest SM3 -macopt hexkey:000102030405060708090a0b0c0d0e0f -in t2s.bin HMAC      (kT2S)
 *   openssl mac -digest SM3 -macopt hexkey:&lt;kT2S&gt; -in pay-signed.bin HMAC                        (the MAC)
 * </pre>
 * where pay-signed.bin is the frame's header and body (the bytes between the prefix and the MAC).
 */
class PayGoldenFrameTest
{
    /** Session key terminal to switch of the worked example (OpenSSL). */
    static final String T2S_KEY_HEX = "9c997def11b371f3eeadbfa44ea9991a020f7bedf1bf35e7445ee7443088b2ed";

    static final String GOLDEN_PAY =
        "a200" +                                              // length prefix: 162
        "0a00" + "01" + "00" + "01000000" +                   // template 10 Pay, version 1, flags 0, sequence 1
        "4a00" + "6600" +                                     // blockLength 74, bodyLength 102
        "53484f50303030312d4c414e45303100" +                  // "SHOP0001-LANE01" + NUL
        "d204000000000000" +                                  // amount 1234 fen
        "9c00" +                                              // currency 156
        "5432303236303130312d303030303031" + "00".repeat(16) + // "T20260101-000001"
        "4d313030303030303031" + "00".repeat(22) +             // "M100000001"
        "1200" + "313334353637383930313233343536373839" +      // code, 18 bytes
        "0600" + "e59296e595a1" +                              // subject "咖啡", 6 bytes of UTF-8
        "0500022af980ad2b1f5321b0130405b9a81b6624cda302e92fb923000a320d54"; // HMAC-SM3, kT2S

    @Test
    void shouldEncodeGoldenPayFrame()
    {
        final FrameMac mac = sessionMac();
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
        final PosFrameEncoder encoder = new PosFrameEncoder();
        encoder.pay(buffer, 0).amount(1234).currency(156).terminalTxnId("T20260101-000001")
            .merchantId("M100000001").code("134567890123456789").subject("\u5496\u5561");
        final int written = encoder.finish("SHOP0001-LANE01", 1, 0, mac);

        assertThat(PosExample.hex(buffer, 0, written)).isEqualTo(GOLDEN_PAY);
    }

    @Test
    void shouldDecodeGoldenPayFrameAndVerifyItsMac()
    {
        final UnsafeBuffer wire = PosExample.fromHex(GOLDEN_PAY);
        final PosFrameDecoder decoder = new PosFrameDecoder();

        assertThat(PosFraming.wireLength(wire, 0, wire.capacity())).isEqualTo(164);
        assertThat(decoder.wrap(wire, 2, 162).decode()).isEqualTo(PosReason.NONE);
        assertThat(decoder.messageType()).isEqualTo(PosMessageType.PAY);
        assertThat(decoder.terminalId()).isEqualTo("SHOP0001-LANE01");
        assertThat(decoder.sequence()).isEqualTo(1);
        assertThat(decoder.pay().amount()).isEqualTo(1234);
        assertThat(decoder.pay().code()).isEqualTo("134567890123456789");
        assertThat(decoder.pay().subject()).isEqualTo("\u5496\u5561");
        assertThat(sessionMac().verify(wire, 2, decoder.signedLength(), wire, decoder.macOffset())).isTrue();
        assertThat(TestFrames.exampleMac().verify(wire, 2, decoder.signedLength(), wire, decoder.macOffset()))
            .as("the long-term key does not verify a session frame").isFalse();
    }

    private static FrameMac sessionMac()
    {
        final byte[] key = HexFormat.of().parseHex(T2S_KEY_HEX);
        return new FrameMac().init(key, 0, key.length);
    }
}
