package io.github.fashionml.fork;

import java.nio.file.Path;
import java.util.List;

/**
 * How {@link JobRunner} runs native work, as surefire's fork settings.
 *
 * @param fork           run in a child JVM (the default); false runs in this JVM, where ND4J's native settings and
 *                       build are then fixed for the rest of its life
 * @param javaExecutable the child's {@code java}, or null for the one running this JVM
 * @param jvmArgs        the child's JVM arguments, e.g. {@code -Xmx8g}
 * @param classpath      fashion-ml's core and its dependencies, for the child
 * @param nd4jClassifier the native build to start ({@code auto}, or a classifier)
 * @param kernels        {@code pinned} or {@code native}
 */
public record ForkOptions(boolean fork, Path javaExecutable, List<String> jvmArgs, List<Path> classpath,
                          String nd4jClassifier, String kernels) {
    public ForkOptions {
        jvmArgs = jvmArgs == null ? List.of() : List.copyOf(jvmArgs);
        classpath = classpath == null ? List.of() : List.copyOf(classpath);
    }
}
