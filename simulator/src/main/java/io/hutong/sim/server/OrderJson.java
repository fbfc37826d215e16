package io.hutong.sim.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hutong.sim.ledger.OrderSnapshot;

import java.io.IOException;

/**
 * The JSON form of an order in {@code GET /sim/ledger} and the hold endpoints (a contract): {@code merchantId,
 * orderNo, kind, account, amount, state, walletTxnId, refunded, createdAt, finalAt}, times in epoch milliseconds,
 * absent values as null. Stateless and thread-safe.
 */
final class OrderJson
{
    private OrderJson()
    {
    }

    static void write(final JsonGenerator g, final OrderSnapshot order) throws IOException
    {
        g.writeStartObject();
        g.writeStringField("merchantId", order.merchantId());
        g.writeStringField("orderNo", order.orderNo());
        g.writeStringField("kind", order.kind().name());
        g.writeStringField("account", order.account());
        g.writeNumberField("amount", order.amount());
        g.writeStringField("state", order.state().name());
        g.writeStringField("walletTxnId", order.walletTxnId());
        g.writeNumberField("refunded", order.refunded());
        g.writeNumberField("createdAt", order.createdAt());
        if (order.finalAt() < 0)
        {
            g.writeNullField("finalAt");
        }
        else
        {
            g.writeNumberField("finalAt", order.finalAt());
        }
        g.writeEndObject();
    }

    static ObjectNode toNode(final OrderSnapshot order)
    {
        final ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("merchantId", order.merchantId()).put("orderNo", order.orderNo()).put("kind", order.kind().name())
            .put("account", order.account()).put("amount", order.amount()).put("state", order.state().name())
            .put("walletTxnId", order.walletTxnId()).put("refunded", order.refunded())
            .put("createdAt", order.createdAt());
        if (order.finalAt() < 0)
        {
            node.putNull("finalAt");
        }
        else
        {
            node.put("finalAt", order.finalAt());
        }
        return node;
    }
}
