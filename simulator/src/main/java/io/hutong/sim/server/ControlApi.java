package io.hutong.sim.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hutong.codec.emv.cpm.CpmApplication;
import io.hutong.codec.emv.cpm.CpmEncoder;
import io.hutong.sim.codes.CodeFormat;
import io.hutong.sim.faults.FaultInjector;
import io.hutong.sim.faults.FaultPlan;
import io.hutong.sim.ledger.AccountSnapshot;
import io.hutong.sim.ledger.AccountUpdate;
import io.hutong.sim.ledger.IssuedCode;
import io.hutong.sim.ledger.Ledger;
import io.hutong.sim.ledger.LedgerCounters;
import io.hutong.sim.ledger.LedgerResult;
import io.hutong.sim.ledger.OrderSnapshot;
import io.netty.handler.codec.http.QueryStringDecoder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The control API every simulated wallet serves under {@code /sim/} (docs/simulated-wallets.md; the paths and
 * fields are a contract): codes, accounts, holds, faults, the ledger and counters. Errors are
 * {@code {"error":"...","message":"..."}} with status 400 (404 for an unknown path or account), never a stack trace.
 * <p>
 * Thread-safe (the ledger and fault injector are). Runs on the signing executor, not the event loop: a ledger page
 * can hold thousands of orders.
 */
public final class ControlApi
{
    /** Orders in a ledger page when {@code limit} is not given. */
    public static final int DEFAULT_PAGE = 10_000;
    /** Most orders in one ledger page. */
    public static final int MAX_PAGE = 100_000;

    private static final ObjectMapper JSON = new ObjectMapper()
        .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private final String walletId;
    private final Ledger ledger;
    private final FaultInjector faults;
    private final byte[] emvAid;

    /**
     * @param walletId the wallet id.
     * @param ledger   the wallet's ledger.
     * @param faults   the wallet's fault plan.
     * @param emvAid   the AID of EMV consumer codes ({@code "format":"emv"}), or null when the wallet issues none.
     */
    public ControlApi(final String walletId, final Ledger ledger, final FaultInjector faults, final byte[] emvAid)
    {
        this.walletId = walletId;
        this.ledger = ledger;
        this.faults = faults;
        this.emvAid = null == emvAid ? null : emvAid.clone();
    }

    /**
     * Answers one control request.
     *
     * @param request a request whose path starts with {@code /sim/}.
     * @return the answer.
     */
    public SimResponse handle(final SimRequest request)
    {
        try
        {
            return route(request.method(), request.path(), request);
        }
        catch (final IllegalArgumentException ex)
        {
            return error(400, "BAD_REQUEST", ex.getMessage());
        }
    }

    private SimResponse route(final String method, final String path, final SimRequest request)
    {
        final boolean get = "GET".equals(method);
        final boolean post = "POST".equals(method);
        switch (path)
        {
            case "/sim/codes":
                return post ? issueCode(body(request)) : notAllowed(method, path);
            case "/sim/accounts":
                return post ? account(ledger.upsertAccount(accountUpdate(body(request)))) : notAllowed(method, path);
            case "/sim/holds":
                return post ? hold(body(request)) : notAllowed(method, path);
            case "/sim/faults":
                return post ? replaceFaults(body(request)) : faults(method);
            case "/sim/ledger":
                return get ? ledgerPage(request.query()) : notAllowed(method, path);
            case "/sim/stats":
                return get ? stats() : notAllowed(method, path);
            default:
                break;
        }
        if (path.startsWith("/sim/accounts/") && get)
        {
            final AccountSnapshot account = ledger.account(path.substring("/sim/accounts/".length()));
            return null == account ? error(404, "UNKNOWN_ACCOUNT", "account=" + path.substring(14) + ": not found") :
                account(account);
        }
        if (path.startsWith("/sim/holds/") && path.endsWith("/capture") && post)
        {
            final String orderNo = path.substring("/sim/holds/".length(), path.length() - "/capture".length());
            return order(ledger.capture(orderNo));
        }
        return error(404, "NOT_FOUND", "path=" + path + " method=" + method + ": no such control endpoint");
    }

    private SimResponse faults(final String method)
    {
        switch (method)
        {
            case "GET":
                return json(faults.plan().toJson());
            case "DELETE":
                faults.clear();
                return json(faults.plan().toJson());
            default:
                return notAllowed(method, "/sim/faults");
        }
    }

    private SimResponse replaceFaults(final JsonNode body)
    {
        faults.replace(FaultPlan.fromJson(body, "faults"));
        return json(faults.plan().toJson());
    }

    private SimResponse issueCode(final JsonNode body)
    {
        final String account = text(body, "account");
        final String format = null == text(body, "format") ? "numeric" : text(body, "format");
        if (!"numeric".equals(format) && !"emv".equals(format))
        {
            throw new IllegalArgumentException("format=" + format + ": must be numeric or emv");
        }
        if ("emv".equals(format) && null == emvAid)
        {
            throw new IllegalArgumentException("format=emv: wallet " + walletId + " issues numeric codes only");
        }
        if (null != account && null == ledger.account(account))
        {
            return error(404, "UNKNOWN_ACCOUNT", "account=" + account + ": not found");
        }
        final IssuedCode issued = ledger.issueCode(account);
        if (null == issued)
        {
            return error(400, "NO_CODE", "account=" + account + ": no account, or every code of this second issued");
        }
        // The EMV code carries the numeric code as its PAN, so an API checks either form with the same code book.
        final String code = "emv".equals(format) ?
            new CpmEncoder().withApplication(CpmApplication.of(emvAid).withPan(issued.code())).encodeBase64() :
            issued.code();
        final ObjectNode answer = JSON.createObjectNode();
        answer.put("code", code).put("account", issued.account()).put("expiresInSeconds", CodeFormat.TTL_SECONDS);
        return json(answer);
    }

    private SimResponse hold(final JsonNode body)
    {
        final String account = required(body, "account");
        final String orderNo = required(body, "orderNo");
        final long amount = amount(body, "amount");
        return order(ledger.hold(account, orderNo, amount));
    }

    private SimResponse ledgerPage(final String query)
    {
        final Map<String, List<String>> parameters = new QueryStringDecoder(query, false).parameters();
        final int offset = intParameter(parameters, "offset", 0, Integer.MAX_VALUE, 0);
        final int limit = intParameter(parameters, "limit", 1, MAX_PAGE, DEFAULT_PAGE);
        final List<OrderSnapshot> orders = ledger.orders(offset, limit);
        final int total = ledger.orderCount();
        final ByteArrayOutputStream out = new ByteArrayOutputStream(256 + orders.size() * 256);
        try (JsonGenerator g = JSON.getFactory().createGenerator(out))
        {
            g.writeStartObject();
            g.writeStringField("wallet", walletId);
            g.writeArrayFieldStart("orders");
            for (final OrderSnapshot order : orders)
            {
                OrderJson.write(g, order);
            }
            g.writeEndArray();
            if (offset + orders.size() < total && !orders.isEmpty())
            {
                g.writeNumberField("next", offset + orders.size());
            }
            else
            {
                g.writeNullField("next");
            }
            g.writeNumberField("total", total);
            g.writeEndObject();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("ledger page: cannot write JSON", ex);
        }
        return SimResponse.ok(SimResponse.JSON, out.toByteArray());
    }

    private SimResponse stats()
    {
        final LedgerCounters c = ledger.counters();
        final ObjectNode answer = JSON.createObjectNode();
        answer.put("wallet", walletId).put("orders", c.orders()).put("pays", c.pays())
            .put("paysDeclined", c.paysDeclined()).put("userPaying", c.userPaying()).put("resends", c.resends())
            .put("reversals", c.reversals()).put("refunds", c.refunds()).put("credits", c.credits())
            .put("holds", c.holds()).put("releases", c.releases()).put("captures", c.captures());
        return json(answer);
    }

    private SimResponse order(final LedgerResult result)
    {
        if (!result.isOk())
        {
            return error(400, result.decline().name(), "orderNo=" + (null == result.order() ? "?" :
                result.order().orderNo()) + ": " + result.decline().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        return json(OrderJson.toNode(result.order()));
    }

    private static SimResponse account(final AccountSnapshot account)
    {
        final ObjectNode answer = JSON.createObjectNode();
        answer.put("account", account.account()).put("number", account.number()).put("balance", account.balance())
            .put("held", account.held()).put("available", account.available())
            .put("perPaymentLimit", account.perPaymentLimit()).put("dailyLimit", account.dailyLimit())
            .put("frozen", account.frozen()).put("spentToday", account.spentToday());
        return json(answer);
    }

    private static AccountUpdate accountUpdate(final JsonNode body)
    {
        return new AccountUpdate(required(body, "account"), optionalLong(body, "balance"),
            optionalLong(body, "perPaymentLimit"), optionalLong(body, "dailyLimit"), optionalBoolean(body, "frozen"));
    }

    private static JsonNode body(final SimRequest request)
    {
        final JsonNode node;
        if (0 == request.body().length)
        {
            node = JSON.createObjectNode();
        }
        else
        {
            try
            {
                node = JSON.readTree(request.body());
            }
            catch (final JsonProcessingException ex)
            {
                throw new IllegalArgumentException("body: not JSON (" + ex.getOriginalMessage() + ")");
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException("body: cannot read", ex);
            }
        }
        if (null == node || !node.isObject())
        {
            throw new IllegalArgumentException("body: must be a JSON object");
        }
        return node;
    }

    static SimResponse json(final JsonNode node)
    {
        try
        {
            return SimResponse.ok(SimResponse.JSON, JSON.writeValueAsBytes(node));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("answer: cannot write JSON", ex);
        }
    }

    static SimResponse error(final int status, final String error, final String message)
    {
        final ObjectNode answer = JSON.createObjectNode();
        answer.put("error", error).put("message", message);
        final SimResponse ok = json(answer);
        return new SimResponse(status, ok.contentType(), ok.body(), null, null);
    }

    private static SimResponse notAllowed(final String method, final String path)
    {
        return error(405, "METHOD_NOT_ALLOWED", "method=" + method + ": not allowed on " + path);
    }

    private static String text(final JsonNode body, final String name)
    {
        final JsonNode value = body.get(name);
        if (null == value || value.isNull())
        {
            return null;
        }
        if (!value.isTextual())
        {
            throw new IllegalArgumentException(name + "=" + value + ": must be a string");
        }
        return value.asText();
    }

    private static String required(final JsonNode body, final String name)
    {
        final String value = text(body, name);
        if (null == value || value.isEmpty())
        {
            throw new IllegalArgumentException(name + "=<absent>: required");
        }
        return value;
    }

    private static long amount(final JsonNode body, final String name)
    {
        final Long value = optionalLong(body, name);
        if (null == value || value <= 0)
        {
            throw new IllegalArgumentException(name + "=" + body.get(name) + ": must be an integer > 0 (fen)");
        }
        return value;
    }

    private static Long optionalLong(final JsonNode body, final String name)
    {
        final JsonNode value = body.get(name);
        if (null == value || value.isNull())
        {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong())
        {
            throw new IllegalArgumentException(name + "=" + value + ": must be an integer");
        }
        return value.asLong();
    }

    private static Boolean optionalBoolean(final JsonNode body, final String name)
    {
        final JsonNode value = body.get(name);
        if (null == value || value.isNull())
        {
            return null;
        }
        if (!value.isBoolean())
        {
            throw new IllegalArgumentException(name + "=" + value + ": must be true or false");
        }
        return value.asBoolean();
    }

    private static int intParameter(
        final Map<String, List<String>> parameters, final String name, final int min, final int max, final int fallback)
    {
        final List<String> values = parameters.get(name);
        if (null == values || values.isEmpty() || values.get(0).isEmpty())
        {
            return fallback;
        }
        try
        {
            final int value = Integer.parseInt(values.get(0));
            if (value < min || value > max)
            {
                throw new NumberFormatException();
            }
            return value;
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException(
                name + "=" + values.get(0) + ": must be an integer in " + min + ".." + max);
        }
    }
}
