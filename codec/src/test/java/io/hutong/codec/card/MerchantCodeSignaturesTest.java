package io.hutong.codec.card;

import io.hutong.codec.CodeError;
import io.hutong.codec.classify.Classification;
import io.hutong.codec.classify.CodeClassifier;
import io.hutong.codec.emv.mpm.DataObject;
import io.hutong.codec.emv.mpm.MpmDecoder;
import io.hutong.codec.emv.mpm.MpmPayload;
import io.hutong.codec.registry.WalletRegistry;
import io.hutong.codec.registry.WalletRegistryLoader;
import io.hutong.codec.sign.CodeSigner;
import io.hutong.codec.sign.KeyPairs;
import io.hutong.codec.sign.SignatureAlgorithm;
import io.hutong.codec.sign.TrustedKeys;
import io.hutong.codec.support.Payloads;
import io.hutong.codec.text.Crc16;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static io.hutong.codec.card.MerchantCodeCardTest.ALL_WALLETS;
import static io.hutong.codec.card.MerchantCodeCardTest.card;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Signed merchant codes: the sticker-swap defence. A signature verifies only with a trusted key and only on the
 * code exactly as signed; changing any one character makes it fail.
 */
class MerchantCodeSignaturesTest
{
    private static final WalletRegistry REGISTRY = WalletRegistryLoader.defaults();
    /** "63" "04" and four hex digits. */
    private static final int CRC_OBJECT_LENGTH = 8;
    private static final int CRC_VALUE_LENGTH = 4;

    private static KeyPair keyPair;
    private static CodeSigner signer;
    private static TrustedKeys trusted;

    private final MpmDecoder decoder = new MpmDecoder();

    @BeforeAll
    static void generateKeys()
    {
        keyPair = KeyPairs.generate(SignatureAlgorithm.SM2_SM3);
        signer = CodeSigner.fromKeyPair(SignatureAlgorithm.SM2_SM3, keyPair);
        trusted = TrustedKeys.builder().add(SignatureAlgorithm.SM2_SM3, keyPair.getPublic()).build();
    }

    @Test
    void shouldVerifySignedCodeWithTheSignersKey()
    {
        final String signed = signedAllWalletsCard();

        final SignatureCheck check = verify(signed, trusted);

        assertThat(check.status()).isEqualTo(SignatureStatus.VALID);
        assertThat(check.keyId()).isEqualTo(signer.keyId());
        assertThat(check.reason()).isNull();
        assertThat(signed).contains("IO.HUTONG.SIG").hasSizeLessThanOrEqualTo(512);
    }

    @Test
    void shouldStillRouteSignedCodeToEveryWallet()
    {
        final CodeClassifier classifier = new CodeClassifier(REGISTRY);

        final Classification result = classifier.classify(signedAllWalletsCard() + "\r\n");

        assertThat(result.isValid()).as("%s", result.error()).isTrue();
        assertThat(result.walletCount()).isEqualTo(ALL_WALLETS.size());
        assertThat(MerchantCodeSignatures.verify(result.mpm(), trusted).status()).isEqualTo(SignatureStatus.VALID);
    }

    @Test
    void shouldVerifyEcdsaSignedCode()
    {
        final KeyPair p256 = KeyPairs.generate(SignatureAlgorithm.ECDSA_P256_SHA256);
        final String signed = MerchantCodeSignatures.sign(
            card("Shop", "Shanghai", "5812", "9.90", List.of("wechat", "unionpay")).toPayload(REGISTRY),
            CodeSigner.fromKeyPair(SignatureAlgorithm.ECDSA_P256_SHA256, p256));

        final TrustedKeys both = TrustedKeys.builder()
            .add(SignatureAlgorithm.SM2_SM3, keyPair.getPublic())
            .add(SignatureAlgorithm.ECDSA_P256_SHA256, p256.getPublic())
            .build();

        assertThat(verify(signed, both).status()).isEqualTo(SignatureStatus.VALID);
        assertThat(verify(signed, trusted).status()).isEqualTo(SignatureStatus.INVALID);
    }

    @Test
    void shouldReportUnsignedCodeAsAbsent()
    {
        final String unsigned = card("老王面馆", "北京", "5812", null, ALL_WALLETS)
            .toPayload(REGISTRY).encode();

        final SignatureCheck check = verify(unsigned, trusted);

        assertThat(check.status()).isEqualTo(SignatureStatus.ABSENT);
        assertThat(check.keyId()).isNull();
        assertThat(SignatureStatus.ABSENT.wireName()).isEqualTo("absent");
    }

    @Test
    void shouldRefuseSignatureOfUntrustedKey()
    {
        final String signed = signedAllWalletsCard();
        final KeyPair stranger = KeyPairs.generate(SignatureAlgorithm.SM2_SM3);

        final SignatureCheck other = verify(signed,
            TrustedKeys.builder().add(SignatureAlgorithm.SM2_SM3, stranger.getPublic()).build());
        final SignatureCheck none = verify(signed, TrustedKeys.empty());

        assertThat(other.status()).isEqualTo(SignatureStatus.INVALID);
        assertThat(other.keyId()).isEqualTo(signer.keyId());
        assertThat(other.reason()).contains("not trusted");
        assertThat(none.status()).isEqualTo(SignatureStatus.INVALID);
    }

    @Test
    void shouldRefuseStrangersSignatureClaimingTrustedKeyId()
    {
        final KeyPair stranger = KeyPairs.generate(SignatureAlgorithm.SM2_SM3);
        final CodeSigner forger = new CodeSigner(SignatureAlgorithm.SM2_SM3, signer.keyId(), stranger.getPrivate());

        final String forged = MerchantCodeSignatures.sign(allWalletsPayload(), forger);

        assertThat(verify(forged, trusted).status()).isEqualTo(SignatureStatus.INVALID);
    }

    @Test
    void shouldRefuseSignatureTransplantedFromAnotherCard()
    {
        final String genuine = signedAllWalletsCard();
        final String fraudster = card("老王面馆", "北京", "5812", null, ALL_WALLETS).toPayload(REGISTRY).encode()
            .replace("M000123456", "M999999999");
        final int first = genuine.indexOf("0013IO.HUTONG.SIG") - 4;
        assertThat(genuine.substring(first, first + 2)).isEqualTo("90");
        final String signatureTemplates = genuine.substring(first, genuine.length() - CRC_OBJECT_LENGTH);
        final String swapped = Payloads.withCrc(
            fraudster.substring(0, fraudster.length() - CRC_OBJECT_LENGTH) + signatureTemplates);

        assertThat(decode(swapped)).isEqualTo(CodeError.NONE);
        assertThat(verify(swapped, trusted).status()).isEqualTo(SignatureStatus.INVALID);
    }

    /**
     * The key property: for every character of a signed code except the CRC's own four digits, every
     * replacement (with the CRC recomputed, as a fraudster would) decodes to an error or a signature that is not
     * valid.
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldNeverVerifyAfterReplacingAnySingleCharacter()
    {
        final String signed = signedAllWalletsCard();
        assertThat(verify(signed, trusted).status()).isEqualTo(SignatureStatus.VALID);

        final List<String> accepted = new ArrayList<>();
        int tried = 0;
        int verified = 0;
        for (int position = 0; position < signed.length() - CRC_VALUE_LENGTH; position++)
        {
            for (final char replacement : replacements(signed.charAt(position)))
            {
                final String tampered = withFixedCrc(
                    signed.substring(0, position) + replacement + signed.substring(position + 1));
                tried++;
                final SignatureCheck check = decode(tampered) == CodeError.NONE ? verify(decoder, trusted) : null;
                verified += check != null && check.status() == SignatureStatus.INVALID ? 1 : 0;
                if (check != null && check.status() == SignatureStatus.VALID)
                {
                    accepted.add("position " + position + " '" + signed.charAt(position) + "' -> '" + replacement +
                        "': " + tampered);
                }
            }
        }

        assertThat(tried).isGreaterThan(signed.length() * 5);
        assertThat(verified).as("tampered codes that decode, so the signature itself is what refuses them")
            .isGreaterThan(signed.length() * 3);
        assertThat(accepted).as("tampered codes that verify").isEmpty();
    }

    @Test
    void shouldRefuseSignatureTemplatesMovedToOtherIds()
    {
        final String signed = signedAllWalletsCard();
        final int first = signed.indexOf("0013IO.HUTONG.SIG") - 4;
        final int second = signed.indexOf("0013IO.HUTONG.SIG", first + 8) - 4;
        assertThat(signed.substring(first, first + 2)).isEqualTo("90");
        assertThat(signed.substring(second, second + 2)).isEqualTo("91");

        final String moved = Payloads.fixCrc(signed.substring(0, first) + "88" + signed.substring(first + 2, second) +
            "89" + signed.substring(second + 2));
        final String half = Payloads.fixCrc(signed.substring(0, second) + "89" + signed.substring(second + 2));

        assertThat(decode(moved)).isEqualTo(CodeError.NONE);
        final SignatureCheck movedCheck = verify(moved, trusted);
        assertThat(movedCheck.status()).isEqualTo(SignatureStatus.INVALID);
        assertThat(movedCheck.reason()).contains("88");
        assertThat(verify(half, trusted).status()).isEqualTo(SignatureStatus.INVALID);
    }

    @Test
    void shouldNotVerifyLowercaseGuiVariant()
    {
        final String signed = signedAllWalletsCard();

        final String both = Payloads.fixCrc(signed.replace("IO.HUTONG.SIG", "io.hutong.sig"));
        final String one = Payloads.fixCrc(signed.replaceFirst("IO\\.HUTONG\\.SIG", "io.hutong.sig"));
        final String oneLetter = Payloads.fixCrc(signed.replace("IO.HUTONG.SIG", "IO.HUTONG.SIg"));

        for (final String variant : List.of(both, one, oneLetter))
        {
            assertThat(decode(variant)).isEqualTo(CodeError.NONE);
            assertThat(verify(variant, trusted).status()).as(variant).isNotEqualTo(SignatureStatus.VALID);
        }
        assertThat(verify(one, trusted).status()).isEqualTo(SignatureStatus.INVALID);
    }

    @Test
    void shouldRefuseNonCanonicalBase64()
    {
        final String signed = signedAllWalletsCard();
        for (final String marker : new String[]{ "0343", "0443" })
        {
            final int start = signed.indexOf(marker, signed.indexOf("IO.HUTONG.SIG")) + marker.length();
            final int last = start + 42;
            final String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
            final int value = alphabet.indexOf(signed.charAt(last));
            assertThat(value & 3).as("canonical: the two spare bits are zero").isZero();

            for (int spare = 1; spare <= 3; spare++)
            {
                final char nonCanonical = alphabet.charAt(value | spare);
                final String variant = Payloads.fixCrc(
                    signed.substring(0, last) + nonCanonical + signed.substring(last + 1));

                assertThat(decode(variant)).isEqualTo(CodeError.NONE);
                final SignatureCheck check = verify(variant, trusted);
                assertThat(check.status()).as("%s %c", marker, nonCanonical).isEqualTo(SignatureStatus.INVALID);
                assertThat(check.reason()).contains("malformed");
            }
        }
    }

    @Test
    void shouldRefuseExtraSubFieldInSignatureTemplate()
    {
        final String signed = signedAllWalletsCard();
        final int second = signed.indexOf("0013IO.HUTONG.SIG", signed.indexOf("0013IO.HUTONG.SIG") + 1) - 4;
        final String template = signed.substring(second, signed.length() - CRC_OBJECT_LENGTH);
        final String content = template.substring(4) + "0501X";
        final String extended = Payloads.withCrc(signed.substring(0, second) + Payloads.tlv("91", content));

        assertThat(decode(extended)).isEqualTo(CodeError.NONE);
        assertThat(verify(extended, trusted).status()).isEqualTo(SignatureStatus.INVALID);
    }

    @Test
    void shouldRefuseToSignPayloadUsingSignatureIds()
    {
        final List<DataObject> objects = new ArrayList<>(allWalletsPayload().objects());
        objects.add(DataObject.template(90, List.of(DataObject.primitive(0, "X"))));

        assertThatThrownBy(() -> MerchantCodeSignatures.sign(new MpmPayload(objects), signer))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("90");
    }

    @Test
    void shouldRefuseKeyIdTooLongForTheTemplate()
    {
        final CodeSigner longId = new CodeSigner(SignatureAlgorithm.SM2_SM3, "k".repeat(25), keyPair.getPrivate());

        assertThatThrownBy(() -> MerchantCodeSignatures.sign(allWalletsPayload(), longId))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("keyId=");
    }

    @Test
    void shouldRefuseToSignCardThatWouldOutgrowFiveHundredTwelveCharacters()
    {
        final MpmPayload big = new MerchantCodeCard("M".repeat(30), "N".repeat(25), "C".repeat(15), "CN", "5812",
            "156", null, ALL_WALLETS).toPayload(REGISTRY);

        assertThatThrownBy(() -> MerchantCodeSignatures.sign(big, signer))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("512");
    }

    private static String signedAllWalletsCard()
    {
        return MerchantCodeSignatures.sign(allWalletsPayload(), signer);
    }

    private static MpmPayload allWalletsPayload()
    {
        return card("老王面馆 Noodles", "北京", "5812", null, ALL_WALLETS).toPayload(REGISTRY);
    }

    /** Different characters to put at a position: neighbours of the same class, other classes, CJK. */
    private static Set<Character> replacements(final char original)
    {
        final Set<Character> candidates = new LinkedHashSet<>();
        if (original >= '0' && original <= '9')
        {
            candidates.add((char)('0' + (original - '0' + 1) % 10));
            candidates.add((char)('0' + (original - '0' + 9) % 10));
            candidates.add((char)('0' + (original - '0' + 5) % 10));
        }
        else if (original >= 'A' && original <= 'Z')
        {
            candidates.add((char)('A' + (original - 'A' + 1) % 26));
            candidates.add(Character.toLowerCase(original));
        }
        else if (original >= 'a' && original <= 'z')
        {
            candidates.add((char)('a' + (original - 'a' + 1) % 26));
            candidates.add(Character.toUpperCase(original));
        }
        else if (Character.UnicodeScript.of(original) == Character.UnicodeScript.HAN)
        {
            candidates.add((char)(original + 1));
            candidates.add('中');
        }
        candidates.add('0');
        candidates.add('A');
        candidates.add('z');
        candidates.add('-');
        candidates.add('.');
        candidates.add(' ');
        candidates.add('付');
        candidates.remove(original);
        return candidates;
    }

    /** Recompute the CRC over everything before its value, "6304" included, wherever the change was. */
    private static String withFixedCrc(final String tampered)
    {
        final String covered = tampered.substring(0, tampered.length() - CRC_VALUE_LENGTH);
        final byte[] bytes = covered.getBytes(StandardCharsets.UTF_8);
        return covered + String.format("%04X", Crc16.compute(bytes, 0, bytes.length));
    }

    private CodeError decode(final String text)
    {
        final byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return decoder.wrap(new UnsafeBuffer(bytes), 0, bytes.length).decode();
    }

    private SignatureCheck verify(final String text, final TrustedKeys keys)
    {
        assertThat(decode(text)).as("%s", decoder.error()).isEqualTo(CodeError.NONE);
        return verify(decoder, keys);
    }

    private static SignatureCheck verify(final MpmDecoder decoded, final TrustedKeys keys)
    {
        return MerchantCodeSignatures.verify(decoded, keys);
    }
}
