package io.hutong.sim.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.hutong.connector.kit.ConnectorConformanceKit;
import io.hutong.connector.spi.ConnectorSettings;
import io.hutong.sim.Simulator;
import io.hutong.sim.config.SimulatorConfigLoader;
import org.agrona.concurrent.SystemEpochClock;
import org.junit.jupiter.api.AfterAll;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs the connector conformance kit against one simulated wallet on an ephemeral loopback port, configured
 * from the credentials file the simulator writes, exactly as the switch is.
 */
abstract class SimulatedWalletConformance extends ConnectorConformanceKit
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final List<String> ALL = List.of("wechat", "alipay", "unionpay", "jdpay", "bestpay", "cmpay", "wopay");

    private Simulator simulator;
    private Path data;
    private JsonNode credentials;

    /**
     * @param settings the wallet's settings.
     * @return the same settings signing with a key the simulated wallet does not know.
     */
    protected abstract ObjectNode withWrongKey(ObjectNode settings);

    @Override
    protected URI controlUrl()
    {
        return URI.create(credentials().get(walletId()).get("baseUrl").asText());
    }

    @Override
    protected ConnectorSettings settings()
    {
        return new ConnectorSettings("wallets." + walletId(), credentials().get(walletId()));
    }

    @Override
    protected ConnectorSettings settingsWithWrongKey()
    {
        return new ConnectorSettings("wallets." + walletId(), withWrongKey((ObjectNode)credentials().get(walletId()).deepCopy()));
    }

    @Override
    protected String payeeMerchant()
    {
        return credentials().get(walletId()).get("merchants").get(0).asText();
    }

    @AfterAll
    void stopSimulator() throws IOException
    {
        if (null != simulator)
        {
            simulator.close();
        }
    }

    private synchronized JsonNode credentials()
    {
        if (null == credentials)
        {
            try
            {
                data = Files.createTempDirectory("hutong-conformance-" + walletId());
                final StringBuilder yaml = new StringBuilder("basePort: 0\ndefaults: {consumers: 5}\nwallets:\n");
                for (final String wallet : ALL)
                {
                    if (!wallet.equals(walletId()))
                    {
                        yaml.append("  ").append(wallet).append(": {enabled: false}\n");
                    }
                }
                simulator = Simulator.start(SimulatorConfigLoader.fromTree(YAML.readTree(yaml.toString())), data,
                    SystemEpochClock.INSTANCE);
                credentials = JSON.readTree(simulator.credentialsFile().toFile());
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
        }
        return credentials;
    }
}
