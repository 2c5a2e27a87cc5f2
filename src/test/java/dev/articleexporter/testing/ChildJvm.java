package dev.articleexporter.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the exporter's real main class in a separate JVM, as cron would, so it can be
 * killed or squeezed.
 */
public final class ChildJvm {

    private ChildJvm() {
    }

    /**
     * @param jvmOptions e.g. {@code -Xmx256m}
     * @param log where the child's stdout and stderr go
     */
    public static Process start(List<String> jvmOptions, Path log, String... args) throws IOException {
        String java = ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // Surefire runs tests from a manifest-only jar; the real class path is in this
        // property.
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath.replace(File.pathSeparator + File.pathSeparator, File.pathSeparator));
        command.add("dev.articleexporter.ArticleExporter");
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

}
