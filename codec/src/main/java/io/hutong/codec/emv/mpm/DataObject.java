package io.hutong.codec.emv.mpm;

import java.util.List;
import java.util.Objects;

/**
 * One EMV MPM data object as a value: a primitive (ID and text) or a template (ID and nested objects).
 * Used to build payloads and to compare them in tests; the hot path reads {@link MpmDecoder} in place.
 * Immutable; thread-safe.
 *
 * @param id       00..99.
 * @param value    the text of a primitive, null for a template.
 * @param children the nested objects of a template, empty for a primitive.
 */
public record DataObject(int id, String value, List<DataObject> children)
{
    /**
     * Validating constructor.
     *
     * @param id       00..99.
     * @param value    the text of a primitive, null for a template.
     * @param children the nested objects of a template, empty for a primitive.
     */
    public DataObject
    {
        if (id < 0 || id > 99)
        {
            throw new IllegalArgumentException("id=" + id + ": must be 00..99");
        }
        children = List.copyOf(children);
        if ((value == null) == children.isEmpty())
        {
            throw new IllegalArgumentException("id=" + id + ": exactly one of value or children");
        }
    }

    /**
     * @param id    00..99.
     * @param value 1..99 characters.
     * @return a primitive data object.
     */
    public static DataObject primitive(final int id, final String value)
    {
        return new DataObject(id, Objects.requireNonNull(value, "value"), List.of());
    }

    /**
     * @param id       a template ID.
     * @param children nested primitives.
     * @return a template data object.
     */
    public static DataObject template(final int id, final List<DataObject> children)
    {
        return new DataObject(id, null, children);
    }

    /**
     * @return true if this object holds nested objects.
     */
    public boolean isTemplate()
    {
        return value == null;
    }

    /**
     * @param subId a nested ID.
     * @return the nested value, or null.
     */
    public String child(final int subId)
    {
        for (final DataObject child : children)
        {
            if (child.id == subId)
            {
                return child.value;
            }
        }
        return null;
    }
}
