package io.hutong.sim;

import io.hutong.sim.alipay.AlipayApi;
import io.hutong.sim.gm.GmApi;
import io.hutong.sim.jdpay.JdPayApi;
import io.hutong.sim.server.SimContext;
import io.hutong.sim.server.WalletApi;
import io.hutong.sim.unionpay.UnionPayApi;
import io.hutong.sim.wechat.WeChatApi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which wallet APIs each simulated wallet serves. Adding a wallet's API is one {@link WalletApi} class and one
 * {@code register} line below. Every wallet also serves the GM interface's MPM legs ({@code credit},
 * {@code release}) unless it already serves the whole GM interface. Immutable after class initialisation;
 * thread-safe.
 */
public final class WalletApiCatalog
{
    private static final Map<String, List<WalletApi.Factory>> FACTORIES = new LinkedHashMap<>();

    static
    {
        register("wechat", WeChatApi::new);
        register("alipay", AlipayApi::new);
        register("unionpay", UnionPayApi::new);
        register("jdpay", JdPayApi::new);
        register("bestpay", (context) -> new GmApi(context, GmApi.ALL));
        register("cmpay", (context) -> new GmApi(context, GmApi.ALL));
        register("wopay", (context) -> new GmApi(context, GmApi.ALL));
    }

    private WalletApiCatalog()
    {
    }

    /**
     * Makes a wallet's APIs, in the order they are asked to serve a path.
     *
     * @param context the wallet.
     * @return its APIs: the registered ones, then the GM interop legs when no GM API is among them.
     */
    public static List<WalletApi> create(final SimContext context)
    {
        final List<WalletApi> apis = new ArrayList<>();
        for (final WalletApi.Factory factory : FACTORIES.getOrDefault(context.walletId(), List.of()))
        {
            apis.add(factory.create(context));
        }
        if (apis.stream().noneMatch((api) -> api instanceof GmApi))
        {
            apis.add(new GmApi(context, GmApi.INTEROP));
        }
        return Collections.unmodifiableList(apis);
    }

    private static void register(final String walletId, final WalletApi.Factory factory)
    {
        FACTORIES.computeIfAbsent(walletId, (id) -> new ArrayList<>()).add(factory);
    }
}
