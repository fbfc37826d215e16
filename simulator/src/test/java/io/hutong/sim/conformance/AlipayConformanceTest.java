package io.hutong.sim.conformance;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The Alipay connector against the simulated Alipay gateway.
 */
class AlipayConformanceTest extends SimulatedWalletConformance
{
    @Override
    protected String walletId()
    {
        return "alipay";
    }

    @Override
    protected ObjectNode withWrongKey(final ObjectNode settings)
    {
        // Same app id, a fresh RSA app key the gateway never saw: it must refuse the signature.
        try
        {
            final KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return settings.put("appPrivateKey",
                Base64.getEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded()));
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("algorithm=RSA: not available", ex);
        }
    }
}
