package io.hutong.bench;

import org.openjdk.jmh.annotations.Fork;

/**
 * Base of every benchmark class: gives each JMH fork the JVM flags of the parent POM property
 * {@code hutong.jvm.flags} (Agrona's {@code jdk.internal.misc} export, Chronicle Queue's module flags,
 * analytics off; see STYLE.md). {@link Fork} is {@code @Inherited} and JMH looks it up through superclasses,
 * so the list is written once, here.
 * <p>
 * Annotation values must be compile-time constants, so the flags cannot come from the Maven property itself;
 * {@code JvmFlagsDriftTest} compares this list with {@code ../pom.xml} in every build so the two never drift.
 * A {@code -jvmArgsAppend} on the JMH command line replaces this list.
 * <p>
 * The benchmark classes default to 10 x 2 s of warm-up: with 3 x 2 s the peer library was still being compiled
 * during measurement (SGQR with rules went from 1.5 ms to 0.23 ms per op across the measured iterations).
 * <p>
 * Stateless.
 */
@Fork(value = 1, jvmArgsAppend = {
    "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
    "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
    "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED",
    "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
    "--add-opens=jdk.compiler/com.sun.tools.javac=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/java.util=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "-Dchronicle.analytics.disable=true"})
public abstract class ForkedBenchmark
{
    /**
     * For subclasses only.
     */
    protected ForkedBenchmark()
    {
    }
}
