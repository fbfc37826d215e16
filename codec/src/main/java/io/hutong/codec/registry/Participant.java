package io.hutong.codec.registry;

/**
 * A participating wallet: its registry id (the routing key used everywhere in Hutong), display name and the
 * id of the connector that drives its payments. Immutable; thread-safe.
 *
 * @param index     position in {@link WalletRegistry#participants()}, used for allocation-free routing.
 * @param id        registry id, e.g. {@code wechat}.
 * @param name      display name, e.g. {@code WeChat Pay}.
 * @param connector connector id.
 */
public record Participant(int index, String id, String name, String connector)
{
}
