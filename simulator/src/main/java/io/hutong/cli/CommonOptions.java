package io.hutong.cli;

import io.hutong.codec.registry.WalletRegistry;
import io.hutong.codec.registry.WalletRegistryLoader;
import io.hutong.core.keys.DataDirectory;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * Options every codec command shares (a picocli mixin): the participant registry and the data directory.
 */
final class CommonOptions
{
    @Option(names = "--registry", paramLabel = "FILE", description = "Participant registry YAML overlaid on the defaults.")
    private Path registryFile;

    @Option(names = "--data", paramLabel = "DIR",
        description = "Data directory holding the switch's signing key (default: $HUTONG_DATA or ./hutong-data).")
    private String dataDirectory;

    /**
     * @return the built-in registry, or the user file overlaid on it.
     */
    WalletRegistry registry()
    {
        return registryFile == null ? WalletRegistryLoader.defaults() : WalletRegistryLoader.load(registryFile);
    }

    /**
     * @return the data directory: --data, else $HUTONG_DATA, else ./hutong-data.
     */
    Path dataDirectory()
    {
        return DataDirectory.resolve(dataDirectory);
    }
}
