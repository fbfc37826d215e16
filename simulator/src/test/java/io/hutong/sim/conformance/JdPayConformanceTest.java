package io.hutong.sim.conformance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hutong.connector.jdpay.JdPayConnectorProvider;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The JD Pay connector against the simulated JD Pay wallet.
 */
class JdPayConformanceTest extends SimulatedWalletConformance
{
    @Override
    protected String walletId()
    {
        return "jdpay";
    }

    @Override
    protected ObjectNode withWrongKey(final ObjectNode settings)
    {
        // A fresh merchant key of the right kind and size: the wallet must refuse its signature.
        try
        {
            final KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return settings.put(JdPayConnectorProvider.MERCHANT_PRIVATE_KEY,
                Base64.getEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded()));
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException(ex);
        }
    }
}
