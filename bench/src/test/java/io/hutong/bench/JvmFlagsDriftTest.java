package io.hutong.bench;

import io.hutong.bench.codec.classify.ClassifyBenchmark;
import io.hutong.bench.core.EnginePathBenchmark;
import io.hutong.bench.core.JournalAppendBenchmark;
import io.hutong.bench.connector.alipay.AlipayCodecBenchmark;
import io.hutong.bench.connector.alipay.AlipaySignBenchmark;
import io.hutong.bench.connector.gm.GmCodecBenchmark;
import io.hutong.bench.connector.gm.GmSignatureBenchmark;
import io.hutong.bench.connector.jdpay.JdPayCodecBenchmark;
import io.hutong.bench.connector.jdpay.JdPaySignBenchmark;
import io.hutong.bench.connector.unionpay.UnionPayCodecBenchmark;
import io.hutong.bench.connector.unionpay.UnionPaySignBenchmark;
import io.hutong.bench.connector.wechat.WeChatCodecBenchmark;
import io.hutong.bench.connector.wechat.WeChatSignBenchmark;
import io.hutong.bench.codec.emv.cpm.CpmDecodeBenchmark;
import io.hutong.bench.codec.emv.mpm.MpmDecodeBenchmark;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Fork;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.lang.annotation.Inherited;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The flags every JMH fork gets ({@link ForkedBenchmark}) must be exactly the parent POM's {@code hutong.jvm.flags}.
 */
class JvmFlagsDriftTest
{
    @Test
    void shouldForkWithExactlyTheParentPomJvmFlags() throws Exception
    {
        final Fork fork = ForkedBenchmark.class.getAnnotation(Fork.class);

        assertThat(fork).as("@Fork on ForkedBenchmark").isNotNull();
        assertThat(Arrays.asList(fork.jvmArgsAppend()))
            .as("ForkedBenchmark @Fork(jvmArgsAppend) against hutong.jvm.flags in the parent pom.xml")
            .containsExactlyElementsOf(parentPomJvmFlags());
    }

    @Test
    void shouldBeInheritedByEveryBenchmark()
    {
        assertThat(Fork.class.isAnnotationPresent(Inherited.class)).isTrue();
        assertThat(ForkedBenchmark.class)
            .isAssignableFrom(MpmDecodeBenchmark.class)
            .isAssignableFrom(CpmDecodeBenchmark.class)
            .isAssignableFrom(ClassifyBenchmark.class)
            .isAssignableFrom(WeChatSignBenchmark.class)
            .isAssignableFrom(WeChatCodecBenchmark.class)
            .isAssignableFrom(AlipaySignBenchmark.class)
            .isAssignableFrom(AlipayCodecBenchmark.class)
            .isAssignableFrom(GmSignatureBenchmark.class)
            .isAssignableFrom(GmCodecBenchmark.class)
            .isAssignableFrom(UnionPaySignBenchmark.class)
            .isAssignableFrom(UnionPayCodecBenchmark.class)
            .isAssignableFrom(JdPaySignBenchmark.class)
            .isAssignableFrom(JdPayCodecBenchmark.class)
            .isAssignableFrom(EnginePathBenchmark.class)
            .isAssignableFrom(JournalAppendBenchmark.class);
    }

    private static List<String> parentPomJvmFlags() throws Exception
    {
        // Surefire runs with the module directory as basedir; the parent POM is one level up.
        final Path pom = Path.of(System.getProperty("basedir", ".")).resolve("../pom.xml").normalize();
        assertThat(pom).as("parent POM").isRegularFile();

        final DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setNamespaceAware(true);
        final Document document;
        try (InputStream in = Files.newInputStream(pom))
        {
            document = factory.newDocumentBuilder().parse(in);
        }
        final NodeList nodes = document.getElementsByTagNameNS("*", "hutong.jvm.flags");
        assertThat(nodes.getLength()).as("hutong.jvm.flags properties in " + pom).isEqualTo(1);
        return List.of(nodes.item(0).getTextContent().trim().split("\\s+"));
    }
}
