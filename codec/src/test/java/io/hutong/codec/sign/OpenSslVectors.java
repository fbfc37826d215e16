package io.hutong.codec.sign;

import java.nio.charset.StandardCharsets;

/**
 * Keys and signatures made by OpenSSL 3.0.19, an implementation independent of Bouncy Castle, so the tests check
 * interoperability rather than BC agreeing with itself. Test-only keys: never use them for anything else.
 * <pre>
 *   openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:SM2 -out sm2.key.pem
 *   openssl pkey -in sm2.key.pem -pubout -out sm2.pub.pem
 *   openssl dgst -sm3 -sign sm2.key.pem -sigopt distid:1234567812345678 -out sm2id.sig msg.txt
 *   openssl dgst -sm3 -sign sm2.key.pem -out sm2.sig msg.txt      (OpenSSL's default: empty ID)
 *   openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out p256.key.pem
 *   openssl dgst -sha256 -sign p256.key.pem -out p256.sig msg.txt
 *   openssl pkey -pubin -in X.pub.pem -outform DER | openssl dgst -sm3     (key id = first 16 hex digits)
 *   openssl ecparam -name prime256v1 -genkey -out sec1.pem
 *   openssl pkcs8 -topk8 -v2 aes-256-cbc -passout pass:secret -in p256.key.pem -out enc.pem
 * </pre>
 */
final class OpenSslVectors
{
    static final byte[] MESSAGE = "hutong interop vector".getBytes(StandardCharsets.US_ASCII);

    static final String SM2_PRIVATE_KEY_PEM =
        "-----BEGIN PRIVATE KEY-----\n" +
        "MIGHAgEAMBMGByqGSM49AgEGCCqBHM9VAYItBG0wawIBAQQguv2LSuL9CC4rg6GZ\n" +
        "pMuXdr3VP1dcnZx3/9LVnjd1WIGhRANCAARJskUhwSoyOAWDvUDLATNj/pgvtaZ0\n" +
        "RvaIpIFSRQD+SSKGjOpsDSm4IGGxs+HpNukn157BbWtCJqyQ2ZsFjr3A\n" +
        "-----END PRIVATE KEY-----\n";

    static final String SM2_PUBLIC_KEY_PEM =
        "-----BEGIN PUBLIC KEY-----\n" +
        "MFkwEwYHKoZIzj0CAQYIKoEcz1UBgi0DQgAESbJFIcEqMjgFg71AywEzY/6YL7Wm\n" +
        "dEb2iKSBUkUA/kkihozqbA0puCBhsbPh6TbpJ9eewW1rQiaskNmbBY69wA==\n" +
        "-----END PUBLIC KEY-----\n";

    /** SM3 of the SM2 public key's DER SubjectPublicKeyInfo, first 8 bytes. */
    static final String SM2_KEY_ID = "70FD2CF4791E2D13";

    /** DER signature with user ID "1234567812345678". */
    static final String SM2_SIGNATURE_DEFAULT_ID_DER =
        "3046022100ad773c12e1d1c982a7da566c2429ba114bc85501e5c445aae38b017280b02e59" +
        "022100eaeffea3c621a9ccf8ee0ce839b8e850096898d7f29e4660d24cee90fd54096b";

    /** DER signature with OpenSSL 3.0's default, an empty user ID: must not verify as SM2_SM3. */
    static final String SM2_SIGNATURE_EMPTY_ID_DER =
        "30450220343d36f8581a36a5d7e8d971fdd662b4f1e8ab696fbabbd392a31b617c28f760" +
        "02210092cd3ef392b96622021f61ba65ef75c166f201517a0f10a70030eb1acbf6b22e";

    static final String P256_PRIVATE_KEY_PEM =
        "-----BEGIN PRIVATE KEY-----\n" +
        "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgnQqBNlznDGSXjHtR\n" +
        "gam1c3rEEytWfGuG2lBIvkQXHsqhRANCAAQryZcuU8/sJFgEoCJwtPfzS51pmLti\n" +
        "31aGNCuCOD4XtgxWQfGbIE4+8XJW26If4BSMGYEHPQvZl5T84fskxX5G\n" +
        "-----END PRIVATE KEY-----\n";

    static final String P256_PUBLIC_KEY_PEM =
        "-----BEGIN PUBLIC KEY-----\n" +
        "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEK8mXLlPP7CRYBKAicLT380udaZi7\n" +
        "Yt9WhjQrgjg+F7YMVkHxmyBOPvFyVtuiH+AUjBmBBz0L2ZeU/OH7JMV+Rg==\n" +
        "-----END PUBLIC KEY-----\n";

    static final String P256_KEY_ID = "ECC5F60C19A53C82";

    static final String P256_SIGNATURE_DER =
        "304502203a1b2a86c08c55f39ba75eeee9ea4e15774b2d13e156daff27f7636c194f628e" +
        "022100992e571b19eba240a2a40bef4cc0d9f651559befadc334f94970d9e23c7a4519";

    /** SEC1 "EC PRIVATE KEY" preceded by an "EC PARAMETERS" block, as {@code openssl ecparam -genkey} writes. */
    static final String P256_SEC1_WITH_PARAMETERS_PEM =
        "-----BEGIN EC PARAMETERS-----\n" +
        "BggqhkjOPQMBBw==\n" +
        "-----END EC PARAMETERS-----\n" +
        "-----BEGIN EC PRIVATE KEY-----\n" +
        "MHcCAQEEIB9Mcp3XeR0b1BFEcfbMYIr/q4d6vAz/90yUGoJFbU/voAoGCCqGSM49\n" +
        "AwEHoUQDQgAEDZKCnyRaHfqMk/g+scvyaXwJVD6RnFA9eldYTSePtUA8M6DqzZwM\n" +
        "u6tKR8xtsOSa8oYyT/y7+IqXqlclXnVoCA==\n" +
        "-----END EC PRIVATE KEY-----\n";

    static final String P256_ENCRYPTED_PRIVATE_KEY_PEM =
        "-----BEGIN ENCRYPTED PRIVATE KEY-----\n" +
        "MIHsMFcGCSqGSIb3DQEFDTBKMCkGCSqGSIb3DQEFDDAcBAiEv6FW2U179gICCAAw\n" +
        "DAYIKoZIhvcNAgkFADAdBglghkgBZQMEASoEEEN9sTbJTROkbMQsCx8pTQoEgZDJ\n" +
        "Dw8cexp8VT01ffh2xmOsnCl9Fo1D5cFdi69PBO/DBPB4lAjqR1Kh5MfwsmE3bXy3\n" +
        "BMyDBOX2blnezK44A9nk+Ejp4BqY8rUVMO9/pIxfpwiIb29J9I+7qq+u5ggUgPm8\n" +
        "2lOIr0KlS+M2e+GJdegMy+icoGzjMaXSlO1EHZMPC+6CswFY2rl0aFoJMnXb1b0=\n" +
        "-----END ENCRYPTED PRIVATE KEY-----\n";

    private OpenSslVectors()
    {
    }
}
