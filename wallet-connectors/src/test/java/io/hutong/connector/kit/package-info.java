/**
 * The connector conformance kit (test jar): {@link io.hutong.connector.kit.ConnectorConformanceKit}, the
 * abstract JUnit 5 contract every wallet connector must pass against a live endpoint, and
 * {@link io.hutong.connector.kit.SimControl}, the client of the endpoint's control API it uses to set up each
 * scenario.
 * <pre>
 *  MyConformanceTest extends ConnectorConformanceKit
 *     |  settings()                 --&gt; WalletConnectors (ServiceLoader) --&gt; connector --HTTP--&gt; wallet API
 *     |  controlUrl()               --&gt; SimControl ----------------------------------HTTP--&gt; /sim/* (accounts,
 *                                                                                          codes, faults, ledger)
 * </pre>
 */
package io.hutong.connector.kit;
