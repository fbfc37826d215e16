/**
 * The switch's own keys on disk and where its data lives.
 * <pre>
 *   --data flag | $HUTONG_DATA | ./hutong-data      (DataDirectory.resolve)
 *          |
 *          v
 *   &lt;data&gt;/keys/merchant-code-signing.key.pem   PKCS#8, owner-only rw
 *   &lt;data&gt;/keys/merchant-code-signing.pub.pem   X.509 SubjectPublicKeyInfo
 *          |
 *          v  SigningKeyStore.openOrCreate (creates an SM2 development pair on first use)
 *   CodeSigner (issues signed merchant codes) + TrustedKeys (verifies the switch's own codes)
 * </pre>
 * File I/O happens only at start-up; the signing and verification objects handed out are the thread-safe ones
 * from {@link io.hutong.codec.sign}. Bad key files are configuration errors reported as
 * {@link io.hutong.core.keys.SigningKeyException} with {@code name=value: reason} messages.
 */
package io.hutong.core.keys;
