package io.hutong.core.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hutong.core.engine.command.RequestDescriptor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Set;

/**
 * Parses and validates the HTTP API's JSON bodies (docs/http-api.md): one object, only the documented fields,
 * each of its documented type and bounds; anything else is a 400 naming the field. Stateless; thread-safe.
 */
final class ApiRequests
{
    /** A CPM payment request body. */
    record CpmPay(String terminalTxnId, String merchantId, long amount, String code, String subject)
    {
    }

    /** An MPM payment request body. */
    record MpmPay(String payerWallet, String payerRef, long amount, String code, String subject)
    {
    }

    /** A refund request body. */
    record Refund(String refundId, long amount)
    {
    }

    private static final ObjectMapper JSON = new ObjectMapper()
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Set<String> CPM_FIELDS = Set.of("terminalTxnId", "merchantId", "amount", "currency", "code", "subject");
    private static final Set<String> MPM_FIELDS = Set.of("payerWallet", "payerRef", "amount", "currency", "code", "subject");
    private static final Set<String> REFUND_FIELDS = Set.of("refundId", "amount", "currency");
    private static final long MAX_AMOUNT = 99_999_999_999L;

    private ApiRequests()
    {
    }

    static CpmPay cpmPay(final byte[] body, final String idempotencyKey) throws ApiException
    {
        final JsonNode root = object(body, CPM_FIELDS);
        final String txnId = null != idempotencyKey ? idempotencyKey : optionalText(root, "terminalTxnId");
        if (null != idempotencyKey && root.has("terminalTxnId") && !idempotencyKey.equals(root.get("terminalTxnId").asText()))
        {
            throw ApiException.invalid("terminalTxnId: differs from the Idempotency-Key header");
        }
        if (null == txnId)
        {
            throw ApiException.invalid("Idempotency-Key header or terminalTxnId: required");
        }
        checkId("terminalTxnId", txnId, RequestDescriptor.MAX_TXN_ID);
        final String merchantId = optionalText(root, "merchantId");
        if (null != merchantId)
        {
            checkId("merchantId", merchantId, RequestDescriptor.MAX_MERCHANT_ID);
        }
        return new CpmPay(txnId, merchantId, amount(root), code(root), subject(root));
    }

    static MpmPay mpmPay(final byte[] body, final String idempotencyKey) throws ApiException
    {
        final JsonNode root = object(body, MPM_FIELDS);
        final String payerWallet = requiredText(root, "payerWallet");
        checkId("payerWallet", payerWallet, RequestDescriptor.MAX_WALLET_ID);
        final String payerRef = requiredText(root, "payerRef");
        checkId("payerRef", payerRef, RequestDescriptor.MAX_TXN_ID);
        if (null != idempotencyKey && !idempotencyKey.equals(payerRef))
        {
            throw ApiException.invalid("Idempotency-Key: must equal payerRef (the payer's reference is the key)");
        }
        return new MpmPay(payerWallet, payerRef, amount(root), code(root), subject(root));
    }

    static Refund refund(final byte[] body, final String idempotencyKey) throws ApiException
    {
        final JsonNode root = object(body, REFUND_FIELDS);
        final String refundId = null != idempotencyKey ? idempotencyKey : optionalText(root, "refundId");
        if (null != idempotencyKey && root.has("refundId") && !idempotencyKey.equals(root.get("refundId").asText()))
        {
            throw ApiException.invalid("refundId: differs from the Idempotency-Key header");
        }
        if (null == refundId)
        {
            throw ApiException.invalid("Idempotency-Key header or refundId: required");
        }
        checkId("refundId", refundId, RequestDescriptor.MAX_TXN_ID);
        return new Refund(refundId, amount(root));
    }

    /**
     * An empty body or an empty JSON object (reverse takes no fields).
     */
    static void empty(final byte[] body) throws ApiException
    {
        if (body.length > 0)
        {
            object(body, Set.of());
        }
    }

    private static JsonNode object(final byte[] body, final Set<String> allowed) throws ApiException
    {
        final JsonNode root;
        try
        {
            root = JSON.readTree(body);
        }
        catch (final JsonProcessingException ex)
        {
            throw ApiException.invalid("body: not JSON (" + ex.getOriginalMessage() + ")");
        }
        catch (final IOException ex)
        {
            throw ApiException.invalid("body: unreadable");
        }
        if (null == root || !root.isObject())
        {
            throw ApiException.invalid("body: must be a JSON object");
        }
        for (final Iterator<String> names = root.fieldNames(); names.hasNext(); )
        {
            final String name = names.next();
            if (!allowed.contains(name))
            {
                throw ApiException.invalid(name + ": unknown field");
            }
        }
        if (root.has("currency"))
        {
            final JsonNode currency = root.get("currency");
            if (!(currency.isTextual() && "CNY".equals(currency.asText())) && !(currency.isInt() && 156 == currency.asInt()))
            {
                throw ApiException.invalid("currency: only \"CNY\" (156) is supported");
            }
        }
        return root;
    }

    private static long amount(final JsonNode root) throws ApiException
    {
        final JsonNode amount = root.get("amount");
        if (null == amount)
        {
            throw ApiException.invalid("amount: required (integer fen)");
        }
        if (!amount.isIntegralNumber() || !amount.canConvertToLong())
        {
            throw ApiException.invalid("amount: must be an integer number of fen");
        }
        final long value = amount.asLong();
        if (value <= 0 || value > MAX_AMOUNT)
        {
            throw ApiException.invalid("amount=" + value + ": must be 1.." + MAX_AMOUNT);
        }
        return value;
    }

    private static String code(final JsonNode root) throws ApiException
    {
        final String code = requiredText(root, "code");
        if (code.getBytes(StandardCharsets.UTF_8).length > RequestDescriptor.MAX_CODE)
        {
            throw ApiException.invalid("code: longer than any payment code (" + RequestDescriptor.MAX_CODE + " bytes)");
        }
        return code;
    }

    private static String subject(final JsonNode root) throws ApiException
    {
        final String subject = optionalText(root, "subject");
        if (null != subject && subject.getBytes(StandardCharsets.UTF_8).length > RequestDescriptor.MAX_SUBJECT)
        {
            throw ApiException.invalid("subject: at most " + RequestDescriptor.MAX_SUBJECT + " bytes of UTF-8");
        }
        return subject;
    }

    private static String requiredText(final JsonNode root, final String name) throws ApiException
    {
        final String text = optionalText(root, name);
        if (null == text)
        {
            throw ApiException.invalid(name + ": required");
        }
        return text;
    }

    private static String optionalText(final JsonNode root, final String name) throws ApiException
    {
        final JsonNode value = root.get(name);
        if (null == value || value.isNull())
        {
            return null;
        }
        if (!value.isTextual())
        {
            throw ApiException.invalid(name + ": must be a string");
        }
        if (value.asText().isEmpty())
        {
            throw ApiException.invalid(name + ": must not be empty");
        }
        return value.asText();
    }

    static void checkId(final String name, final String value, final int max) throws ApiException
    {
        if (value.length() > max)
        {
            throw ApiException.invalid(name + ": at most " + max + " characters");
        }
        for (int i = 0; i < value.length(); i++)
        {
            final char c = value.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_' || c == '-'))
            {
                throw ApiException.invalid(name + ": only [0-9A-Za-z_-] allowed");
            }
        }
    }
}
