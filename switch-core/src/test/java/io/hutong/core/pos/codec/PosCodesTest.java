package io.hutong.core.pos.codec;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import io.hutong.connector.DeclineReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wire codes are a contract: pinned here one by one, so renumbering anything fails a test.
 */
class PosCodesTest
{
    @Test
    void shouldPinMessageTemplateIds()
    {
        assertThat(Arrays.stream(PosMessageType.values()).mapToInt(PosMessageType::code))
            .containsExactly(1, 2, 3, 4, 10, 11, 12, 13, 20);
        assertThat(PosMessageType.get(10)).isEqualTo(PosMessageType.PAY);
        assertThat(PosMessageType.get(0)).isNull();
        assertThat(PosMessageType.get(-1)).isNull();
        assertThat(PosMessageType.get(21)).isNull();
        assertThat(PosMessageType.get(0xFFFF)).isNull();
    }

    @Test
    void shouldPinStatusCodes()
    {
        assertThat(Arrays.stream(PosStatus.values()).mapToInt(PosStatus::code)).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(PosStatus.get(0)).isNull();
        assertThat(PosStatus.get(8)).isNull();
        assertThat(PosStatus.APPROVED.isFinal()).isTrue();
        assertThat(PosStatus.REFUNDED.isFinal()).isTrue();
        assertThat(PosStatus.IN_PROGRESS.isFinal()).isFalse();
        assertThat(PosStatus.BUSY.isFinal()).isFalse();
        assertThat(PosStatus.REJECTED.isFinal()).isFalse();
    }

    @Test
    void shouldPinReasonCodes()
    {
        assertThat(PosReason.NONE.code()).isZero();
        assertThat(PosReason.MALFORMED.code()).isEqualTo(1);
        assertThat(PosReason.TOO_LARGE.code()).isEqualTo(2);
        assertThat(PosReason.UNSUPPORTED_VERSION.code()).isEqualTo(3);
        assertThat(PosReason.UNKNOWN_MESSAGE.code()).isEqualTo(4);
        assertThat(PosReason.INVALID_FIELD.code()).isEqualTo(5);
        assertThat(PosReason.UNEXPECTED_MESSAGE.code()).isEqualTo(6);
        assertThat(PosReason.NOT_LOGGED_ON.code()).isEqualTo(7);
        assertThat(PosReason.UNKNOWN_TERMINAL.code()).isEqualTo(8);
        assertThat(PosReason.TERMINAL_MISMATCH.code()).isEqualTo(9);
        assertThat(PosReason.BAD_MAC.code()).isEqualTo(10);
        assertThat(PosReason.REPLAY.code()).isEqualTo(11);
        assertThat(PosReason.TIMESTAMP_STALE.code()).isEqualTo(12);
        assertThat(PosReason.TIMESTAMP_FUTURE.code()).isEqualTo(13);
        assertThat(PosReason.SEQUENCE_GAP.code()).isEqualTo(14);
        assertThat(PosReason.SHUTTING_DOWN.code()).isEqualTo(15);
        assertThat(PosReason.INSUFFICIENT_FUNDS.code()).isEqualTo(101);
        assertThat(PosReason.CONSUMER_CANCELLED.code()).isEqualTo(111);
        assertThat(PosReason.OTHER.code()).isEqualTo(199);
        assertThat(PosReason.UNKNOWN_ISSUER.code()).isEqualTo(201);
        assertThat(PosReason.INVALID_CODE.code()).isEqualTo(202);
        assertThat(PosReason.MODIFIED_REQUEST.code()).isEqualTo(203);
        assertThat(PosReason.DUPLICATE.code()).isEqualTo(204);
        assertThat(PosReason.BUSY.code()).isEqualTo(205);
        assertThat(PosReason.CODE_REUSED.code()).isEqualTo(206);
        assertThat(PosReason.NOT_FOUND.code()).isEqualTo(207);
        assertThat(PosReason.TIMEOUT.code()).isEqualTo(208);
        assertThat(PosReason.INTERNAL.code()).isEqualTo(209);
        assertThat(PosReason.NOT_REVERSIBLE.code()).isEqualTo(210);
        assertThat(PosReason.NOT_REFUNDABLE.code()).isEqualTo(211);
        assertThat(PosReason.REFUND_EXCEEDS_ORIGINAL.code()).isEqualTo(212);
    }

    @ParameterizedTest
    @EnumSource(PosReason.class)
    void shouldLookUpEveryReasonByItsCodeAndFitItsTextInAnErrorFrame(final PosReason reason)
    {
        assertThat(PosReason.get(reason.code())).isSameAs(reason);
        assertThat(reason.text()).hasSizeLessThanOrEqualTo(ErrorDescriptor.MAX_TEXT_LENGTH).matches("[ -~]+");
        assertThat(reason.isProtocolError()).isEqualTo(reason.code() >= 1 && reason.code() <= 99);
    }

    @Test
    void shouldKeepReasonCodesUniqueAndUnknownCodesUnmapped()
    {
        final Set<Integer> codes = new HashSet<>();
        for (final PosReason reason : PosReason.values())
        {
            assertThat(codes.add(reason.code())).as("%s", reason).isTrue();
        }
        assertThat(PosReason.get(16)).isNull();
        assertThat(PosReason.get(198)).isNull();
        assertThat(PosReason.get(213)).isNull();
        assertThat(PosReason.get(-1)).isNull();
    }

    @ParameterizedTest
    @EnumSource(DeclineReason.class)
    void shouldMapEveryWalletDeclineByNameIntoTheWalletRange(final DeclineReason decline)
    {
        final PosReason reason = PosReason.ofDecline(decline);
        assertThat(reason.name()).isEqualTo(decline.name());
        assertThat(reason.code()).isBetween(100, 199);
    }
}
