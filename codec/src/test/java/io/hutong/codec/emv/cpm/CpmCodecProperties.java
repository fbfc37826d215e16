package io.hutong.codec.emv.cpm;

import io.hutong.codec.CodeError;
import io.hutong.codec.DecodeError;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the CPM codec: encoder and decoder agree, base64 agrees with the JDK on valid input, and no
 * input whatsoever makes the decoder throw or accept garbage.
 */
class CpmCodecProperties
{
    private static final String BASE64_ALPHABET =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=";

    private final CpmDecoder decoder = new CpmDecoder();

    /** What one generated application should decode to. */
    record AppSpec(byte[] aid, String pan, boolean track2, int expiry, int serviceCode, String label, byte[] crypto)
    {
        CpmApplication toApplication()
        {
            CpmApplication application = CpmApplication.of(aid);
            application = track2 ? application.withTrack2(pan, expiry, serviceCode) : application.withPan(pan);
            if (!label.isEmpty())
            {
                application = application.withLabel(label);
            }
            return crypto.length == 0 ? application : application.withTransparentData(crypto);
        }

        String maskedPan()
        {
            return pan.substring(0, 6) + "*".repeat(pan.length() - 10) + pan.substring(pan.length() - 4);
        }
    }

    @Property(tries = 500)
    void shouldRoundTripEncodedPayloads(@ForAll("applicationLists") final List<AppSpec> apps)
    {
        CpmEncoder encoder = new CpmEncoder();
        for (final AppSpec app : apps)
        {
            encoder = encoder.withApplication(app.toApplication());
        }
        final String text = encoder.encodeBase64();

        assertThat(decoder.wrap(ascii(text), 0, text.length()).decode()).as("%s", decoder.error())
            .isEqualTo(CodeError.NONE);
        assertThat(decoder.applicationCount()).isEqualTo(apps.size());
        final UnsafeBuffer aid = new UnsafeBuffer(new byte[16]);
        for (int i = 0; i < apps.size(); i++)
        {
            final AppSpec app = apps.get(i);
            final byte[] aidBytes = new byte[decoder.getAid(i, aid, 0)];
            aid.getBytes(0, aidBytes);
            assertThat(aidBytes).isEqualTo(app.aid());
            assertThat(decoder.maskedPan(i)).isEqualTo(app.maskedPan());
            assertThat(decoder.panLastFour(i)).isEqualTo(Integer.parseInt(app.pan().substring(app.pan().length() - 4)));
            assertThat(decoder.expiryYymm(i)).isEqualTo(app.track2() ? app.expiry() : -1);
            assertThat(decoder.applicationLabel(i)).isEqualTo(app.label());
            assertThat(decoder.transparentTemplateLength(i)).isEqualTo(app.crypto().length);
        }
    }

    @Property(tries = 2000)
    void shouldNeverThrowOnArbitraryBytes(@ForAll @Size(max = 600) final byte[] bytes)
    {
        final CodeError result = decoder.wrapBinary(new UnsafeBuffer(bytes), 0, bytes.length).decode();

        assertThat(result).isNotNull().isEqualTo(decoder.error().code());
        if (result == CodeError.NONE)
        {
            assertThat(bytes).startsWith(0x85, 0x05, 'C', 'P', 'V', '0', '1');
        }
    }

    @Property(tries = 2000)
    void shouldNeverThrowOnArbitraryStrings(@ForAll @Size(max = 800) final String text)
    {
        final byte[] bytes = text.getBytes(StandardCharsets.UTF_8);

        final CodeError result = decoder.wrap(new UnsafeBuffer(bytes), 0, bytes.length).decode();

        assertThat(result).isNotNull();
        if (!onlyBase64Alphabet(text))
        {
            assertThat(result).isIn(CodeError.MALFORMED, CodeError.TOO_LONG);
            assertThat(decoder.errorInText()).isTrue();
        }
    }

    @Property(tries = 1000)
    void shouldNeverThrowOnMutatedValidPayloads(
        @ForAll("applications") final AppSpec app,
        @ForAll final int position,
        @ForAll final byte value,
        @ForAll final boolean truncate)
    {
        final byte[] bytes = new CpmEncoder().withApplication(app.toApplication()).encodeBytes();
        final int index = Math.floorMod(position, bytes.length);
        final int length = truncate ? index : bytes.length;
        bytes[index] = value;

        final CodeError result = decoder.wrapBinary(new UnsafeBuffer(bytes), 0, length).decode();

        assertThat(result).isNotNull();
        if (truncate)
        {
            // A single application ends the payload, so any cut leaves a broken or application-less payload.
            assertThat(result).isNotEqualTo(CodeError.NONE);
        }
        else if (result == CodeError.NONE)
        {
            assertThat(decoder.maskedPan()).matches("[0-9]{6}\\*{2,9}[0-9]{4}");
        }
    }

    @Property(tries = 1000)
    void shouldAgreeWithTheJdkOnValidBase64(@ForAll @Size(max = 100) final byte[] bytes)
    {
        final String padded = Base64Text.encode(bytes);
        final String unpadded = Base64.getEncoder().withoutPadding().encodeToString(bytes);
        final UnsafeBuffer out = new UnsafeBuffer(new byte[100]);
        final DecodeError error = new DecodeError();

        assertThat(padded).isEqualTo(Base64.getEncoder().encodeToString(bytes));
        for (final String text : new String[]{ padded, unpadded })
        {
            final int length = Base64Text.decode(ascii(text), 0, text.length(), out, 0, out.capacity(), error);
            final byte[] decoded = new byte[length];
            out.getBytes(0, decoded);
            assertThat(decoded).isEqualTo(bytes);
        }
    }

    @Property(tries = 1000)
    void shouldAcceptOnlyWhatTheJdkAccepts(@ForAll("base64ish") final String text)
    {
        final UnsafeBuffer out = new UnsafeBuffer(new byte[600]);
        final int length = Base64Text.decode(ascii(text), 0, text.length(), out, 0, out.capacity(), new DecodeError());

        if (length >= 0)
        {
            // Anything strict accepts, the JDK's decoder accepts too, with the same bytes.
            final byte[] decoded = new byte[length];
            out.getBytes(0, decoded);
            assertThat(Base64.getDecoder().decode(text)).isEqualTo(decoded);
            assertThat(Base64Text.encode(decoded)).startsWith(text);
        }
    }

    @Provide
    Arbitrary<AppSpec> applications()
    {
        final Arbitrary<byte[]> aids = Arbitraries.bytes().array(byte[].class).ofMinSize(5).ofMaxSize(16);
        final Arbitrary<String> pans = Arbitraries.strings().numeric().ofMinLength(12).ofMaxLength(19);
        final Arbitrary<Integer> expiries = Combinators.combine(
            Arbitraries.integers().between(0, 99), Arbitraries.integers().between(1, 12)).as((yy, mm) -> yy * 100 + mm);
        final Arbitrary<String> labels = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(16);
        final Arbitrary<byte[]> cryptograms = Arbitraries.of(
            new byte[0],
            CpmSamples.hex("9F2608A1B2C3D4E5F601029F2701809F36020042"),
            CpmSamples.hex(CpmSamples.SPEC_EXAMPLE_2_CRYPTOGRAM_HEX));

        return Combinators.combine(aids, pans, Arbitraries.of(true, false), expiries,
            Arbitraries.integers().between(0, 999), labels, cryptograms).as(AppSpec::new);
    }

    @Provide
    Arbitrary<List<AppSpec>> applicationLists()
    {
        return applications().list().ofMinSize(1).ofMaxSize(CpmDescriptor.MAX_APPLICATIONS);
    }

    @Provide
    Arbitrary<String> base64ish()
    {
        return Arbitraries.strings().withChars(BASE64_ALPHABET.toCharArray()).ofMaxLength(40);
    }

    private static boolean onlyBase64Alphabet(final String text)
    {
        for (int i = 0; i < text.length(); i++)
        {
            if (BASE64_ALPHABET.indexOf(text.charAt(i)) < 0)
            {
                return false;
            }
        }
        return true;
    }

    private static UnsafeBuffer ascii(final String text)
    {
        return CpmSamples.ascii(text);
    }
}
