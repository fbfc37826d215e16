package io.hutong.codec.classify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hutong.codec.CodeError;
import io.hutong.codec.CodeFormat;
import io.hutong.codec.card.SignatureCheck;
import io.hutong.codec.emv.cpm.CpmDecoder;
import io.hutong.codec.emv.mpm.MpmDecoder;
import io.hutong.codec.emv.mpm.MpmDescriptor;
import io.hutong.codec.emv.mpm.MpmTemplateCursor;
import io.hutong.codec.registry.WalletRegistry;
import io.hutong.codec.text.Utf8;

/**
 * Renders a {@link Classification} as the JSON object of {@code hutong decode} (field names are a contract:
 * see the README). Consumer codes are never echoed in full: numeric codes and PANs appear masked, first
 * six and last four digits at most. Allocates; for tools and APIs, not the switch's hot path. Thread-safe.
 */
public final class ClassificationJson
{
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ClassificationJson()
    {
    }

    /**
     * @param result    a classification.
     * @param registry  the registry it was routed with.
     * @param signature the signature check of an EMV MPM code, or null when not checked.
     * @return the JSON object.
     */
    public static ObjectNode render(
        final Classification result, final WalletRegistry registry, final SignatureCheck signature)
    {
        final ObjectNode node = JSON.objectNode();
        node.put("valid", result.isValid());
        if (!result.isValid())
        {
            node.put("error", result.errorCode().name());
            node.put("message", result.error().message());
            node.put("offset", characterOffset(result));
            if (result.format() != null)
            {
                node.put("format", result.format().name());
            }
            return node;
        }

        final CodeFormat format = result.format();
        node.put("format", format.name());
        node.put("mode", format.mode().name());
        final ArrayNode wallets = JSON.arrayNode();
        for (int i = 0; i < result.walletCount(); i++)
        {
            wallets.add(registry.participant(result.wallet(i)).id());
        }
        if (result.walletCount() > 0)
        {
            node.put("wallet", registry.participant(result.wallet(0)).id());
        }
        else
        {
            node.putNull("wallet");
        }
        node.set("wallets", wallets);
        node.put("provisional", result.isProvisional());

        switch (format)
        {
            case EMV_MPM:
                renderMpm(node, result.mpm(), registry, signature);
                break;
            case EMV_CPM:
                renderCpm(node, result.cpm());
                break;
            case NUMERIC:
                node.put("length", result.length());
                node.put("code", maskDigits(result));
                break;
            case URL:
                node.put("url", result.buffer().getStringWithoutLengthUtf8(result.offset(), result.length()));
                break;
            default:
                throw new IllegalStateException("format=" + format);
        }
        return node;
    }

    private static void renderMpm(
        final ObjectNode node, final MpmDecoder mpm, final WalletRegistry registry, final SignatureCheck signature)
    {
        final ObjectNode merchant = node.putObject("merchant");
        merchant.put("name", mpm.merchantName());
        merchant.put("city", mpm.merchantCity());
        merchant.put("country", mpm.countryCode());
        merchant.put("mcc", mpm.value(MpmDescriptor.MERCHANT_CATEGORY_CODE));
        merchant.put("currency", mpm.value(MpmDescriptor.TRANSACTION_CURRENCY));
        merchant.put("amount", mpm.transactionAmount());
        merchant.put("postalCode", mpm.postalCode());
        if (mpm.isPresent(MpmDescriptor.LANGUAGE_TEMPLATE))
        {
            final ObjectNode alternate = merchant.putObject("alternateLanguage");
            alternate.put("language", mpm.subValue(MpmDescriptor.LANGUAGE_TEMPLATE, MpmDescriptor.LANGUAGE_PREFERENCE));
            alternate.put("name", mpm.subValue(MpmDescriptor.LANGUAGE_TEMPLATE, MpmDescriptor.ALTERNATE_NAME));
            alternate.put("city", mpm.subValue(MpmDescriptor.LANGUAGE_TEMPLATE, MpmDescriptor.ALTERNATE_CITY));
        }

        final ArrayNode accounts = node.putArray("accounts");
        final MpmTemplateCursor cursor = new MpmTemplateCursor();
        for (int i = 0; i < mpm.idCount(); i++)
        {
            final int id = mpm.idAt(i);
            if (!MpmDescriptor.isMerchantAccount(id))
            {
                continue;
            }
            final ObjectNode account = accounts.addObject();
            account.put("id", twoDigits(id));
            final int participant;
            if (id <= MpmDescriptor.MERCHANT_ACCOUNT_PRIMITIVE_LAST)
            {
                account.put("value", mpm.value(id));
                participant = registry.participantForPrimitiveId(id);
            }
            else
            {
                mpm.findSubField(id, MpmDescriptor.GUI, cursor);
                account.put("gui", cursor.value());
                final String merchantAccount = mpm.subValue(id, 1);
                if (merchantAccount != null)
                {
                    account.put("value", merchantAccount);
                }
                final int entry = registry.guiEntry(mpm.buffer(), cursor.valueOffset(), cursor.valueLength());
                participant = entry == WalletRegistry.NO_PARTICIPANT ? entry : registry.guiParticipant(entry);
            }
            if (participant != WalletRegistry.NO_PARTICIPANT)
            {
                account.put("wallet", registry.participant(participant).id());
            }
        }

        // ID 01 is optional; without it the code declares no single use and is reusable, i.e. static
        // (Pix and other national profiles omit it on static codes and write "12" only on dynamic ones).
        node.put("initiation", mpm.isDynamic() ? "dynamic" : "static");
        if (signature != null)
        {
            node.put("signature", signature.status().wireName());
            if (signature.keyId() != null)
            {
                node.put("signatureKeyId", signature.keyId());
            }
            if (signature.reason() != null)
            {
                node.put("signatureReason", signature.reason());
            }
        }
        node.put("characters", mpm.characters());
    }

    private static void renderCpm(final ObjectNode node, final CpmDecoder cpm)
    {
        final ArrayNode aids = node.putArray("aids");
        final ArrayNode applications = node.putArray("applications");
        for (int app = 0; app < cpm.applicationCount(); app++)
        {
            aids.add(cpm.aidHex(app));
            final ObjectNode application = applications.addObject();
            application.put("aid", cpm.aidHex(app));
            if (cpm.hasApplicationLabel(app))
            {
                application.put("label", cpm.applicationLabel(app));
            }
            application.put("pan", cpm.maskedPan(app));
        }
        node.put("pan", cpm.maskedPan());
    }

    /**
     * Where the error is, in characters from the start of the code (what a person counts in the text they
     * passed); in bytes when the code is not UTF-8 text (raw EMV CPM binary), and for input refused as too long
     * before it was read (the limit is in bytes, and the text past it was never looked at).
     */
    private static int characterOffset(final Classification result)
    {
        final int bytes = result.error().offset() - result.offset();
        if (bytes <= 0 || bytes > result.length() || result.errorCode() == CodeError.TOO_LONG)
        {
            return bytes;
        }
        final int characters = Utf8.countCharacters(result.buffer(), result.offset(), bytes);
        return characters < 0 ? bytes : characters;
    }

    private static String maskDigits(final Classification result)
    {
        final String digits = result.buffer().getStringWithoutLengthAscii(result.offset(), result.length());
        final int visibleTail = Math.min(4, digits.length() / 3);
        final int visibleHead = Math.min(6, digits.length() / 3);
        final StringBuilder sb = new StringBuilder(digits.length());
        sb.append(digits, 0, visibleHead);
        for (int i = visibleHead; i < digits.length() - visibleTail; i++)
        {
            sb.append('*');
        }
        return sb.append(digits, digits.length() - visibleTail, digits.length()).toString();
    }

    private static String twoDigits(final int id)
    {
        return id < 10 ? "0" + id : Integer.toString(id);
    }
}
