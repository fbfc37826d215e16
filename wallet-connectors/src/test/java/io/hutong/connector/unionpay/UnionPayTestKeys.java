package io.hutong.connector.unionpay;

import io.hutong.codec.sign.CodeSigner;
import io.hutong.codec.sign.CodeVerifier;
import io.hutong.codec.sign.KeyPairs;
import io.hutong.codec.sign.SignatureAlgorithm;
import io.hutong.codec.sign.TrustedKeys;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.function.Function;

/**
 * Keys and known answers for the tests. The merchant's RSA and SM2 keys and the signatures below were made with
 * OpenSSL 3.0.19, an implementation independent of the JDK and Bouncy Castle, so the tests check interoperability
 * rather than this code agreeing with itself. The gateway's keys are generated once per test JVM. Test-only keys:
 * never use them for anything else.
 * <pre>
 *   openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out rsa.key.pem
 *   openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:SM2 -out sm2.key.pem
 *   printf '%s' "$STRING&amp;key=$KEY" | md5sum
 *   printf '%s' "$STRING" | openssl dgst -sha256 -sign rsa.key.pem | base64 -w0
 *   printf '%s' "$STRING" | openssl dgst -sm3 -sign sm2.key.pem -sigopt distid:1234567812345678 | base64 -w0
 * </pre>
 */
final class UnionPayTestKeys
{
    static final String MCH_ID = "QRA290000000001";
    static final String NONCE = "ibuaiVcKdpRxkhJA";
    static final String OUT_TRADE_NO = "HT20260102000001";
    /** A made-up 19-digit UnionPay consumer code (prefix 62). */
    static final String AUTH_CODE = "6227000012345678901";
    static final String MD5_KEY = "0123456789abcdef0123456789abcdef";

    /** The example micropay's sorted string, without sign_type, which each vector appends in its place. */
    static final String STRING_HEAD = "auth_code=6227000012345678901&body=test&charset=UTF-8" +
        "&mch_create_ip=127.0.0.1&mch_id=QRA290000000001&nonce_str=ibuaiVcKdpRxkhJA" +
        "&out_trade_no=HT20260102000001&service=unified.trade.micropay";
    static final String STRING_TAIL = "&total_fee=1&version=2.0";

    /** md5sum of STRING_HEAD + "&sign_type=MD5" + STRING_TAIL + "&key=" + MD5_KEY, upper-cased. */
    static final String MD5_SIGNATURE = "5D305F268A118597022CDD4EE5F751DE";

    /** openssl dgst -sha256 -sign over STRING_HEAD + "&sign_type=RSA_1_256" + STRING_TAIL. */
    static final String RSA_SIGNATURE = "O7D3VwZzUd12PknmjAkA5g+8dkwuq/EWvWQE37c54hd8ujnwLsLvfMpNeceT4+jelJcwCHf8" +
        "Yg5b+4zBniGro8DITxOpr0x/h53s7ILf1s8MOdaAWTVVgRzfAdvwQquFOEYEVmlDhLOM2QZ3IW8b/ZKHUpOR3mDdiKvK9wgu9TG738G" +
        "UM+gkOg+hQB8j/c/jBSXO9JcpdLJ/tfzNGJpfjOapZTY5fAyGYvcv1IMZKqoyYXOMtQcEjUfToY9hbPHzwjQoy9KvUDwl1EcYbTeeH98" +
        "yD5nwsfY1mU8Lk7GP68PAcSNS5HHkWtLqsTR4IIFOAsQ7ug53WpfuB2ZVGltEpg==";

    /** openssl dgst -sm3 -sign with distid 1234567812345678 over STRING_HEAD + "&sign_type=SM3WITHSM2" + TAIL. */
    static final String SM2_SIGNATURE =
        "MEUCIQDUD0Yd2mjodME4mxNhMDkJJ8LM4deowhoDx36gEU6NZgIgA4u8HXT5L8HNSy/jIq5p49ZzntGl3DocV99GKMuAYGY=";

    static final String MERCHANT_RSA_PRIVATE_PEM =
        "-----BEGIN PRIVATE KEY-----\n" +
        "MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQDJ4MxWajdoBAbs\n" +
        "i9OtFL98M3a3LgCx4OZvSyGP/pX5+g4b36aCE3Ljm4LOinE6fKP3W6mDBACHJyWm\n" +
        "KUTyA9aG4BY3X4BLw/XkMIhZ70ulT/OrFS1wuLQAaqKOc3ySnBnQIOKCZ27m2flY\n" +
        "bJ2wRCH7PMhZyHleBj2OvWQ63o49ll6cP6AZOScUVN17G8tjPPiceN/c8DT5Bi0y\n" +
        "e4JhqWkHKZ1LjxE/GxuDRR4rgrGmtagQavgxGihpqykye4KM/JR2thfoSM723R5s\n" +
        "xeYv+eap0vhP2UVWFF0Bf1UBFitlXAPfBSwqfMB+fjOhyBysuDRj8VNd4OMVEBK2\n" +
        "ciQUj2B/AgMBAAECggEAMzv2j/3f9umCuljYTWZlHIfRGrc1nO9HfDpUl79UX79L\n" +
        "Al712rBF6abngTSYfO/yCw57zFDhM2vHfc6efU9lDBDmAoKdxFzE1HdOu4hkKd3L\n" +
        "KQG0aRWvNSXbAI0lse2lDXGzGsZWWoc6ZWsXcAsylpj7/fFHgAnUaJv/SoN+FPnX\n" +
        "n10M4B+ySefeKaHMyCv0g1X2PAJzX2GVkX3v/Y/MZ6RRN7alWQp18MRAqyZxCVKO\n" +
        "0pr8Hqt9WB9+0pwcKDqfJ+JfhPezcen6SIcJTJT1hnPKahv8DHDv3BSslNBiYf01\n" +
        "Bl/KoRfDLruR0eqXOzkP10iEKVrRojqBWXlV322HBQKBgQDuQ9HCL3xZBPDW+1YF\n" +
        "JafHrg2iwwwvO6wOGKVp0EkNEhMzxKJBFlRh/0lvYikXI3Ddi2vBB5DGTMDi1AvJ\n" +
        "6cSihHXB/KrwjgQAVQhX6HYCFkruyYrfxTfRh13g99uSnhzbCx1KtZo5tgK/HhhG\n" +
        "ntKhEVmF7XZRi5rsBXoJhtKBpQKBgQDY558vdmZaF0TPbZp4uLA/JBT5w3bcEdJQ\n" +
        "nUezh7DPteDzqm96kGE3uQjrpW6gJFrx61yF9vFkNlBMcmpqLIW0euOuEfwDN3kj\n" +
        "9uu1w7qP4MDvIynBNVQCaj7+ru9UPd43L9OzyqftNsgsa6tygSzMhSAqMMusimre\n" +
        "Th0zIUJ4UwKBgQC1uIQC1rTAMER/srGou097vAQqXxir7ZcMKT//tBwDHAYJNa+K\n" +
        "dL1nAI3BpdwxCZbLYcqNLnf8xg1W8uMK3IBccypdCZhWX/otRq1WXrWiYd5EwPJq\n" +
        "OMCZzeSL8H5HFNBtP8zXbipyWZ8+pHVfZ0K+Fb1xp+rVxuQhnwu0uF9VAQKBgBLa\n" +
        "DrvRTpQF8bUVkZdsdeUG/cu3cV0vL1hSUykHYhareCG1bnr4kXqGWoAgoLzKbB0a\n" +
        "l7ANBm3vSotaZmVT+Ur2Y1N9vKmK6Lx3eYUSveRDZIFkTPy95c9P7Km2CpcHyYiC\n" +
        "X6QAuRek60DxGrWZBIvCBkmkdA9K+H7Zyy/mdCCBAoGBANVQoIL9rAC6VoYx1b+P\n" +
        "CI9+4bU+Y3TVfqRTwSi2MGFjCVIZiWk/bSNTHG0jmY9BZ/blitqImYWOAFVsdQJ/\n" +
        "wPUhw3WQ8O91XyCVZydgb/iJpCQq/PwmWmRwWjEJSjJXITNHEJwrTys1bWpWY6wU\n" +
        "5kdg3zZvu8U0RKgcH8/8Nbnj\n" +
        "-----END PRIVATE KEY-----\n";

    static final String MERCHANT_RSA_PUBLIC_PEM =
        "-----BEGIN PUBLIC KEY-----\n" +
        "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAyeDMVmo3aAQG7IvTrRS/\n" +
        "fDN2ty4AseDmb0shj/6V+foOG9+mghNy45uCzopxOnyj91upgwQAhyclpilE8gPW\n" +
        "huAWN1+AS8P15DCIWe9LpU/zqxUtcLi0AGqijnN8kpwZ0CDigmdu5tn5WGydsEQh\n" +
        "+zzIWch5XgY9jr1kOt6OPZZenD+gGTknFFTdexvLYzz4nHjf3PA0+QYtMnuCYalp\n" +
        "BymdS48RPxsbg0UeK4KxprWoEGr4MRooaaspMnuCjPyUdrYX6EjO9t0ebMXmL/nm\n" +
        "qdL4T9lFVhRdAX9VARYrZVwD3wUsKnzAfn4zocgcrLg0Y/FTXeDjFRAStnIkFI9g\n" +
        "fwIDAQAB\n" +
        "-----END PUBLIC KEY-----\n";

    static final String MERCHANT_SM2_PRIVATE_PEM =
        "-----BEGIN PRIVATE KEY-----\n" +
        "MIGHAgEAMBMGByqGSM49AgEGCCqBHM9VAYItBG0wawIBAQQgC5GuDmBCjfM/0veQ\n" +
        "/UOv3VTYQqeXa3jd9iiNg8UMvzihRANCAATtt6rP6cDMZIi/C/7my/n35dZDAaCU\n" +
        "UOWWEsuAQfnZ3ZRtBjszdnkYdWqGICscy9+oq/dZ+VczXylV//4wYq6r\n" +
        "-----END PRIVATE KEY-----\n";

    static final String MERCHANT_SM2_PUBLIC_PEM =
        "-----BEGIN PUBLIC KEY-----\n" +
        "MFkwEwYHKoZIzj0CAQYIKoEcz1UBgi0DQgAE7beqz+nAzGSIvwv+5sv59+XWQwGg\n" +
        "lFDllhLLgEH52d2UbQY7M3Z5GHVqhiArHMvfqKv3WflXM18pVf/+MGKuqw==\n" +
        "-----END PUBLIC KEY-----\n";

    static final PrivateKey MERCHANT_RSA_PRIVATE = UnionPayKeys.rsaPrivateKey(MERCHANT_RSA_PRIVATE_PEM);
    static final PublicKey MERCHANT_RSA_PUBLIC = UnionPayKeys.rsaPublicKey(MERCHANT_RSA_PUBLIC_PEM);
    static final KeyPair GATEWAY_RSA = rsaPair();
    static final PrivateKey MERCHANT_SM2_PRIVATE = KeyPairs.privateKeyFromPem(MERCHANT_SM2_PRIVATE_PEM);
    static final PublicKey MERCHANT_SM2_PUBLIC = KeyPairs.publicKeyFromPem(MERCHANT_SM2_PUBLIC_PEM);
    static final KeyPair GATEWAY_SM2 = KeyPairs.generate(SignatureAlgorithm.SM2_SM3);

    /** Both sides hold the same MD5 key. */
    static final UnionPayKeys MD5_KEYS = UnionPayKeys.md5(MD5_KEY);
    static final UnionPayKeys MERCHANT_RSA_KEYS = UnionPayKeys.rsa(MERCHANT_RSA_PRIVATE, GATEWAY_RSA.getPublic());
    static final UnionPayKeys GATEWAY_RSA_KEYS = UnionPayKeys.rsa(GATEWAY_RSA.getPrivate(), MERCHANT_RSA_PUBLIC);
    static final UnionPayKeys MERCHANT_SM2_KEYS = UnionPayKeys.sm2(
        new CodeSigner(SignatureAlgorithm.SM2_SM3, "merchant-sm2", MERCHANT_SM2_PRIVATE),
        TrustedKeys.of(new CodeVerifier(SignatureAlgorithm.SM2_SM3, "gateway-sm2", GATEWAY_SM2.getPublic())));
    static final UnionPayKeys GATEWAY_SM2_KEYS = UnionPayKeys.sm2(
        new CodeSigner(SignatureAlgorithm.SM2_SM3, "gateway-sm2", GATEWAY_SM2.getPrivate()),
        TrustedKeys.of(new CodeVerifier(SignatureAlgorithm.SM2_SM3, "merchant-sm2", MERCHANT_SM2_PUBLIC)));

    static final UnionPayMerchant MD5_MERCHANT = new UnionPayMerchant(MCH_ID, MD5_KEYS);
    static final UnionPayMerchant RSA_MERCHANT = new UnionPayMerchant(MCH_ID, MERCHANT_RSA_KEYS);
    static final UnionPayMerchant SM2_MERCHANT = new UnionPayMerchant(MCH_ID, MERCHANT_SM2_KEYS);

    private UnionPayTestKeys()
    {
    }

    /**
     * @return the gateway's keys that pair with a merchant's (same sign type).
     */
    static UnionPayKeys gatewayKeysFor(final UnionPayMerchant merchant)
    {
        switch (merchant.signType())
        {
            case RSA_1_256:
                return GATEWAY_RSA_KEYS;
            case SM3WITHSM2:
                return GATEWAY_SM2_KEYS;
            default:
                return MD5_KEYS;
        }
    }

    /**
     * @return the simulator's registry: one merchant, registered with the given merchant's sign type.
     */
    static Function<String, UnionPayKeys> registry(final UnionPayMerchant merchant)
    {
        final UnionPayKeys keys = gatewayKeysFor(merchant);
        return mchId -> MCH_ID.equals(mchId) ? keys : null;
    }

    static UnionPayMerchant[] merchants()
    {
        return new UnionPayMerchant[] {MD5_MERCHANT, RSA_MERCHANT, SM2_MERCHANT};
    }

    private static KeyPair rsaPair()
    {
        try
        {
            final KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException(ex);
        }
    }
}
