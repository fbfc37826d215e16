package io.hutong.connector.jdpay;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdPayXmlTest
{
    @Test
    void shouldReadNestedAnswerWithListsAndEmptyLeaves() throws Exception
    {
        final JdPayXml.Element root = read("<?xml version=\"1.0\" encoding=\"UTF-8\"?><jdpay><version>V2.0</version>" +
            "<result><code>000000</code><desc>成功</desc></result><note></note><empty/>" +
            "<payList><pay><payType>2</payType></pay><pay><payType>3</payType></pay></payList></jdpay>");

        assertThat(root.text("version")).isEqualTo("V2.0");
        assertThat(root.child("result").text("desc")).isEqualTo("成功");
        assertThat(root.text("note")).isEmpty();
        assertThat(root.text("empty")).isEmpty();
        assertThat(root.text("absent")).isNull();
        assertThat(root.child("payList").children()).extracting(pay -> pay.text("payType")).containsExactly("2", "3");
        assertThat(root.child("result").isLeaf()).isFalse();
    }

    @Test
    void shouldKeepLeafTextExactlyAndIgnoreIndentationBetweenElements() throws Exception
    {
        final JdPayXml.Element root =
            read("<jdpay>\n  <note>  a &amp; b  </note>\n  <desc><![CDATA[<x>]]></desc>\n</jdpay>");

        assertThat(root.text("note")).isEqualTo("  a & b  ");
        assertThat(root.text("desc")).isEqualTo("<x>");
    }

    @Test
    void shouldRefuseDoctypesAndEntities()
    {
        assertRefused("<?xml version=\"1.0\"?><!DOCTYPE jdpay [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" +
            "<jdpay><note>&x;</note></jdpay>", JdPayMessageException.Reason.DTD_REFUSED);
        assertRefused("<!DOCTYPE jdpay [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>" +
            "<jdpay><note>&b;</note></jdpay>", JdPayMessageException.Reason.DTD_REFUSED);
        assertRefused("<jdpay><note>&undeclared;</note></jdpay>", JdPayMessageException.Reason.MALFORMED,
            JdPayMessageException.Reason.DTD_REFUSED);
    }

    @Test
    void shouldRefuseStructuresJdNeverSends()
    {
        assertRefused("<xml><a>1</a></xml>", JdPayMessageException.Reason.WRONG_ROOT);
        assertRefused("<jdpay><a>1</a><a>2</a></jdpay>", JdPayMessageException.Reason.DUPLICATE_ELEMENT);
        assertRefused("<jdpay><result><code>1</code><code>2</code></result></jdpay>",
            JdPayMessageException.Reason.DUPLICATE_ELEMENT);
        assertRefused("<jdpay>text<a>1</a></jdpay>", JdPayMessageException.Reason.MALFORMED);
        assertRefused("<jdpay><a>1</a>", JdPayMessageException.Reason.MALFORMED);
        assertRefused("<jdpay/><jdpay/>", JdPayMessageException.Reason.MALFORMED);
        assertRefused("not xml", JdPayMessageException.Reason.MALFORMED);
    }

    @Test
    void shouldBoundDepthElementsAndSize()
    {
        assertRefused("<jdpay><a><b><c><d><e><f><g>1</g></f></e></d></c></b></a></jdpay>",
            JdPayMessageException.Reason.MALFORMED);
        assertRefused("<jdpay><payList>" + "<pay>1</pay>".repeat(JdPayXml.MAX_ELEMENTS) + "</payList></jdpay>",
            JdPayMessageException.Reason.MALFORMED);
        assertThatThrownBy(() -> JdPayXml.read(new byte[65], 64))
            .isInstanceOfSatisfying(JdPayMessageException.class,
                ex -> assertThat(ex.reason()).isEqualTo(JdPayMessageException.Reason.TOO_LARGE));
        assertThatThrownBy(() -> JdPayXml.read(new byte[0], 64))
            .isInstanceOfSatisfying(JdPayMessageException.class,
                ex -> assertThat(ex.reason()).isEqualTo(JdPayMessageException.Reason.TOO_LARGE));
        assertThatThrownBy(() -> JdPayXml.read("<jdpay/>", 3))
            .isInstanceOfSatisfying(JdPayMessageException.class,
                ex -> assertThat(ex.reason()).isEqualTo(JdPayMessageException.Reason.TOO_LARGE));
    }

    @Test
    void shouldWriteJdCompactFormWithEscapes() throws Exception
    {
        final String xml = new JdPayXml.Writer(64).leaf("note", "a&b<c>\"'").leaf("empty", "").leaf("absent", null)
            .start("result").leaf("code", "000000").end("result").finish();

        assertThat(xml).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><jdpay><note>a&amp;b&lt;c&gt;\"'</note>" +
            "<empty></empty><result><code>000000</code></result></jdpay>");
        assertThat(JdPayXml.read(xml, 1024).text("note")).isEqualTo("a&b<c>\"'");
    }

    @Test
    void shouldRefuseToWriteWhatCannotBeSigned()
    {
        final JdPayXml.Writer writer = new JdPayXml.Writer(64);

        assertThatThrownBy(() -> writer.leaf("note", "a\nb")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> writer.leaf("note", "a\u0000")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> writer.leaf("bad name", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> writer.leaf("1x", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    private static JdPayXml.Element read(final String xml) throws JdPayMessageException
    {
        return JdPayXml.read(xml.getBytes(StandardCharsets.UTF_8), 4096);
    }

    private static void assertRefused(final String xml, final JdPayMessageException.Reason... reasons)
    {
        assertThatThrownBy(() -> JdPayXml.read(xml.getBytes(StandardCharsets.UTF_8), 64 * 1024))
            .isInstanceOfSatisfying(JdPayMessageException.class, ex -> assertThat(ex.reason()).isIn((Object[])reasons));
        assertThatThrownBy(() -> JdPayXml.read(xml, 64 * 1024))
            .isInstanceOfSatisfying(JdPayMessageException.class, ex -> assertThat(ex.reason()).isIn((Object[])reasons));
    }
}
