package io.hutong.connector.alipay;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * RSA-2048 key pairs generated once per test JVM: one for the merchant app, one for the Alipay gateway.
 */
final class TestKeys
{
    static final KeyPair APP = generate();
    static final KeyPair GATEWAY = generate();
    static final String APP_ID = "2021000000000001";
    /** 2026-01-02 03:04:05 UTC, i.e. 11:04:05 in Asia/Shanghai. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    private TestKeys()
    {
    }

    private static KeyPair generate()
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
