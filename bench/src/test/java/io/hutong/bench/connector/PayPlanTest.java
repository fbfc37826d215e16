package io.hutong.bench.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hutong.connector.PayCommand;
import io.hutong.sim.codes.CodeFormat;
import io.hutong.sim.codes.OfflineCodes;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PayPlanTest
{
    private static final String SEED_1 = "0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20";
    private static final String SEED_2 = "a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebfc0";
    private static final long START = 1_795_964_645L;

    @Test
    void shouldMakeOneDistinctCodePerCallForTheSecondItIsSentIn()
    {
        final PayPlan plan = new PayPlan(wallet(), START, 3, 7);
        final CodeFormat format = new CodeFormat("10", 18);
        final Set<String> codes = new HashSet<>();

        assertThat(plan.size()).isEqualTo(7);
        for (int i = 0; i < plan.size(); i++)
        {
            final PayCommand command = plan.command(i);
            final int j = i % 3;
            final boolean first = j % 2 == 0;
            assertThat(command.authCode()).isEqualTo(OfflineCodes.derive(format, first ? 11 : 12,
                HexFormat.of().parseHex(first ? SEED_1 : SEED_2), START + i / 3, j / 2));
            assertThat(command.orderNo()).isEqualTo("RT" + START + "_" + i);
            assertThat(command.amount()).isEqualTo(1 + i);
            codes.add(command.authCode());
        }
        assertThat(codes).hasSize(7);
    }

    @Test
    void shouldRefuseARateItsConsumersCannotServe()
    {
        assertThatThrownBy(() -> new PayPlan(wallet(), START, 101, 1))
            .hasMessage("rate=101: 2 consumers make at most 100 codes per second");
    }

    private static JsonNode wallet()
    {
        final ObjectNode wallet = new ObjectMapper().createObjectNode();
        wallet.putObject("codes").put("prefix", "10").put("length", 18);
        final ArrayNode consumers = wallet.putArray("consumers");
        consumers.addObject().put("account", "c000011").put("number", 11).put("seed", SEED_1);
        consumers.addObject().put("account", "c000012").put("number", 12).put("seed", SEED_2);
        return wallet;
    }
}
