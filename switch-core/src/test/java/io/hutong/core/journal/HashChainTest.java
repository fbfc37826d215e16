package io.hutong.core.journal;

import org.agrona.concurrent.UnsafeBuffer;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class HashChainTest
{
    private final UnsafeBuffer record = new UnsafeBuffer(new byte[JournalRecordDescriptor.MAX_LENGTH]);
    private final UnsafeBuffer genesis = new UnsafeBuffer(JournalRecordDescriptor.genesisChain());
    private final HashChain chain = new HashChain();

    @Test
    void shouldHashThePreviousValueTheHeaderTheUsedTextAndTheDetailAsDocumented()
    {
        final int length = sampleRecord();
        chain.compute(genesis, 0, record, 0, length, record, JournalRecordDescriptor.CHAIN_OFFSET);

        final ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.writeBytes(new byte[32]);
        content.write(record.byteArray(), 0, 72);
        content.writeBytes("POS-1".getBytes(StandardCharsets.US_ASCII));
        content.writeBytes("t-1".getBytes(StandardCharsets.US_ASCII));
        content.writeBytes("wechat".getBytes(StandardCharsets.US_ASCII));
        content.writeBytes("134567********6789".getBytes(StandardCharsets.US_ASCII));
        content.writeBytes("hello".getBytes(StandardCharsets.UTF_8));
        final SM3Digest sm3 = new SM3Digest();
        final byte[] bytes = content.toByteArray();
        sm3.update(bytes, 0, bytes.length);
        final byte[] expected = new byte[32];
        sm3.doFinal(expected, 0);

        assertThat(Arrays.copyOfRange(record.byteArray(), 72, 104)).isEqualTo(expected);
        assertThat(chain.matches(genesis, 0, record, 0, length)).isTrue();
    }

    @Test
    void shouldNotMatchWhenAnyHashedByteOrAPaddingByteChanges()
    {
        final int length = sampleRecord();
        chain.compute(genesis, 0, record, 0, length, record, JournalRecordDescriptor.CHAIN_OFFSET);

        for (final int at : new int[]{0, 33, 71, JournalText.TERMINAL_ID.offset(), length - 1})
        {
            record.putByte(at, (byte)(record.getByte(at) ^ 1));
            assertThat(chain.matches(genesis, 0, record, 0, length)).as("byte %d flipped", at).isFalse();
            record.putByte(at, (byte)(record.getByte(at) ^ 1));
        }
        final int padding = JournalText.WALLET_TXN_ID.offset() + 10;
        record.putByte(padding, (byte)'x');
        assertThat(chain.matches(genesis, 0, record, 0, length)).isFalse();
        record.putByte(padding, (byte)0);
        assertThat(chain.matches(genesis, 0, record, 0, length)).isTrue();
        assertThat(chain.matches(new UnsafeBuffer(new byte[32]), 0, record, 0, length)).isTrue();
        assertThat(chain.matches(record, JournalRecordDescriptor.CHAIN_OFFSET, record, 0, length)).isFalse();
    }

    private int sampleRecord()
    {
        return new JournalRecordEncoder().wrap(record, 0).reset()
            .hop(JournalHop.RECEIVED)
            .flow(JournalFlow.CPM)
            .switchTxnId(1)
            .amount(100)
            .terminalId("POS-1")
            .terminalTxnId("t-1")
            .walletId("wechat")
            .maskCode("134567890123456789")
            .detail("hello")
            .encodedLength();
    }
}
