package io.hutong.connector.jdpay;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;

/**
 * Fixed test keys, so that known-answer vectors can be derived outside Java. Made with OpenSSL 3.0:
 * <pre>
 *   openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:1024 -out merchant.key   (and jd.key)
 *   openssl pkey -in merchant.key -pubout -out merchant.pub                          (and jd.pub)
 *   openssl rand -base64 24                                                          (the DES key)
 * </pre>
 * 1024 bits because JD issues 1024-bit keys. Test-only: never configure them anywhere.
 */
final class JdPayTestKeys
{
    static final String MERCHANT = "110000001";

    static final String DES_KEY = "y3DO4zVaVmyZPs7wvvvt8Q8w8sJMMn6w";

    static final String MERCHANT_PRIVATE =
        "MIICdwIBADANBgkqhkiG9w0BAQEFAASCAmEwggJdAgEAAoGBAL39y8QGzKhS4GpjcQkfJZDNB1JJh9VqWHDov5LTHy/A8eYmfnQQ" +
        "LQ6TJwIegkn7UhVKG41JaCA3n0EZ2pwVKfDwYKvGGAg6uohDgNnw0hOptW4IVpiYm1Q1JIFWehGUNBTQxJTYtYI9RliWgQqfLC/Y" +
        "GYREVu1FMj8icAnwdxbXAgMBAAECgYEAq3g/SzAHzXLe76XIAr+Fm+YvUWjjmw1bvKuTGuRIJUUyDNF5Fy7yO1E7x4HZfQPB1U0J" +
        "CL7TpyAMLykyT+QZ8LW0pmHPDr5Sfa0NYy2mmq3poMJaNv2B6odUVyuYCoGANfbpLba9k0uxJLf6UTRkrcOyXum6JeWbja8FmGq1" +
        "e2ECQQD2fKmpZhti6NtMlK9hSqbkgD+o9vb16C9MQmX+DmzP/AH6+CE6KJxdVpVZ4RBlfm3R+C9GcogrBPAa5HZlhs1bAkEAxVLy" +
        "Rx8qKHAjEoo+6DIozJlOG0DYDMlxSX3tBHVP7bSR8oYXRlij1uFW7MioHiBbevjB6+8785TFdALcpvEpNQJAefSQVXppznR8HNXs" +
        "OG0hSimSVd1rr5vj2w13PU6R1A5SRISEnCv/wcbXOpM685ysZZkweuCsMuzMh+HGGtGpxQJAGCQnxA/KBpyBjfkf7SSF3VI8PhVW" +
        "2Wmj1Iv1fYAkwT5ARN2m51Jc6SM0kU+TUew/hPH+N7FTMl/XMHRRLpN+qQJBAOoiqKiewu3w+2IMaJAJwRJKdD3eLyXCeJWeyiwd" +
        "olyAZcIM9vKRdf9Z4omxY27Y0Ds17z6dgsBNT9qUDyGxVuY=";

    static final String MERCHANT_PUBLIC =
        "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC9/cvEBsyoUuBqY3EJHyWQzQdSSYfValhw6L+S0x8vwPHmJn50EC0OkycCHoJJ" +
        "+1IVShuNSWggN59BGdqcFSnw8GCrxhgIOrqIQ4DZ8NITqbVuCFaYmJtUNSSBVnoRlDQU0MSU2LWCPUZYloEKnywv2BmERFbtRTI/" +
        "InAJ8HcW1wIDAQAB";

    static final String JD_PRIVATE =
        "MIICeQIBADANBgkqhkiG9w0BAQEFAASCAmMwggJfAgEAAoGBALtlpe6TmO1QkFDQNmhjkiBtw0c9M0QuSKGosXgRNW2+CcLWV3uG" +
        "kiq7beX/KPBjDRkArIes1o4aRTaK2Yeab/rj+v6asW3kqPesH2+/hfBb4f0/7vDuHLw/DzAvKp+FcRBscuiZIJfJLuoZhleJKu15" +
        "BQpwDtpBbQOlsgIXHayhAgMBAAECgYEAldmkpHCWWz6PCHBW8YadtRzQiMjhk+XG4q54q2BnbwgF2i136yki/NS//qjZXdB3CsVF" +
        "MYD+WMedDQ5fAFZ4r7GAGAXQw9Pk0GwLpuWn7vHSTLwgZPqkskjvMPJZHjNCiEySf3SO4iuyr4uyUKx6km6e0DgRAahLBtVEy4Nl" +
        "+dkCQQDwsNI6iNBOSNHOmQw5Kc2ETd9a+17YEhr0WGT5v7QE1SBVOpLLzKaEcaqmltiz5KHbfIjkzK9US8Cg9XJwv+qnAkEAx1EL" +
        "PJUrnl08JW5NKjxXjUDJbAOx/8wPKmhaH+dxrhMVZ/5Uz2W/1wJ2GYq3ppuK95h5xcsnBZIgrQtDbyO/dwJBAMCOxfHcaMJokam2" +
        "WcgVwHzbjBiOyEcW3Qek/Euuacf/9hkZfj2boZCOG1ehkQcCn9cn36EkfBR1ckuTchXwBDsCQQCOa5WY44o4baylnmxbCqUQ1MNY" +
        "gEd3XWtUxR3pACsV1KMOHQii7bSnwSV8WMejsC8bfoM81035yBG7NHop9yQ/AkEAgzsnBgWzTcmSY66sTtCP1XXSkyj2rsFO41w/" +
        "ZitUgbotD/WvzTvyhIJqCpixroO9z+mYeyVyKwT14P3K+lGM/g==";

    static final String JD_PUBLIC =
        "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC7ZaXuk5jtUJBQ0DZoY5IgbcNHPTNELkihqLF4ETVtvgnC1ld7hpIqu23l/yjw" +
        "Yw0ZAKyHrNaOGkU2itmHmm/64/r+mrFt5Kj3rB9vv4XwW+H9P+7w7hy8Pw8wLyqfhXEQbHLomSCXyS7qGYZXiSrteQUKcA7aQW0D" +
        "pbICFx2soQIDAQAB";

    /** The connector's view: signs with the merchant key, verifies JD's answers. */
    static final JdPayKeys CLIENT = JdPayKeys.of(MERCHANT, DES_KEY, MERCHANT_PRIVATE, JD_PUBLIC);

    /** The simulated wallet's view: signs with JD's key, verifies the merchant's requests. */
    static final JdPayKeys SERVER = JdPayKeys.of(MERCHANT, DES_KEY, JD_PRIVATE, MERCHANT_PUBLIC);

    /** A third key pair nobody trusts. */
    static final KeyPair STRANGER = generate();

    private JdPayTestKeys()
    {
    }

    private static KeyPair generate()
    {
        try
        {
            final KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(1024);
            return generator.generateKeyPair();
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException(ex);
        }
    }
}
