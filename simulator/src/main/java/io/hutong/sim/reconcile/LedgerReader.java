package io.hutong.sim.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hutong.sim.ledger.OrderKind;
import io.hutong.sim.ledger.OrderState;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a simulated wallet's whole ledger through its control API, {@code GET <baseUrl>/sim/ledger?offset=&limit=},
 * page by page until {@code next} is null (docs/simulated-wallets.md, "Control API"). A production client of that
 * contract, not the conformance kit's test helper. Blocking; thread-safe (the JDK client is).
 */
public final class LedgerReader
{
    /** Orders asked for per page: big enough for few round trips, small enough to hold a wallet's lock briefly. */
    public static final int PAGE = 20_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final Duration timeout;

    /**
     * @param timeout the most a connection or one page may take.
     */
    public LedgerReader(final Duration timeout)
    {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    /**
     * @param endpoint the wallet.
     * @return every order of its ledger, in creation order.
     * @throws ReconcileInputException naming the wallet when it cannot be reached or answers anything but its ledger.
     */
    public List<LedgerOrder> read(final WalletEndpoint endpoint)
    {
        final List<LedgerOrder> orders = new ArrayList<>();
        long offset = 0;
        while (true)
        {
            final JsonNode page = page(endpoint, offset);
            final JsonNode items = page.get("orders");
            if (null == items || !items.isArray())
            {
                throw bad(endpoint, "offset=" + offset + ": no orders array");
            }
            for (final JsonNode item : items)
            {
                orders.add(order(endpoint, item));
            }
            final JsonNode next = page.get("next");
            if (null == next || next.isNull())
            {
                return orders;
            }
            if (!next.canConvertToLong() || next.asLong() <= offset)
            {
                throw bad(endpoint, "offset=" + offset + ": next=" + next + " does not move forward");
            }
            offset = next.asLong();
        }
    }

    private JsonNode page(final WalletEndpoint endpoint, final long offset)
    {
        // Below the base URL, which may carry a path of its own (a wallet behind a gateway prefix).
        final String base = endpoint.baseUrl().toString();
        final URI uri = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) +
            "/sim/ledger?offset=" + offset + "&limit=" + PAGE);
        final HttpResponse<byte[]> response;
        try
        {
            response = client.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        }
        catch (final HttpTimeoutException ex)
        {
            throw unreachable(endpoint, "no answer within " + timeout.toMillis() + " ms", ex);
        }
        catch (final IOException ex)
        {
            throw unreachable(endpoint, ex.getClass().getSimpleName() + (null == ex.getMessage() ? "" : ": " +
                ex.getMessage()), ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw unreachable(endpoint, "interrupted", ex);
        }
        if (200 != response.statusCode())
        {
            throw bad(endpoint, "offset=" + offset + ": HTTP " + response.statusCode());
        }
        try
        {
            final JsonNode page = JSON.readTree(response.body());
            if (null == page || !page.isObject())
            {
                throw bad(endpoint, "offset=" + offset + ": not a JSON object");
            }
            return page;
        }
        catch (final IOException ex)
        {
            throw bad(endpoint, "offset=" + offset + ": not JSON (" + ex.getClass().getSimpleName() + ")");
        }
    }

    private static LedgerOrder order(final WalletEndpoint endpoint, final JsonNode item)
    {
        final String orderNo = text(item, "orderNo");
        if (null == orderNo)
        {
            throw bad(endpoint, "an order without orderNo");
        }
        final OrderKind kind;
        final OrderState state;
        try
        {
            kind = OrderKind.valueOf(String.valueOf(text(item, "kind")));
            state = OrderState.valueOf(String.valueOf(text(item, "state")));
        }
        catch (final IllegalArgumentException ex)
        {
            throw bad(endpoint, "orderNo=" + orderNo + ": unknown kind=" + text(item, "kind") + " or state=" +
                text(item, "state"));
        }
        return new LedgerOrder(endpoint.wallet(), text(item, "merchantId"), orderNo, kind, text(item, "account"),
            item.path("amount").asLong(), state, text(item, "walletTxnId"), item.path("refunded").asLong(),
            item.path("createdAt").asLong());
    }

    private static String text(final JsonNode item, final String field)
    {
        final JsonNode value = item.get(field);
        return null == value || value.isNull() ? null : value.asText();
    }

    private static ReconcileInputException unreachable(
        final WalletEndpoint endpoint, final String reason, final Exception cause)
    {
        return new ReconcileInputException("wallet=" + endpoint.wallet() + " baseUrl=" + endpoint.baseUrl() +
            ": unreachable (" + reason + ")", cause);
    }

    private static ReconcileInputException bad(final WalletEndpoint endpoint, final String reason)
    {
        return new ReconcileInputException("wallet=" + endpoint.wallet() + " baseUrl=" + endpoint.baseUrl() +
            ": ledger unreadable, " + reason);
    }
}
