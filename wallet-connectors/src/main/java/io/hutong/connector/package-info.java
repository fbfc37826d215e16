/**
 * The connector SPI: what the switch asks of a wallet and what it gets back, shared by the engine and every
 * wallet connector.
 * <pre>
 *  engine thread                          connector threads (event loop, crypto pool)
 *  connector.pay(id, PayCommand, cb) ---&gt;  sign, send, verify, map through the wallet's outcome table
 *                    &lt;--- cb.onResult(id, WalletResult{operation, status, reason, walletCode, walletTxnId})
 * </pre>
 * {@link io.hutong.connector.WalletConnector} is the contract (six non-blocking operations);
 * {@link io.hutong.connector.WalletResult} the typed result, with {@link io.hutong.connector.OutcomeStatus},
 * the normalised {@link io.hutong.connector.DeclineReason} and the wallet's own code;
 * {@link io.hutong.connector.WalletSchedule} how the engine queries and reverses each wallet's payments.
 * Connectors are found and built by {@link io.hutong.connector.spi}; each wallet's wire format lives in its
 * own package.
 */
package io.hutong.connector;
