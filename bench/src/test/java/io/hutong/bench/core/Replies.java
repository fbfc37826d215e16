package io.hutong.bench.core;

import io.hutong.core.pos.auth.TerminalSession;
import io.hutong.core.pos.codec.PosFrameDescriptor;
import io.hutong.core.pos.codec.PosMessageType;
import io.hutong.core.pos.codec.PosReason;
import io.hutong.core.pos.codec.ResultDecoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The terminal's side of an answer, for the smoke tests: the last Result frame must pass the terminal's own checks
 * (terminal id, MAC under the switch-to-terminal key, next sequence, body rules), and be the first answer to its
 * request, not the REPEAT answer the switch gives a request it has seen.
 */
final class Replies
{
    private Replies()
    {
    }

    /**
     * @param terminal the terminal, expecting the switch's next sequence.
     * @param frontEnd the switch's end, holding the last Result frame.
     * @return the decoded Result, valid until the terminal's next frame.
     */
    static ResultDecoder accept(final TerminalSession terminal, final PosFrontEnd frontEnd)
    {
        assertThat(frontEnd.replyLength()).as("reply length").isPositive();
        assertThat(terminal.onFrame(frontEnd.replyBuffer(), PosFrameDescriptor.LENGTH_FIELD_LENGTH,
            frontEnd.replyLength() - PosFrameDescriptor.LENGTH_FIELD_LENGTH)).isEqualTo(PosReason.NONE);
        assertThat(terminal.frame().messageType()).isEqualTo(PosMessageType.RESULT);
        assertThat(terminal.frame().isRepeat()).as("answered from the records of an earlier payment").isFalse();
        return terminal.frame().result();
    }
}
