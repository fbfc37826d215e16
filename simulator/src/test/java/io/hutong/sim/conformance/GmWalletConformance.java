package io.hutong.sim.conformance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hutong.codec.sign.KeyPairs;
import io.hutong.codec.sign.SignatureAlgorithm;

import java.util.Base64;

/**
 * The GM-interface connector against a simulated wallet that speaks it (Bestpay, Hebao, Wo).
 */
abstract class GmWalletConformance extends SimulatedWalletConformance
{
    @Override
    protected ObjectNode withWrongKey(final ObjectNode settings)
    {
        // Same key id, another SM2 key: the wallet must refuse the signature.
        final String forged = Base64.getEncoder().encodeToString(
            KeyPairs.generate(SignatureAlgorithm.SM2_SM3).getPrivate().getEncoded());
        ((ObjectNode)settings.get("interop")).put("switchPrivateKey", forged);
        return settings;
    }
}
