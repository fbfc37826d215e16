package io.hutong.connector.gm;

import io.hutong.codec.sign.CodeSigner;
import io.hutong.codec.sign.SignatureAlgorithm;
import io.hutong.codec.sign.TrustedKeys;
import io.hutong.connector.WalletOperation;
import io.hutong.connector.WalletOutcome;
import io.hutong.connector.WalletResult;
import io.hutong.connector.http.WalletHttpRequest;
import io.hutong.connector.spi.ConnectorSettings;
import io.hutong.connector.spi.Nonces;
import io.netty.handler.codec.http.HttpHeaders;

import java.net.URI;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The switch's side of the Hutong GM interface (docs/wallet-interface-gm.md) for one wallet: writes signed,
 * field-encrypted requests and reads verified answers into {@link WalletResult}s. The whole API of the
 * wallets that use the interface (Bestpay, Hebao, Wo), and the MPM legs ({@code credit}, {@code release}) of
 * every other wallet, whose public APIs have no such operations.
 * <p>
 * Settings (an {@code interop} object, or a GM wallet's own settings): {@code merchantId},
 * {@code switchKeyId}, {@code switchPrivateKey} (SM2, PKCS#8 PEM or base64), {@code walletKeyId},
 * {@code walletPublicKey} (SM2, X.509 PEM or base64), {@code sm4Key} (32 hex digits), optional
 * {@code baseUrl}. Signing and verifying are SM2: callers run {@link #encode} and {@link #decode} on the
 * crypto pool. Thread-safe.
 */
public final class GmClient
{
    private final URI baseUrl;
    private final String merchantId;
    private final CodeSigner signer;
    private final TrustedKeys walletKeys;
    private final GmFieldCipher cipher;
    private final Clock clock;

    /**
     * @param baseUrl    the wallet's base URL; requests go to {@code <baseUrl>/gm/v1/<operation>}.
     * @param merchantId the switch's merchant id at the wallet.
     * @param signer     the switch's SM2 signer.
     * @param walletKeys the wallet's public keys the switch trusts.
     * @param cipher     the merchant's SM4 field cipher.
     * @param clock      the wall clock for request timestamps.
     */
    public GmClient(
        final URI baseUrl,
        final String merchantId,
        final CodeSigner signer,
        final TrustedKeys walletKeys,
        final GmFieldCipher cipher,
        final Clock clock)
    {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.merchantId = Objects.requireNonNull(merchantId, "merchantId");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.walletKeys = Objects.requireNonNull(walletKeys, "walletKeys");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Build a client from settings.
     *
     * @param settings       the GM settings (see the class comment).
     * @param defaultBaseUrl the base URL when the settings have no {@code baseUrl}.
     * @param clock          the wall clock.
     * @return the client.
     * @throws IllegalArgumentException naming the first invalid setting.
     */
    public static GmClient fromSettings(final ConnectorSettings settings, final URI defaultBaseUrl, final Clock clock)
    {
        final URI baseUrl = settings.has("baseUrl") ? settings.httpUri("baseUrl") : defaultBaseUrl;
        final String merchantId = settings.text("merchantId");
        final String switchKeyId = settings.text("switchKeyId");
        final String walletKeyId = settings.text("walletKeyId");
        final CodeSigner signer;
        final TrustedKeys walletKeys;
        try
        {
            signer = new CodeSigner(SignatureAlgorithm.SM2_SM3, switchKeyId, settings.privateKey("switchPrivateKey"));
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException(settings.path() + ".switchPrivateKey: " + ex.getMessage(), ex);
        }
        try
        {
            walletKeys = TrustedKeys.builder()
                .add(walletKeyId, SignatureAlgorithm.SM2_SM3, settings.publicKey("walletPublicKey")).build();
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException(settings.path() + ".walletPublicKey: " + ex.getMessage(), ex);
        }
        final byte[] sm4Key;
        try
        {
            sm4Key = HexFormat.of().parseHex(settings.text("sm4Key"));
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException(settings.path() + ".sm4Key: must be 32 hex digits", ex);
        }
        if (sm4Key.length != GmFieldCipher.KEY_LENGTH)
        {
            throw new IllegalArgumentException(settings.path() + ".sm4Key: must be 32 hex digits (16 bytes)");
        }
        return new GmClient(baseUrl, merchantId, signer, walletKeys, new GmFieldCipher(sm4Key), clock);
    }

    /**
     * @return a fresh {@code request_id} for one HTTP attempt.
     */
    public String newRequestId()
    {
        return Nonces.hex32();
    }

    /**
     * Write, encrypt and sign one request.
     *
     * @param operation the operation.
     * @param requestId from {@link #newRequestId()}; the answer must echo it.
     * @param biz       the business fields in plaintext.
     * @return the HTTP request.
     */
    public WalletHttpRequest encode(final GmOperation operation, final String requestId, final GmRequest.Biz biz)
    {
        final GmRequest request = new GmRequest(
            operation, merchantId, requestId, clock.instant(), signer.keyId(), biz);
        final GmRequestCodec.Encoded encoded = GmRequestCodec.encode(request, signer, cipher);
        return WalletHttpRequest.post(baseUrl.resolve(baseUrl.getPath() + encoded.path()), GmWire.CONTENT_TYPE, encoded.body())
            .header(GmWire.SIGNATURE_HEADER, encoded.signatureHeader());
    }

    /**
     * Verify and read one answer.
     *
     * @param operation       the switch operation the answer is for.
     * @param gmOperation     the GM operation that was sent.
     * @param requestId       the request's id; an answer echoing another is refused.
     * @param headers         the answer's headers.
     * @param body            the answer's body.
     * @return the result; an answer that does not verify or parse is UNKNOWN with the refusal as its code.
     */
    public WalletResult decode(
        final WalletOperation operation,
        final GmOperation gmOperation,
        final String requestId,
        final HttpHeaders headers,
        final byte[] body)
    {
        final GmResponse response;
        try
        {
            response = GmResponse.decode(body, headers.get(GmWire.SIGNATURE_HEADER), walletKeys, requestId);
        }
        catch (final GmMessageException ex)
        {
            return WalletResult.unknown(operation, ex.reason().name(), ex.getMessage());
        }
        final WalletOutcome outcome = GmOutcomes.of(gmOperation, response);
        return WalletResult.answered(operation, outcome, response.tradeNo());
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public String toString()
    {
        return "GmClient[" + baseUrl + ", merchantId=" + merchantId + ", keyId=" + signer.keyId() + "]";
    }
}
