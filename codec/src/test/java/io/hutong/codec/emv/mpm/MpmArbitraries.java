package io.hutong.codec.emv.mpm;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * jqwik generators of VALID EMV MPM payload models ({@link MpmPayload}): the mandatory data objects, one to
 * three merchant accounts (primitive 02..25 with opaque values, templates 26..51 with a GUI), optional
 * 01/54/55-57/61/62/64/80..99, Unicode text within each field's limit (CJK, Latin-1, emoji), everything
 * between ID 00 and the CRC in random order, and never more than 512 characters.
 */
final class MpmArbitraries
{
    private static final int HEADER = MpmDescriptor.HEADER_LENGTH;
    /** Characters left for everything but ID 00 ("000201") and the CRC ("6304XXXX"). */
    private static final int BUDGET = MpmDescriptor.MAX_PAYLOAD_CHARACTERS - 6 - 8;

    private MpmArbitraries()
    {
    }

    static Arbitrary<MpmPayload> validPayloads()
    {
        return Combinators.combine(mandatory(), merchantAccounts(), optionalGroups())
            .as(MpmArbitraries::fit)
            .flatMap(middle -> Arbitraries.shuffle(middle))
            .map(middle ->
            {
                final List<DataObject> objects = new ArrayList<>();
                objects.add(DataObject.primitive(MpmDescriptor.PAYLOAD_FORMAT_INDICATOR, "01"));
                objects.addAll(middle);
                return new MpmPayload(objects);
            });
    }

    /**
     * Text of 1..max characters (code points) that any field may hold: no control characters.
     */
    static Arbitrary<String> text(final int min, final int max)
    {
        return codePoints().list().ofMinSize(min).ofMaxSize(max).map(MpmArbitraries::fromCodePoints);
    }

    static Arbitrary<Integer> codePoints()
    {
        return Arbitraries.frequencyOf(
            range(8, 0x20, 0x7E),
            range(1, 0xA0, 0xFF),
            range(2, 0x4E00, 0x9FA5),
            range(1, 0x1F300, 0x1F64F));
    }

    /**
     * Characters to mutate a payload with: digits and letters that keep it plausible, and the troublemakers.
     */
    static Arbitrary<Integer> replacementCodePoints()
    {
        return Arbitraries.frequencyOf(
            range(6, '0', '9'),
            range(3, 'A', 'Z'),
            range(1, 'a', 'z'),
            range(1, 0x00, 0x1F),
            weighted(1, Arbitraries.of((int)'.', (int)' ', 0x7F, 0x85, 0xFEFF)),
            range(1, 0x4E00, 0x9FA5),
            range(1, 0x1F600, 0x1F64F));
    }

    private static Arbitrary<List<DataObject>> mandatory()
    {
        return Combinators.combine(
            digits(4).map(v -> DataObject.primitive(MpmDescriptor.MERCHANT_CATEGORY_CODE, v)),
            digits(3).map(v -> DataObject.primitive(MpmDescriptor.TRANSACTION_CURRENCY, v)),
            Arbitraries.strings().withCharRange('A', 'Z').ofLength(2)
                .map(v -> DataObject.primitive(MpmDescriptor.COUNTRY_CODE, v)),
            text(1, 25).map(v -> DataObject.primitive(MpmDescriptor.MERCHANT_NAME, v)),
            text(1, 15).map(v -> DataObject.primitive(MpmDescriptor.MERCHANT_CITY, v)))
            .as(List::of);
    }

    private static Arbitrary<List<DataObject>> merchantAccounts()
    {
        final Arbitrary<DataObject> primitive = Arbitraries.integers().between(2, 25)
            .flatMap(id -> Arbitraries.oneOf(text(1, 40), tlvLooking()).map(v -> DataObject.primitive(id, v)));
        final Arbitrary<DataObject> template = Arbitraries.integers().between(26, 51).flatMap(MpmArbitraries::guiTemplate);
        return Arbitraries.oneOf(primitive, template).list().ofMinSize(1).ofMaxSize(3).uniqueElements(DataObject::id);
    }

    /**
     * Optional data objects, each group valid on its own (55 travels with the 56 or 57 it requires).
     */
    private static Arbitrary<List<List<DataObject>>> optionalGroups()
    {
        final Arbitrary<List<DataObject>> initiation = Arbitraries.of("11", "12")
            .map(v -> List.of(DataObject.primitive(MpmDescriptor.POINT_OF_INITIATION, v)));
        final Arbitrary<List<DataObject>> amount = amounts()
            .map(v -> List.of(DataObject.primitive(MpmDescriptor.TRANSACTION_AMOUNT, v)));
        final Arbitrary<List<DataObject>> postalCode = Arbitraries.strings().alpha().numeric().ofMinLength(1)
            .ofMaxLength(10).map(v -> List.of(DataObject.primitive(MpmDescriptor.POSTAL_CODE, v)));
        final Arbitrary<List<DataObject>> unreserved = Arbitraries.integers().between(80, 99)
            .flatMap(MpmArbitraries::guiTemplate).list().ofMaxSize(3).uniqueElements(DataObject::id);

        return Combinators.combine(
            optional(initiation), optional(amount), optional(tipOrConvenienceFee()), optional(postalCode),
            optional(additionalData().map(List::of)), optional(languageTemplate().map(List::of)), unreserved)
            .as((a, b, c, d, e, f, g) ->
            {
                final List<List<DataObject>> groups = new ArrayList<>(List.of(a, b, c, d, e, f));
                g.forEach(template -> groups.add(List.of(template)));
                return groups;
            });
    }

    private static Arbitrary<List<DataObject>> tipOrConvenienceFee()
    {
        return Arbitraries.oneOf(
            Arbitraries.just(List.of(DataObject.primitive(55, "01"))),
            amounts().map(v -> List.of(DataObject.primitive(55, "02"), DataObject.primitive(56, v))),
            Arbitraries.integers().between(1, 9999)
                .map(v -> List.of(DataObject.primitive(55, "03"), DataObject.primitive(57, (v / 100) + "." + pad(v % 100)))));
    }

    private static Arbitrary<DataObject> additionalData()
    {
        final Arbitrary<DataObject> child = Arbitraries.oneOf(
            Arbitraries.integers().between(1, 11), Arbitraries.integers().between(50, 99))
            .flatMap(id -> additionalDataValue(id).map(v -> DataObject.primitive(id, v)));
        return child.list().ofMinSize(1).ofMaxSize(5).uniqueElements(DataObject::id)
            .map(children -> DataObject.template(MpmDescriptor.ADDITIONAL_DATA, trim(children, MpmDescriptor.MAX_VALUE_LENGTH)));
    }

    private static Arbitrary<String> additionalDataValue(final int subId)
    {
        if (subId == MpmDescriptor.CONSUMER_DATA_REQUEST)
        {
            return Arbitraries.subsetOf("A", "M", "E").ofMinSize(1)
                .flatMap(letters -> Arbitraries.shuffle(new ArrayList<>(letters))).map(letters -> String.join("", letters));
        }
        return text(1, Math.min(30, MpmDescriptor.additionalDataMaxLength(subId)));
    }

    private static Arbitrary<DataObject> languageTemplate()
    {
        return Combinators.combine(
            Arbitraries.strings().withCharRange('A', 'Z').withCharRange('a', 'z').ofLength(2),
            text(1, 25),
            text(1, 15).injectNull(0.4))
            .as((language, name, city) ->
            {
                final List<DataObject> children = new ArrayList<>();
                children.add(DataObject.primitive(MpmDescriptor.LANGUAGE_PREFERENCE, language));
                children.add(DataObject.primitive(MpmDescriptor.ALTERNATE_NAME, name));
                if (city != null)
                {
                    children.add(DataObject.primitive(MpmDescriptor.ALTERNATE_CITY, city));
                }
                return children;
            })
            .flatMap(children -> Arbitraries.shuffle(children))
            .map(children -> DataObject.template(MpmDescriptor.LANGUAGE_TEMPLATE, children));
    }

    /**
     * A template whose sub-ID 00 is a GUI (merchant account 26..51 or unreserved 80..99).
     */
    private static Arbitrary<DataObject> guiTemplate(final int id)
    {
        final Arbitrary<DataObject> child = Arbitraries.integers().between(1, 99)
            .flatMap(subId -> Arbitraries.oneOf(text(1, 30), tlvLooking()).map(v -> DataObject.primitive(subId, v)));
        return Combinators.combine(gui(), child.list().ofMaxSize(4).uniqueElements(DataObject::id))
            .as((gui, children) ->
            {
                final List<DataObject> all = new ArrayList<>();
                all.add(DataObject.primitive(MpmDescriptor.GUI, gui));
                all.addAll(children);
                return DataObject.template(id, trim(all, MpmDescriptor.MAX_VALUE_LENGTH));
            });
    }

    private static Arbitrary<String> gui()
    {
        return Arbitraries.oneOf(
            Arbitraries.of("br.gov.bcb.pix", "SG.PAYNOW", "SG.COM.NETS", "D15600000000", "A000000677010112",
                "COM.QQ.WEIXIN.PAY", "A0000000031010"),
            Arbitraries.strings().withChars("0123456789ABCDEF").ofMinLength(5).ofMaxLength(32).map(v -> "A0" + v)
                .map(v -> v.substring(0, Math.min(32, v.length()))),
            Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(10)
                .map(v -> "cn.hutong." + v),
            Arbitraries.longs().tuple2().map(t -> String.format("%016x%016x", t.get1(), t.get2())));
    }

    private static Arbitrary<String> amounts()
    {
        return Combinators.combine(Arbitraries.longs().between(1, 99_999_999_999L), Arbitraries.integers().between(0, 2))
            .as((minor, scale) -> BigDecimal.valueOf(minor, scale).toPlainString());
    }

    /**
     * Values that a careless parser would take for nested data objects.
     */
    private static Arbitrary<String> tlvLooking()
    {
        return Arbitraries.of("0012ABCDEFGHIJKL", "0099X", "00", "6304ABCD", "62000000", "0002010102", "2605000", "9");
    }

    private static Arbitrary<String> digits(final int length)
    {
        return Arbitraries.strings().numeric().ofLength(length);
    }

    private static Arbitrary<List<DataObject>> optional(final Arbitrary<List<DataObject>> group)
    {
        return Arbitraries.frequencyOf(weighted(1, Arbitraries.just(List.<DataObject>of())), weighted(1, group));
    }

    private static Tuple2<Integer, Arbitrary<? extends Integer>> range(final int weight, final int from, final int to)
    {
        return weighted(weight, Arbitraries.integers().between(from, to));
    }

    private static <T> Tuple2<Integer, Arbitrary<? extends T>> weighted(final int weight, final Arbitrary<? extends T> arbitrary)
    {
        return Tuple.of(weight, arbitrary);
    }

    /**
     * Keep the mandatory objects and the first merchant account, then add the other groups while the
     * payload stays within 512 characters.
     */
    private static List<DataObject> fit(
        final List<DataObject> mandatory, final List<DataObject> accounts, final List<List<DataObject>> optional)
    {
        final List<DataObject> middle = new ArrayList<>(mandatory);
        middle.add(accounts.get(0));
        int used = characters(middle);
        final List<List<DataObject>> candidates = new ArrayList<>();
        accounts.subList(1, accounts.size()).forEach(account -> candidates.add(List.of(account)));
        candidates.addAll(optional);
        for (final List<DataObject> group : candidates)
        {
            final int size = characters(group);
            if (used + size <= BUDGET)
            {
                middle.addAll(group);
                used += size;
            }
        }
        return middle;
    }

    private static List<DataObject> trim(final List<DataObject> children, final int maxCharacters)
    {
        final List<DataObject> kept = new ArrayList<>();
        int used = 0;
        for (final DataObject child : children)
        {
            final int size = characters(child);
            if (used + size <= maxCharacters)
            {
                kept.add(child);
                used += size;
            }
        }
        return kept;
    }

    static int characters(final List<DataObject> objects)
    {
        int total = 0;
        for (final DataObject object : objects)
        {
            total += characters(object);
        }
        return total;
    }

    static int characters(final DataObject object)
    {
        return HEADER + (object.isTemplate() ? characters(object.children()) :
            object.value().codePointCount(0, object.value().length()));
    }

    private static String fromCodePoints(final List<Integer> codePoints)
    {
        final StringBuilder text = new StringBuilder(codePoints.size() * 2);
        codePoints.forEach(text::appendCodePoint);
        return text.toString();
    }

    private static String pad(final int twoDigits)
    {
        return twoDigits < 10 ? "0" + twoDigits : String.valueOf(twoDigits);
    }
}
