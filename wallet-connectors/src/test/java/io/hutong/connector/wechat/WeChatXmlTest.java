package io.hutong.connector.wechat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WeChatXmlTest
{
    @Test
    void shouldWriteStringsInCdataAndIntegersPlain()
    {
        final LinkedHashMap<String, String> fields = new LinkedHashMap<>();
        fields.put("return_code", "SUCCESS");
        fields.put("total_fee", "1");
        fields.put("attach", "");

        assertThat(WeChatXml.write(fields)).isEqualTo(
            "<xml><return_code><![CDATA[SUCCESS]]></return_code><total_fee>1</total_fee><attach></attach></xml>");
    }

    @Test
    void shouldRoundTripChineseBodyAndCdataTerminator() throws Exception
    {
        final LinkedHashMap<String, String> fields = new LinkedHashMap<>();
        fields.put("body", "腾讯充值中心-QQ会员充值");
        fields.put("attach", "a]]>b]]>]]>c<&>'\"");
        fields.put("total_fee", "888");
        fields.put("negative", "-5");

        final String xml = WeChatXml.write(fields);
        assertThat(xml).contains("]]]]><![CDATA[>");
        assertThat(WeChatXml.read(xml)).containsExactlyEntriesOf(fields);
        assertThat(WeChatXml.read(xml.getBytes(StandardCharsets.UTF_8))).containsExactlyEntriesOf(fields);
        assertThat(WeChatXml.read(WeChatXml.writeUtf8(fields))).containsExactlyEntriesOf(fields);
    }

    @Test
    void shouldReadPrettyPrintedPlainTextAnyOrder() throws Exception
    {
        final String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" +
            "<!-- sent by a POS -->\n" +
            "<xml>\n" +
            "    <total_fee>\n        100\n    </total_fee>\n" +
            "    <appid><![CDATA[wx2421b1c4370ec43b]]></appid>\n" +
            "    <body>a &amp; b</body>\n" +
            "    <empty/>\n" +
            "</xml>\n";

        final Map<String, String> fields = WeChatXml.read(xml.getBytes(StandardCharsets.UTF_8));

        assertThat(fields).containsExactly(
            Map.entry("total_fee", "100"),
            Map.entry("appid", "wx2421b1c4370ec43b"),
            Map.entry("body", "a & b"),
            Map.entry("empty", ""));
    }

    @Test
    void shouldReadGbkDeclaredInput() throws Exception
    {
        final byte[] gbk = "<?xml version=\"1.0\" encoding=\"GBK\"?><xml><body>测试</body></xml>"
            .getBytes("GBK");

        assertThat(WeChatXml.read(gbk)).containsEntry("body", "测试");
    }

    @Test
    void shouldRefuseExternalEntity()
    {
        final String xxe = "<?xml version=\"1.0\"?>\n" +
            "<!DOCTYPE xml [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n" +
            "<xml><body>&xxe;</body></xml>";

        assertRefused(xxe, WeChatMessageException.Reason.DTD_REFUSED);
    }

    @Test
    void shouldRefuseExternalDtd()
    {
        assertRefused("<!DOCTYPE xml SYSTEM \"http://127.0.0.1:1/evil.dtd\"><xml><a>1</a></xml>",
            WeChatMessageException.Reason.DTD_REFUSED);
    }

    @Test
    void shouldRefuseBillionLaughs()
    {
        final String bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE xml [\n" +
            " <!ENTITY lol \"lol\">\n" +
            " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n" +
            " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n" +
            " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n" +
            " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n" +
            " <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n" +
            " <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n" +
            " <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n" +
            " <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n" +
            " <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n" +
            "]>\n<xml><body>&lol9;</body></xml>";

        assertRefused(bomb, WeChatMessageException.Reason.DTD_REFUSED);
    }

    @Test
    void shouldRefuseUndeclaredEntityWithoutDtd()
    {
        assertThatThrownBy(() -> WeChatXml.read("<xml><body>&xxe;</body></xml>"))
            .isInstanceOf(WeChatMessageException.class);
    }

    @Test
    void shouldRefuseWrongRoot()
    {
        assertRefused("<root><a>1</a></root>", WeChatMessageException.Reason.WRONG_ROOT);
    }

    @Test
    void shouldRefuseNestedElement()
    {
        assertRefused("<xml><detail><goods>1</goods></detail></xml>", WeChatMessageException.Reason.NESTED_ELEMENT);
    }

    @Test
    void shouldRefuseDuplicateKey()
    {
        assertRefused("<xml><total_fee>1</total_fee><total_fee>100</total_fee></xml>",
            WeChatMessageException.Reason.DUPLICATE_KEY);
    }

    @Test
    void shouldRefuseMalformedInput()
    {
        assertRefused("<xml><a>1</b></xml>", WeChatMessageException.Reason.MALFORMED);
        assertRefused("not xml at all", WeChatMessageException.Reason.MALFORMED);
        assertRefused("{\"return_code\":\"SUCCESS\"}", WeChatMessageException.Reason.MALFORMED);
        assertRefused("<xml><a>1</a>", WeChatMessageException.Reason.MALFORMED);
    }

    @Test
    void shouldRefuseOversizeAndEmptyInput()
    {
        final StringBuilder big = new StringBuilder("<xml><body><![CDATA[");
        while (big.length() <= WeChatXml.MAX_MESSAGE_BYTES)
        {
            big.append("0123456789");
        }
        big.append("]]></body></xml>");

        assertRefused(big.toString(), WeChatMessageException.Reason.TOO_LARGE);
        assertThatThrownBy(() -> WeChatXml.read(big.toString().getBytes(StandardCharsets.UTF_8)))
            .isInstanceOfSatisfying(WeChatMessageException.class,
                ex -> assertThat(ex.reason()).isEqualTo(WeChatMessageException.Reason.TOO_LARGE));
        assertThatThrownBy(() -> WeChatXml.read(new byte[0]))
            .isInstanceOfSatisfying(WeChatMessageException.class,
                ex -> assertThat(ex.reason()).isEqualTo(WeChatMessageException.Reason.TOO_LARGE));
    }

    @Test
    void shouldRefuseBadKeysAndControlCharactersOnWrite()
    {
        assertThatIllegalArgumentException().isThrownBy(() -> WeChatXml.write(Map.of("a b", "1")))
            .withMessageContaining("key=a b");
        assertThatIllegalArgumentException().isThrownBy(() -> WeChatXml.write(Map.of("body", "a\u0000b")))
            .withMessageContaining("key=body");
    }

    private static void assertRefused(final String xml, final WeChatMessageException.Reason reason)
    {
        assertThatThrownBy(() -> WeChatXml.read(xml))
            .isInstanceOfSatisfying(WeChatMessageException.class, ex -> assertThat(ex.reason()).isEqualTo(reason));
        assertThatThrownBy(() -> WeChatXml.read(xml.getBytes(StandardCharsets.UTF_8)))
            .isInstanceOf(WeChatMessageException.class);
    }
}
