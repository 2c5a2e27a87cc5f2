package dev.articleexporter.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

/**
 * A stand-alone Artemis broker in a JVM of its own, as a site's broker on another
 * machine: tests of {@code --broker tcp://} kill it to see what the manager does when the
 * broker goes away.
 */
public final class BrokerProcess {

    private BrokerProcess() {
    }

    /** Starts a child JVM with a broker listening on {@code tcp://127.0.0.1:port}. */
    public static Process start(int port, Path log) throws IOException {
        String java = ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java, "-Xmx128m", "-cp",
                classPath.replace(File.pathSeparator + File.pathSeparator, File.pathSeparator),
                BrokerProcess.class.getName(), String.valueOf(port)));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** The child's main: a broker without persistence or security, until killed. */
    public static void main(String[] args) throws Exception {
        ConfigurationImpl config = new ConfigurationImpl();
        config.setPersistenceEnabled(false)
            .setSecurityEnabled(false)
            .setJMXManagementEnabled(false)
            .addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + args[0]);
        new EmbeddedActiveMQ().setConfiguration(config).start();
        System.out.println("broker listening on 127.0.0.1:" + args[0]);
        Thread.currentThread().join();
    }

}
