package io.hutong.sim.reconcile;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a wallet's ledger is read and which of its merchants are the switch's, from one entry of the wallets'
 * credentials file (docs/simulated-wallets.md, "Credentials file"). The switch books its orders at a wallet under
 * its enrolment there: the GM {@code interop.merchantId} (payee credits at every wallet; every order at the GM
 * wallets) and the merchant of the wallet's own API ({@code mchId} for WeChat Pay, {@code appId} for Alipay). Only
 * these ids and the base URL are read; no key or secret is kept. Immutable and thread-safe.
 *
 * @param wallet      the wallet id.
 * @param baseUrl     where {@code /sim/ledger} is served.
 * @param merchantIds the switch's merchant ids at this wallet.
 */
public record WalletEndpoint(String wallet, URI baseUrl, Set<String> merchantIds)
{
    /**
     * The credentials fields that name the switch's merchant at a wallet's own API, as the wallets' clients read
     * them: WeChat Pay and gateway-style wallets {@code mchId}, Alipay {@code appId}, others {@code merchantId},
     * {@code merchantNo} or {@code merchant}.
     */
    public static final List<String> MERCHANT_FIELDS = List.of("mchId", "appId", "merchantId", "merchantNo", "merchant");

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /**
     * @param wallet      the wallet id.
     * @param baseUrl     where {@code /sim/ledger} is served.
     * @param merchantIds the switch's merchant ids at this wallet.
     */
    public WalletEndpoint
    {
        merchantIds = Set.copyOf(merchantIds);
    }

    /**
     * Reads every wallet of a credentials file.
     *
     * @param credentials the file ({@code DATA/wallets/credentials.json}).
     * @return the wallets, in file order.
     * @throws ReconcileInputException when the file cannot be read, is not an object of wallets, or a wallet has no
     *                                 usable {@code baseUrl}.
     */
    public static Map<String, WalletEndpoint> readAll(final Path credentials)
    {
        final JsonNode root;
        try
        {
            root = JSON.readTree(Files.readAllBytes(credentials));
        }
        catch (final IOException ex)
        {
            // Jackson's message quotes the text near the error, which may be a secret: say only what kind of error.
            throw new ReconcileInputException("wallets=" + credentials + ": cannot read (" +
                ex.getClass().getSimpleName() + ")", ex);
        }
        if (null == root || !root.isObject() || root.isEmpty())
        {
            throw new ReconcileInputException("wallets=" + credentials + ": must be a JSON object of wallet ids");
        }
        final Map<String, WalletEndpoint> wallets = new LinkedHashMap<>();
        for (final Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); )
        {
            final Map.Entry<String, JsonNode> entry = it.next();
            wallets.put(entry.getKey(), of(entry.getKey(), entry.getValue()));
        }
        return wallets;
    }

    /**
     * @param wallet the wallet id.
     * @param entry  its credentials entry.
     * @return the endpoint.
     * @throws ReconcileInputException when the entry has no usable {@code baseUrl}.
     */
    public static WalletEndpoint of(final String wallet, final JsonNode entry)
    {
        final JsonNode baseUrl = null == entry ? null : entry.get("baseUrl");
        if (null == baseUrl || !baseUrl.isTextual())
        {
            throw new ReconcileInputException("wallets." + wallet + ".baseUrl: required");
        }
        final URI uri;
        try
        {
            uri = new URI(baseUrl.asText());
        }
        catch (final URISyntaxException ex)
        {
            throw new ReconcileInputException("wallets." + wallet + ".baseUrl=" + baseUrl.asText() + ": not a URL", ex);
        }
        if ((!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) || null == uri.getHost())
        {
            throw new ReconcileInputException("wallets." + wallet + ".baseUrl=" + uri + ": must be an http(s) URL");
        }
        final Set<String> merchantIds = new LinkedHashSet<>();
        addText(merchantIds, entry.path("interop").get("merchantId"));
        for (final String field : MERCHANT_FIELDS)
        {
            addText(merchantIds, entry.get(field));
        }
        return new WalletEndpoint(wallet, uri, merchantIds);
    }

    private static void addText(final Set<String> into, final JsonNode value)
    {
        if (null != value && value.isTextual() && !value.asText().isEmpty())
        {
            into.add(value.asText());
        }
    }
}
