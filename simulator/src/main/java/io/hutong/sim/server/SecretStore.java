package io.hutong.sim.server;

import java.util.function.Supplier;

/**
 * One wallet's named secrets (API keys, private keys, seeds), generated on first start and kept in the data
 * directory so that restarts keep them. Thread-safe.
 */
public interface SecretStore
{
    /**
     * The secret under a name, made by the generator the first time.
     *
     * @param name      a name unique within the wallet, e.g. {@code wechat.apiKey}.
     * @param generator makes a new value (text: base64, hex or PEM).
     * @return the kept or new value.
     */
    String get(String name, Supplier<String> generator);
}
