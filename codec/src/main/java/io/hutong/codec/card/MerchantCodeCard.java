package io.hutong.codec.card;

import io.hutong.codec.CodeError;
import io.hutong.codec.emv.mpm.DataObject;
import io.hutong.codec.emv.mpm.MpmDecoder;
import io.hutong.codec.emv.mpm.MpmDescriptor;
import io.hutong.codec.emv.mpm.MpmPayload;
import io.hutong.codec.registry.Participant;
import io.hutong.codec.registry.WalletRegistry;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One code card for every wallet: an EMV MPM merchant code with a merchant account entry for each wallet the
 * merchant is enrolled with, so any participating wallet can scan it. A wallet routed by a primitive ID in
 * the registry (UnionPay: 15) gets that ID with the merchant id as its value; the others get templates
 * 26, 27, ... with their GUI (sub-ID 00) and the merchant id (sub-ID 01). Sign the result with
 * {@link MerchantCodeSignatures#sign}. Immutable; thread-safe.
 *
 * @param merchantId merchant identifier carried in every account entry.
 * @param name       merchant name (ID 59, up to 25 characters).
 * @param city       merchant city (ID 60, up to 15 characters).
 * @param country    ISO 3166-1 alpha-2 country (ID 58).
 * @param mcc        merchant category code (ID 52, 4 digits).
 * @param currency   ISO 4217 numeric currency (ID 53).
 * @param amount     transaction amount (ID 54) making the code dynamic, or null for a static code.
 * @param wallets    registry ids of the wallets the merchant is enrolled with, in card order.
 */
public record MerchantCodeCard(
    String merchantId, String name, String city, String country, String mcc, String currency, String amount,
    List<String> wallets)
{
    /**
     * Null checks and a defensive copy.
     *
     * @param merchantId merchant identifier carried in every account entry.
     * @param name       merchant name.
     * @param city       merchant city.
     * @param country    country.
     * @param mcc        merchant category code.
     * @param currency   currency.
     * @param amount     amount, or null.
     * @param wallets    registry ids.
     */
    public MerchantCodeCard
    {
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(mcc, "mcc");
        Objects.requireNonNull(currency, "currency");
        wallets = List.copyOf(wallets);
    }

    /**
     * Build the payload, checked by decoding it under every MPM rule.
     *
     * @param registry where wallets' GUIs and primitive IDs come from.
     * @return the unsigned payload.
     * @throws IllegalArgumentException naming the field when the card cannot be a valid code.
     */
    public MpmPayload toPayload(final WalletRegistry registry)
    {
        if (wallets.isEmpty())
        {
            throw new IllegalArgumentException("wallets: at least one wallet is required");
        }
        final List<DataObject> objects = new ArrayList<>();
        objects.add(DataObject.primitive(MpmDescriptor.PAYLOAD_FORMAT_INDICATOR, MpmDescriptor.PAYLOAD_FORMAT_VERSION));
        objects.add(DataObject.primitive(MpmDescriptor.POINT_OF_INITIATION,
            amount == null ? MpmDescriptor.STATIC_INITIATION : MpmDescriptor.DYNAMIC_INITIATION));

        int nextTemplate = MpmDescriptor.MERCHANT_ACCOUNT_TEMPLATE_FIRST;
        final List<String> seen = new ArrayList<>();
        for (final String wallet : wallets)
        {
            final Participant participant = registry.participant(wallet);
            if (participant == null)
            {
                throw new IllegalArgumentException("wallets=" + wallet + ": not a participant in the registry");
            }
            if (seen.contains(wallet))
            {
                throw new IllegalArgumentException("wallets=" + wallet + ": listed twice");
            }
            seen.add(wallet);
            final int primitiveId = registry.firstPrimitiveId(participant.index());
            final String gui = registry.firstGui(participant.index());
            if (primitiveId != WalletRegistry.NO_PARTICIPANT)
            {
                objects.add(DataObject.primitive(primitiveId, merchantId));
            }
            else if (gui != null)
            {
                if (nextTemplate > MpmDescriptor.MERCHANT_ACCOUNT_LAST)
                {
                    throw new IllegalArgumentException("wallets: more than 26 template accounts");
                }
                objects.add(DataObject.template(nextTemplate++, List.of(
                    DataObject.primitive(MpmDescriptor.GUI, gui), DataObject.primitive(1, merchantId))));
            }
            else
            {
                throw new IllegalArgumentException("wallets=" + wallet + ": the registry has no MPM GUI or ID for it");
            }
        }

        objects.add(DataObject.primitive(MpmDescriptor.MERCHANT_CATEGORY_CODE, mcc));
        objects.add(DataObject.primitive(MpmDescriptor.TRANSACTION_CURRENCY, currency));
        if (amount != null)
        {
            objects.add(DataObject.primitive(MpmDescriptor.TRANSACTION_AMOUNT, amount));
        }
        objects.add(DataObject.primitive(MpmDescriptor.COUNTRY_CODE, country));
        objects.add(DataObject.primitive(MpmDescriptor.MERCHANT_NAME, name));
        objects.add(DataObject.primitive(MpmDescriptor.MERCHANT_CITY, city));
        final MpmPayload payload = new MpmPayload(objects);
        check(payload);
        return payload;
    }

    private void check(final MpmPayload payload)
    {
        final String text;
        try
        {
            text = payload.encode();
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException("card: " + ex.getMessage(), ex);
        }
        final byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        final MpmDecoder decoder = new MpmDecoder();
        if (decoder.wrap(new UnsafeBuffer(bytes), 0, bytes.length).decode() != CodeError.NONE)
        {
            throw new IllegalArgumentException(
                field(decoder.error().fieldId()) + ": " + decoder.error().code() + " " + decoder.error().message());
        }
    }

    /**
     * The card field a refused data object came from, as {@code name=value}, so the message names what the
     * caller typed (e.g. {@code --name}) and not only the EMV ID.
     */
    private String field(final int id)
    {
        if (id == MpmDescriptor.MERCHANT_NAME)
        {
            return "name=" + name;
        }
        if (id == MpmDescriptor.MERCHANT_CITY)
        {
            return "city=" + city;
        }
        if (id == MpmDescriptor.MERCHANT_CATEGORY_CODE)
        {
            return "mcc=" + mcc;
        }
        if (id == MpmDescriptor.TRANSACTION_CURRENCY)
        {
            return "currency=" + currency;
        }
        if (id == MpmDescriptor.TRANSACTION_AMOUNT)
        {
            return "amount=" + amount;
        }
        if (id == MpmDescriptor.COUNTRY_CODE)
        {
            return "country=" + country;
        }
        return MpmDescriptor.isMerchantAccount(id) ? "merchantId=" + merchantId : "card";
    }
}
