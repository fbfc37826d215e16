package io.hutong.sim.gm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hutong.connector.gm.GmFieldCipher;
import io.hutong.connector.gm.GmMessageException;
import io.hutong.connector.gm.GmOperation;
import io.hutong.connector.gm.GmRequest;
import io.hutong.connector.gm.GmRequestCodec;
import io.hutong.connector.gm.GmResponse;
import io.hutong.connector.gm.GmWire;
import io.hutong.sim.faults.WalletOperation;
import io.hutong.sim.server.Responder;
import io.hutong.sim.server.SimContext;
import io.hutong.sim.server.SimRequest;
import io.hutong.sim.server.SimResponse;
import io.hutong.sim.server.WalletApi;

import java.io.IOException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The Hutong GM interface (docs/wallet-interface-gm.md) over a simulated wallet's ledger:
 * {@code POST <baseUrl>/gm/v1/<operation>}, JSON signed with SM2 over the exact body bytes, sensitive fields in
 * SM4-GCM. Bestpay, cmpay and wopay serve all six operations through it; every other wallet serves {@code credit}
 * and {@code release} (and {@code query} and {@code reverse}, for the credits) through it, because no wallet
 * publishes an API for the MPM legs.
 *
 * <pre>
 *   body + X-Hutong-Signature --GmRequestCodec.decode (size, SM2 verify, parse, check, SM4 decrypt)--&gt;
 *     GmRequest --timestamp window, merchant--&gt; GmOperations --&gt; Ledger --&gt; GmResponse.encode (SM2 sign)
 * </pre>
 *
 * An SM2 signature costs about 0.4 ms and a verification about 0.1 ms, so the API runs on the signing executor,
 * never on the event loop. Thread-safe: immutable after construction.
 */
public final class GmApi implements WalletApi
{
    /** The GM interface's path prefix. */
    public static final String PREFIX = "/gm/v1/";
    /** What a GM wallet (bestpay, cmpay, wopay) serves. */
    public static final Set<GmOperation> ALL = EnumSet.allOf(GmOperation.class);
    /** What every other wallet serves: the MPM legs, and the query and reverse of a credit the switch made. */
    public static final Set<GmOperation> INTEROP =
        EnumSet.of(GmOperation.CREDIT, GmOperation.RELEASE, GmOperation.QUERY, GmOperation.REVERSE);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Set<GmOperation> served;
    private final GmKeys keys;
    private final GmOperations operations;

    /**
     * Loads or makes the wallet's GM keys and enrols the switch's merchant id.
     *
     * @param context the wallet.
     * @param served  the operations this wallet serves.
     */
    public GmApi(final SimContext context, final Set<GmOperation> served)
    {
        this.served = EnumSet.copyOf(served);
        this.keys = new GmKeys(context.walletId(), context.secrets());
        context.ledger().addMerchant(keys.merchantId);
        this.operations = new GmOperations(context.ledger(), keys.merchantId);
    }

    @Override
    public WalletOperation operation(final String path)
    {
        if (!path.startsWith(PREFIX))
        {
            return null;
        }
        final GmOperation operation = GmOperation.fromWireName(path.substring(PREFIX.length()));
        return null == operation || !served.contains(operation) ? null : toWalletOperation(operation);
    }

    @Override
    public boolean inline()
    {
        return false;
    }

    @Override
    public void handle(final SimRequest request, final SimContext context, final Responder responder)
    {
        final GmOperation operation = GmOperation.fromWireName(request.path().substring(PREFIX.length()));
        final boolean[] unknownMerchant = new boolean[1];
        final Function<String, GmFieldCipher> ciphers = (merchantId) ->
        {
            if (keys.merchantId.equals(merchantId))
            {
                return keys.cipher;
            }
            unknownMerchant[0] = true;
            return null;
        };
        final GmRequest gmRequest;
        try
        {
            gmRequest = GmRequestCodec.decode(
                operation, request.body(), request.header(GmWire.SIGNATURE_HEADER), keys.switchKeys, ciphers);
        }
        catch (final GmMessageException ex)
        {
            final String errCode = unknownMerchant[0] ? "MERCHANT_NOT_ENROLLED" : ex.reason().errCode();
            responder.respond(answer(request, new GmResponse(requestIdOf(request.body()), keys.walletKeyId,
                GmResponse.Code.FAIL, errCode, ex.reason().name(), null, null)));
            return;
        }
        final GmResponse response;
        if (!GmRequestCodec.isFresh(gmRequest, Instant.ofEpochMilli(context.clock().time())))
        {
            response = GmOperations.fail(gmRequest, keys.walletKeyId, "REQUEST_EXPIRED", "timestamp outside 300 s");
        }
        else if (!keys.merchantId.equals(gmRequest.merchantId()))
        {
            response = GmOperations.fail(gmRequest, keys.walletKeyId, "MERCHANT_NOT_ENROLLED", "merchant_id unknown");
        }
        else
        {
            response = operations.apply(gmRequest, keys.walletKeyId, request.fault());
        }
        responder.respond(answer(request, response));
    }

    @Override
    public SimResponse systemError(final SimRequest request, final SimContext context)
    {
        return answer(request, new GmResponse(requestIdOf(request.body()), keys.walletKeyId,
            GmResponse.Code.SYSTEM_ERROR, null, "system busy", null, null));
    }

    @Override
    public Map<String, Object> credentials(final String baseUrl)
    {
        final Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("interop", keys.interop());
        return fields;
    }

    private SimResponse answer(final SimRequest request, final GmResponse response)
    {
        final GmResponse.Encoded encoded =
            response.encode(request.fault().badSignature() ? keys.wrongSigner : keys.walletSigner);
        return new SimResponse(
            200, GmWire.CONTENT_TYPE, encoded.body(), GmWire.SIGNATURE_HEADER, encoded.signatureHeader());
    }

    /**
     * The {@code request_id} to answer a request that could not be decoded: read without trusting it (it only
     * lets the switch match the answer), or {@code unknown} when there is none.
     */
    private static String requestIdOf(final byte[] body)
    {
        try
        {
            final JsonNode id = JSON.readTree(body).get("request_id");
            final String text = null == id || !id.isTextual() ? "" : id.asText();
            return text.matches("[0-9A-Za-z_-]{1,64}") ? text : "unknown";
        }
        catch (final IOException | RuntimeException ex)
        {
            return "unknown";
        }
    }

    private static WalletOperation toWalletOperation(final GmOperation operation)
    {
        switch (operation)
        {
            case PAY:
                return WalletOperation.PAY;
            case QUERY:
                return WalletOperation.QUERY;
            case REVERSE:
                return WalletOperation.REVERSE;
            case REFUND:
                return WalletOperation.REFUND;
            case CREDIT:
                return WalletOperation.CREDIT;
            default:
                return WalletOperation.RELEASE;
        }
    }

    @Override
    public String toString()
    {
        return "GmApi" + served;
    }
}
