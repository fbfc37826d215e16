/**
 * Signatures over payment-code bytes: the merchant-code signature that travels in an EMV MPM unreserved
 * template (IDs 80-99, see EMV QRCPS-MPM 4.6) and lets a scanning wallet check who issued a code.
 * <pre>
 *   KeyPairs.generate / KeyPairs.privateKeyFromPem        KeyPairs.publicKeyFromPem
 *              |                                                    |
 *              v                                                    v
 *   CodeSigner(algorithm, keyId, PrivateKey)       CodeVerifier(algorithm, keyId, PublicKey)
 *              |                                                    |
 *   sign(bytes) -> raw r||s (64 bytes)  ---- in the code ---->  TrustedKeys.verify(keyId, bytes, r||s)
 *              keyId = KeyIds.of(publicKey): first 8 bytes of SM3(SubjectPublicKeyInfo DER), hex
 * </pre>
 * Two algorithms: SM2 with SM3 (GB/T 32918, the default user ID "1234567812345678" in the Z value) and ECDSA
 * on P-256 with SHA-256. Signatures are the raw fixed-width {@code r || s} form, not DER, because they must fit a
 * size-bounded EMV data object and have a predictable length.
 * <p>
 * Pure computation over byte arrays: no file I/O (loading keys from disk belongs to the switch). The Bouncy
 * Castle provider is used as an instance and never registered globally.
 */
package io.hutong.codec.sign;
