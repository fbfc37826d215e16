/**
 * The vocabulary shared by the switch and every wallet connector: the status of a wallet call and the
 * normalised decline reasons each connector maps its wallet's own codes to.
 */
package io.hutong.connector;
