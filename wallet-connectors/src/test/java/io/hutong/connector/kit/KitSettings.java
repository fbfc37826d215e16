package io.hutong.connector.kit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hutong.connector.spi.ConnectorSettings;

import java.net.URI;

/**
 * Copies of a connector's settings changed for one scenario: pointed at another endpoint, or with a shorter request
 * deadline. Stateless.
 */
final class KitSettings
{
    private KitSettings()
    {
    }

    /**
     * @param settings settings to copy.
     * @param baseUrl  the URL every endpoint setting ({@code baseUrl}, {@code gatewayUrl}) should point at.
     * @return the copy.
     */
    static ConnectorSettings pointedAt(final ConnectorSettings settings, final String baseUrl)
    {
        final ObjectNode json = settings.toJson();
        for (final String key : new String[] {"baseUrl", "gatewayUrl"})
        {
            if (json.has(key))
            {
                final URI old = URI.create(json.get(key).asText());
                json.put(key, baseUrl + (null == old.getRawPath() ? "" : old.getRawPath()));
            }
        }
        return new ConnectorSettings(settings.path(), json);
    }

    /**
     * @param settings  settings to copy.
     * @param timeoutMs the request deadline for every call.
     * @return the copy.
     */
    static ConnectorSettings withRequestTimeout(final ConnectorSettings settings, final int timeoutMs)
    {
        final ObjectNode json = settings.toJson();
        final ObjectNode schedule = json.has(ConnectorSettings.SCHEDULE) ?
            (ObjectNode)json.get(ConnectorSettings.SCHEDULE) : json.putObject(ConnectorSettings.SCHEDULE);
        schedule.put("requestTimeoutMs", timeoutMs);
        return new ConnectorSettings(settings.path(), json);
    }
}
