/**
 * The {@code hutong} command line (picocli): one subcommand per tool, {@code --help} on each, exit codes
 * 0 (success), 2 (invalid input) and 1 (internal fault).
 */
package io.hutong.cli;
