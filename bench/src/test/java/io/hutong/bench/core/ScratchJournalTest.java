package io.hutong.bench.core;

import io.hutong.core.journal.JournalHop;
import io.hutong.core.journal.JournalSyncMode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A trial's journal must start empty and leave nothing behind.
 */
class ScratchJournalTest
{
    @Test
    void shouldStartEmptyAndDeleteEverythingOnClose()
    {
        final Path directory;
        try (ScratchJournal journal = ScratchJournal.open(JournalSyncMode.NONE))
        {
            directory = journal.directory();
            assertThat(journal.writer().lastIndex()).isEqualTo(-1);

            journal.writer().appendAudit(JournalHop.STARTED, "scratch");

            assertThat(JournalLines.read(directory)).extracting(JournalLines.Line::hop)
                .containsExactly(JournalHop.STARTED);
        }

        assertThat(directory).doesNotExist();
    }
}
