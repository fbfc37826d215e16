package io.hutong.core.config;

import io.hutong.connector.http.HttpClientConfig;
import io.hutong.core.engine.EngineConfig;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;

/**
 * The switch's validated configuration: every default applied, every path resolved against the data
 * directory, every value checked. Built by {@link SwitchConfigLoader}; immutable.
 *
 * @param dataDirectory          where the journal, keys and generated files live.
 * @param posAddress             POS TCP listen address.
 * @param terminalsFile          the terminals file.
 * @param logonWindowSeconds     logon replay window.
 * @param posTls                 POS TLS, or null for plain TCP.
 * @param httpAddress            HTTP API listen address.
 * @param clientsFile            the API clients file.
 * @param signatureWindowSeconds HTTP signature window.
 * @param journalDirectory       the journal directory.
 * @param journalSync            {@code none} or {@code sync}.
 * @param credentialsFile        wallet credentials.
 * @param walletOverrides        per wallet, settings merged over its credentials.
 * @param walletHttp             the wallet HTTP client's limits.
 * @param cryptoThreads          signing threads.
 * @param cryptoQueue            signing queue bound.
 * @param engine                 engine tunables.
 * @param inboxBytes             engine inbox size.
 * @param spin                   whether the engine busy-spins.
 * @param registryFile           participant registry overlay, or null.
 */
public record SwitchSettings(
    Path dataDirectory,
    InetSocketAddress posAddress,
    Path terminalsFile,
    int logonWindowSeconds,
    TlsSettings posTls,
    InetSocketAddress httpAddress,
    Path clientsFile,
    int signatureWindowSeconds,
    Path journalDirectory,
    String journalSync,
    Path credentialsFile,
    Map<String, Map<String, Object>> walletOverrides,
    HttpClientConfig walletHttp,
    int cryptoThreads,
    int cryptoQueue,
    EngineConfig engine,
    int inboxBytes,
    boolean spin,
    Path registryFile)
{
    /**
     * TLS for the POS listener.
     *
     * @param certificate PEM certificate chain.
     * @param privateKey  PEM private key.
     * @param clientCa    PEM CA for client certificates, or null for server-only TLS.
     */
    public record TlsSettings(Path certificate, Path privateKey, Path clientCa)
    {
    }
}
