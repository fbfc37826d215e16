package io.hutong.connector.jdpay;

/**
 * Typed reads of a verified inner message's leaves, each failure a {@link JdPayMessageException}: absent or
 * empty required fields are {@code MISSING_FIELD}, malformed ones {@code BAD_FIELD}. Package-private; one per
 * message, not thread-safe.
 */
final class JdPayFieldReader
{
    private final JdPayXml.Element root;

    JdPayFieldReader(final JdPayXml.Element root)
    {
        this.root = root;
    }

    /** A required leaf: present, non-empty, and a leaf. */
    String required(final String name) throws JdPayMessageException
    {
        final String value = optional(name);
        if (null == value)
        {
            throw new JdPayMessageException(JdPayMessageException.Reason.MISSING_FIELD, "field=" + name);
        }
        return value;
    }

    /** An optional leaf: {@code null} when absent or empty. */
    String optional(final String name) throws JdPayMessageException
    {
        final JdPayXml.Element element = root.child(name);
        if (null == element)
        {
            return null;
        }
        if (!element.isLeaf())
        {
            throw new JdPayMessageException(JdPayMessageException.Reason.BAD_FIELD, "field=" + name + ": not text");
        }
        return JdPayChecks.emptyToNull(element.text());
    }

    /** A required amount in fen: decimal digits only, no sign, no fraction. */
    long amount(final String name) throws JdPayMessageException
    {
        final String value = required(name);
        boolean digits = value.length() <= 11;
        for (int i = 0; digits && i < value.length(); i++)
        {
            digits = value.charAt(i) >= '0' && value.charAt(i) <= '9';
        }
        if (!digits)
        {
            throw new JdPayMessageException(JdPayMessageException.Reason.BAD_FIELD,
                "field=" + name + " length=" + value.length() + ": must be fen as 1-11 digits");
        }
        return Long.parseLong(value);
    }

    /** The currency, which must be {@code CNY}. */
    void currencyCny() throws JdPayMessageException
    {
        final String currency = required(JdPayFields.CURRENCY);
        if (!JdPayFields.CNY.equals(currency))
        {
            throw new JdPayMessageException(JdPayMessageException.Reason.BAD_FIELD,
                "currency=" + currency + ": must be CNY");
        }
    }
}
