package io.hutong.connector.kit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A client of the simulated wallet's control API ({@code <baseUrl>/sim/...}, docs/simulated-wallets.md): issue
 * one-time codes, set up consumer accounts, inject faults, create payer holds and read the ledger. A wallet
 * operator's sandbox that serves the same endpoints can run the whole conformance kit. Blocking (test code);
 * thread-safe.
 */
public final class SimControl
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI baseUrl;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * An order as the wallet's ledger records it.
     *
     * @param merchantId  the merchant the order is under.
     * @param orderNo     the merchant's order number.
     * @param kind        PAY, CREDIT or HOLD.
     * @param account     the consumer or payee account.
     * @param amount      fen.
     * @param state       the order's state (SUCCESS, REVERSED, REFUNDED, CLOSED, ...).
     * @param walletTxnId the wallet's transaction id, or null.
     * @param refunded    fen refunded so far.
     */
    public record Order(
        String merchantId, String orderNo, String kind, String account, long amount, String state, String walletTxnId,
        long refunded)
    {
    }

    /**
     * @param baseUrl the wallet's base URL.
     */
    public SimControl(final URI baseUrl)
    {
        this.baseUrl = baseUrl;
    }

    /**
     * Create or replace a consumer account.
     *
     * @param account         the account id.
     * @param balance         fen.
     * @param perPaymentLimit fen.
     * @param frozen          whether the account is restricted.
     */
    public void account(final String account, final long balance, final long perPaymentLimit, final boolean frozen)
    {
        final ObjectNode body = JSON.createObjectNode()
            .put("account", account).put("balance", balance).put("perPaymentLimit", perPaymentLimit).put("frozen", frozen);
        post("/sim/accounts", body);
    }

    /**
     * Open a consumer account under a fresh random name, so that scenarios never share one.
     *
     * @param balance         its balance, fen.
     * @param perPaymentLimit its limit per payment, fen.
     * @param frozen          true for a restricted account.
     * @return the account id.
     */
    public String freshAccount(final long balance, final long perPaymentLimit, final boolean frozen)
    {
        final String account = "kit" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
        account(account, balance, perPaymentLimit, frozen);
        return account;
    }

    /**
     * @param account the account id.
     * @return what the consumer can spend now, in fen: the balance less any holds.
     */
    public long balance(final String account)
    {
        final JsonNode node = get("/sim/accounts/" + account);
        return node.has("available") ? node.path("available").asLong() : node.path("balance").asLong();
    }

    /**
     * Issue a fresh one-time code for an account.
     *
     * @param account the account id.
     * @return the code.
     */
    public String code(final String account)
    {
        return post("/sim/codes", JSON.createObjectNode().put("account", account)).path("code").asText();
    }

    /**
     * Replace the fault plan.
     *
     * @param plan the plan's JSON (docs/simulated-wallets.md).
     */
    public void faults(final String plan)
    {
        try
        {
            post("/sim/faults", JSON.readTree(plan));
        }
        catch (final IOException ex)
        {
            throw new IllegalArgumentException("plan: not JSON", ex);
        }
    }

    /**
     * Clear every fault.
     */
    public void clearFaults()
    {
        send(HttpRequest.newBuilder(baseUrl.resolve("/sim/faults")).DELETE());
    }

    /**
     * Hold an amount on a consumer for an MPM payment, as the payer wallet's app does when its user approves.
     *
     * @param account the consumer.
     * @param orderNo the payer wallet's reference of the payment.
     * @param amount  fen.
     */
    public void hold(final String account, final String orderNo, final long amount)
    {
        post("/sim/holds", JSON.createObjectNode().put("account", account).put("orderNo", orderNo).put("amount", amount));
    }

    /**
     * @param orderNo an order number.
     * @return the ledger's orders under that number (any merchant, any kind).
     */
    public List<Order> orders(final String orderNo)
    {
        final List<Order> found = new ArrayList<>();
        long offset = 0;
        while (true)
        {
            final JsonNode page = get("/sim/ledger?offset=" + offset);
            for (final JsonNode order : page.path("orders"))
            {
                if (orderNo.equals(order.path("orderNo").asText()))
                {
                    found.add(new Order(order.path("merchantId").asText(null), order.path("orderNo").asText(),
                        order.path("kind").asText(), order.path("account").asText(null), order.path("amount").asLong(),
                        order.path("state").asText(), order.path("walletTxnId").asText(null),
                        order.path("refunded").asLong()));
                }
            }
            final JsonNode next = page.get("next");
            if (null == next || next.isNull())
            {
                return found;
            }
            offset = next.asLong();
        }
    }

    /**
     * @param orderNo an order number.
     * @param kind    PAY, CREDIT or HOLD.
     * @return the one order of that kind, if any.
     */
    public Optional<Order> order(final String orderNo, final String kind)
    {
        return orders(orderNo).stream().filter((o) -> kind.equals(o.kind())).findFirst();
    }

    private JsonNode get(final String path)
    {
        return send(HttpRequest.newBuilder(baseUrl.resolve(path)).GET());
    }

    private JsonNode post(final String path, final JsonNode body)
    {
        return send(HttpRequest.newBuilder(baseUrl.resolve(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    private JsonNode send(final HttpRequest.Builder request)
    {
        try
        {
            final HttpResponse<byte[]> response = client.send(request.timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() / 100 != 2)
            {
                throw new IllegalStateException(response.request().method() + " " + response.uri() + ": HTTP " +
                    response.statusCode() + " " + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
            }
            return response.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(response.body());
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("control API " + baseUrl + ": " + ex, ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        }
    }
}
