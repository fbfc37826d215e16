package io.hutong.core.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Name-to-name tables between enums: total with a fallback, refused without one when a name is missing.
 */
class EnumTablesTest
{
    enum Source
    {
        A, B, C
    }

    enum Target
    {
        C, A, OTHER
    }

    @Test
    void shouldMapByNameAndFallBackForMissingNames()
    {
        final Target[] table = EnumTables.byName(Source.class, Target.class, Target.OTHER);

        assertThat(table).containsExactly(Target.A, Target.OTHER, Target.C);
    }

    @Test
    void shouldNameTheFirstMissingConstantWithoutAFallback()
    {
        assertThatThrownBy(() -> EnumTables.byName(Source.class, Target.class, null))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("Source.B: no Target of that name");
    }
}
