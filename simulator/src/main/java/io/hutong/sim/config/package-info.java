/**
 * The simulator's configuration and its files in the data directory.
 *
 * <pre>
 *   --config FILE (YAML, optional) --SimulatorConfigLoader (defaults, key=value validation)--&gt; SimulatorConfig
 *   &lt;data&gt;/wallets/secrets.json     (0600) FileSecretStore: API keys, SM2 keys, SM4 keys, code seed secrets
 *   &lt;data&gt;/wallets/credentials.json (0600) CredentialsFile: what clients of each wallet need (a contract)
 * </pre>
 */
package io.hutong.sim.config;
