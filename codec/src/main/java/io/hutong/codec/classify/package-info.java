/**
 * Classification: the single entry point that takes what a scanner read, recognises the payment-code
 * format, decodes it and finds the participant(s) it routes to, or explains with a typed error why not.
 */
package io.hutong.codec.classify;
