package io.hutong.cli;

import io.hutong.codec.registry.WalletRegistry;
import io.hutong.codec.registry.WalletRegistryLoader;

import java.nio.file.Path;

/**
 * The registry a command runs with: the built-in defaults, or a user file overlaid on them.
 */
final class Registries
{
    private Registries()
    {
    }

    static WalletRegistry load(final Path file)
    {
        return file == null ? WalletRegistryLoader.defaults() : WalletRegistryLoader.load(file);
    }
}
