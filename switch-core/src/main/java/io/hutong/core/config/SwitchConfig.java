package io.hutong.core.config;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Map;

/**
 * The switch's configuration file (YAML), as read; every section and key is optional and defaults are built
 * in, so {@code hutong serve} runs with no file at all. Unknown keys are refused by the loader. Paths are
 * relative to the data directory unless absolute. Validated into {@link SwitchSettings} by
 * {@link SwitchConfigLoader}.
 *
 * @param node     this switch node.
 * @param pos      the POS TCP listener.
 * @param http     the HTTP/JSON API listener.
 * @param journal  the journal.
 * @param wallets  wallet connectors.
 * @param engine   engine tunables.
 * @param limits   admission bounds and breakers.
 * @param registry an optional participant registry file overlaid on the built-in one.
 */
public record SwitchConfig(
    @JsonProperty("node") Node node,
    @JsonProperty("pos") Pos pos,
    @JsonProperty("http") Http http,
    @JsonProperty("journal") Journal journal,
    @JsonProperty("wallets") Wallets wallets,
    @JsonProperty("engine") Engine engine,
    @JsonProperty("limits") Limits limits,
    @JsonProperty("registry") String registry)
{
    /**
     * @param id node id, 0-99.
     */
    public record Node(@JsonProperty("id") Integer id)
    {
    }

    /**
     * @param host               listen address.
     * @param port               listen port (0: any free port).
     * @param terminals          the terminals file (ids, keys, merchants, acquirers).
     * @param logonWindowSeconds how far a logon timestamp may be from the clock.
     * @param tls                optional TLS.
     */
    public record Pos(
        @JsonProperty("host") String host,
        @JsonProperty("port") Integer port,
        @JsonProperty("terminals") String terminals,
        @JsonProperty("logonWindowSeconds") Integer logonWindowSeconds,
        @JsonProperty("tls") Tls tls)
    {
    }

    /**
     * @param enabled     whether the POS listener uses TLS.
     * @param certificate PEM certificate chain file.
     * @param privateKey  PEM private key file.
     * @param clientCa    PEM CA file; when set, terminals must present a certificate it signed (mutual TLS).
     */
    public record Tls(
        @JsonProperty("enabled") Boolean enabled,
        @JsonProperty("certificate") String certificate,
        @JsonProperty("privateKey") String privateKey,
        @JsonProperty("clientCa") String clientCa)
    {
    }

    /**
     * @param host                   listen address.
     * @param port                   listen port (0: any free port).
     * @param clients                the API clients file.
     * @param signatureWindowSeconds how far a request timestamp may be from the clock.
     */
    public record Http(
        @JsonProperty("host") String host,
        @JsonProperty("port") Integer port,
        @JsonProperty("clients") String clients,
        @JsonProperty("signatureWindowSeconds") Integer signatureWindowSeconds)
    {
    }

    /**
     * @param dir  the journal directory.
     * @param sync {@code none} (process-crash safe) or {@code sync} (forced to disk before replies).
     */
    public record Journal(@JsonProperty("dir") String dir, @JsonProperty("sync") String sync)
    {
    }

    /**
     * @param credentials           the wallet credentials file (the simulated wallets write one).
     * @param clientIp              the IP sent to wallets as the caller's.
     * @param connectTimeoutMs      HTTP connect deadline.
     * @param maxConnectionsPerHost keep-alive connections per wallet host.
     * @param maxInFlightPerHost    calls in flight per wallet host.
     * @param cryptoThreads         threads for RSA and SM2 signing.
     * @param cryptoQueue           signing tasks waiting at most.
     * @param overrides             per wallet id, settings merged over the credentials (e.g. a schedule).
     */
    public record Wallets(
        @JsonProperty("credentials") String credentials,
        @JsonProperty("clientIp") String clientIp,
        @JsonProperty("connectTimeoutMs") Integer connectTimeoutMs,
        @JsonProperty("maxConnectionsPerHost") Integer maxConnectionsPerHost,
        @JsonProperty("maxInFlightPerHost") Integer maxInFlightPerHost,
        @JsonProperty("cryptoThreads") Integer cryptoThreads,
        @JsonProperty("cryptoQueue") Integer cryptoQueue,
        @JsonProperty("overrides") Map<String, Map<String, Object>> overrides)
    {
    }

    /**
     * @param retainPayments    final payments kept for repeated requests.
     * @param codeReuseWindowMs how long a presented code is refused again.
     * @param batchLimit        messages per duty cycle.
     * @param inboxBytes        the engine's inbound ring buffer size (a power of two).
     * @param idle              {@code backoff} (default; shares cores) or {@code spin} (a core of its own).
     */
    public record Engine(
        @JsonProperty("retainPayments") Integer retainPayments,
        @JsonProperty("codeReuseWindowMs") Long codeReuseWindowMs,
        @JsonProperty("batchLimit") Integer batchLimit,
        @JsonProperty("inboxBytes") Integer inboxBytes,
        @JsonProperty("idle") String idle)
    {
    }

    /**
     * @param maxInFlightPerClient unfinished payments per terminal or API client.
     * @param maxInFlightPerWallet unfinished payments per wallet.
     * @param maxInFlight          unfinished payments overall.
     * @param breakerFailures      consecutive failed pays that open a wallet's breaker.
     * @param breakerOpenMs        how long it stays open.
     */
    public record Limits(
        @JsonProperty("maxInFlightPerClient") Integer maxInFlightPerClient,
        @JsonProperty("maxInFlightPerWallet") Integer maxInFlightPerWallet,
        @JsonProperty("maxInFlight") Integer maxInFlight,
        @JsonProperty("breakerFailures") Integer breakerFailures,
        @JsonProperty("breakerOpenMs") Long breakerOpenMs)
    {
    }
}
