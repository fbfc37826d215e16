package io.hutong.core.pos.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.hutong.core.pos.codec.FrameMac;
import io.hutong.core.pos.codec.PosExample;
import io.hutong.core.pos.codec.PosMessageType;
import io.hutong.core.pos.codec.PosReason;
import io.hutong.core.pos.codec.PosStatus;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worked example of docs/pos-protocol.md, produced by the sessions and compared with hex whose MACs and
 * session keys were computed independently (OpenSSL 3.0.19 {@code openssl mac -digest SM3 ... HMAC} and Python
 * {@code hmac.new(key, data, "sm3")}), and with the document itself, so the spec cannot drift from the code.
 */
class PosWorkedExampleTest
{
    static final String T2S_KEY = "9c997def11b371f3eeadbfa44ea9991a020f7bedf1bf35e7445ee7443088b2ed";
    static final String S2T_KEY = "b6655aae12cbcba61f4697af9570f2a4b7364aaa433553aba0c4a4050d7ab9c1";

    static final String LOGON = "640001000100000000001800280053484f50303030312d4c414e45303100a0a1a2a3a4a5a6a7a8a9aaab" +
        "acadaeaf00a8da769b0100000e006875746f6e672d706f7320312e306b36741e1bb70d9f9ecdc81da04a48a8cc3917313d34adede9" +
        "7a12010276bd5d";
    static final String LOGON_ACK = "560002000100000000001a001a0053484f50303030312d4c414e45303100b0b1b2b3b4b5b6b7b8b9" +
        "babbbcbdbebffaa8da769b0100001e0022ce23af47e269538cf56a81f322462d7dba5d088f72e1987e25da14a7b3263e";
    static final String PAY = "a2000a000100010000004a00660053484f50303030312d4c414e45303100d2040000000000009c0054323032" +
        "36303130312d303030303031000000000000000000000000000000004d31303030303030303100000000000000000000000000000000" +
        "00000000000012003133343536373839303132333435363738390600e59296e595a10500022af980ad2b1f5321b0130405b9a81b66" +
        "24cda302e92fb923000a320d54";
    static final String RESULT = "a30014000100010000004900670053484f50303030312d4c414e45303100e903000000000000d20400" +
        "0000000000010000000a000000015432303236303130312d303030303031000000000000000000000000000000007765636861740000" +
        "00000000000000001c003432303030303132333432303236303130313030303030303030303150b9bcff08e2a1dafb3c28191b1138" +
        "af8e3cd56ae8ac4c02a12b0a515c2be79b";

    /** The switch's answer to the same Logon had it not known the terminal: unauthenticated, zero MAC. */
    static final String ERROR = "5600040001000000000008001a0053484f50303030312d4c414e4530310008000100000000001000756e" +
        "6b6e6f776e207465726d696e616c0000000000000000000000000000000000000000000000000000000000000000";

    private final UnsafeBuffer out = new UnsafeBuffer(new byte[512]);

    @Test
    void shouldReproduceTheWorkedExampleByteForByte()
    {
        final TerminalKey key = TerminalKey.of(PosExample.TERMINAL_ID, PosExample.key());
        final LogonVerifier verifier =
            new LogonVerifier(TerminalKeys.builder().add(key).build(), () -> PosExample.SWITCH_TIME_MS, 60_000, 16);
        final SwitchSession switchSide =
            new SwitchSession(verifier, (b, o) -> b.putBytes(o, PosExample.switchNonce(), 0, 16), 30);
        final TerminalSession terminal = new TerminalSession(
            key, () -> PosExample.LOGON_TIME_MS, (b, o) -> b.putBytes(o, PosExample.terminalNonce(), 0, 16));

        int length = terminal.encodeLogon(out, 0, PosExample.SOFTWARE_VERSION);
        assertThat(PosExample.hex(out, 0, length)).isEqualTo(LOGON);
        assertThat(switchSide.onFrame(out, 2, length - 2)).isEqualTo(PosReason.NONE);

        length = switchSide.encodeLogonAck(out, 0);
        assertThat(PosExample.hex(out, 0, length)).isEqualTo(LOGON_ACK);
        assertThat(terminal.onFrame(out, 2, length - 2)).isEqualTo(PosReason.NONE);

        terminal.pay(out, 0).amount(PosExample.AMOUNT).currency(156).terminalTxnId(PosExample.TERMINAL_TXN_ID)
            .merchantId(PosExample.MERCHANT_ID).code(PosExample.CODE).subject(PosExample.SUBJECT);
        length = terminal.commit();
        assertThat(PosExample.hex(out, 0, length)).isEqualTo(PAY);
        assertThat(switchSide.onFrame(out, 2, length - 2)).isEqualTo(PosReason.NONE);

        switchSide.result(out, 0).switchTxnId(PosExample.SWITCH_TXN_ID).amount(PosExample.AMOUNT).refSequence(1)
            .refTemplateId(PosMessageType.PAY.code()).reason(PosReason.NONE).status(PosStatus.APPROVED)
            .terminalTxnId(PosExample.TERMINAL_TXN_ID).walletId(PosExample.WALLET_ID)
            .walletTxnId(PosExample.WALLET_TXN_ID);
        length = switchSide.commit();
        assertThat(PosExample.hex(out, 0, length)).isEqualTo(RESULT);
        assertThat(terminal.onFrame(out, 2, length - 2)).isEqualTo(PosReason.NONE);
    }

    @Test
    void shouldAnswerAnUnknownTerminalWithTheDocumentedError()
    {
        final LogonVerifier verifier =
            new LogonVerifier(TerminalKeys.builder().build(), () -> PosExample.SWITCH_TIME_MS, 60_000, 16);
        final SwitchSession switchSide = new SwitchSession(verifier, NonceSource.secureRandom(), 30);
        final UnsafeBuffer logon = PosExample.fromHex(LOGON);

        assertThat(switchSide.onFrame(logon, 2, logon.capacity() - 2)).isEqualTo(PosReason.UNKNOWN_TERMINAL);
        final int length = switchSide.encodeError(out, 0, PosReason.UNKNOWN_TERMINAL);
        assertThat(PosExample.hex(out, 0, length)).isEqualTo(ERROR);
    }

    @Test
    void shouldDeriveTheDocumentedSessionKeys()
    {
        final FrameMac terminalKeyMac = new FrameMac().init(PosExample.key(), 0, 16);
        final byte[] t2s = new byte[32];
        final byte[] s2t = new byte[32];
        SessionKeys.derive(terminalKeyMac, PosExample.terminalNonce(), 0, PosExample.switchNonce(), 0, t2s, s2t);

        assertThat(PosExample.hex(new UnsafeBuffer(t2s), 0, 32)).isEqualTo(T2S_KEY);
        assertThat(PosExample.hex(new UnsafeBuffer(s2t), 0, 32)).isEqualTo(S2T_KEY);
    }

    @Test
    void shouldPrintTheSameExampleInTheProtocolDocument() throws IOException
    {
        final Path document = Path.of("..", "docs", "pos-protocol.md");
        final String text = Files.readString(document, StandardCharsets.UTF_8).replaceAll("\\s", "");
        for (final String hex : new String[]{ LOGON, LOGON_ACK, PAY, RESULT, ERROR, T2S_KEY, S2T_KEY })
        {
            assertThat(text).contains(hex);
        }
    }
}
