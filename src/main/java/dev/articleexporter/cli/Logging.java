package dev.articleexporter.cli;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.status.OnConsoleStatusListener;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusListener;
import ch.qos.logback.core.status.StatusManager;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LoggingSystemProperty;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.SmartApplicationListener;

/**
 * Keeps the terminal for the command's own words. Details (stack traces) go to the log
 * file that Spring sets up beside the database; the terminal gets at most one line about
 * logging itself. Two things would print there otherwise: logback's default console
 * output before Spring has configured it (a failure in parsing options or opening the
 * database), and logback's status messages, which Spring Boot prints to the console with
 * a stack trace for every line the log file could not take (hundreds on a full disk).
 */
final class Logging {

    private static final AtomicBoolean TOLD = new AtomicBoolean();

    /**
     * {@code --log-format}: {@code human} (Boot's pattern, in the log file) or
     * {@code json}.
     */
    enum Format {

        HUMAN, JSON

    }

    /**
     * Boot's structured format for {@code --log-format json}: Logstash's JSON lines,
     * which log shippers (Logstash, Filebeat, Fluent Bit, Vector) read as they are.
     */
    static final String JSON_FORMAT = "logstash";

    private static final Map<String, String> JSON_PROPERTIES = Map.of("logging.structured.format.file", JSON_FORMAT,
            "logging.structured.format.console", JSON_FORMAT, "logging.threshold.console", "TRACE");

    /** Set by the command line before the command runs. */
    private static volatile Format format = Format.HUMAN;

    private Logging() {
    }

    /**
     * With {@code json}: Boot's structured logging for the log file and the console, the
     * console at every level the loggers let through (application.properties turns it
     * off). System properties, so that every command's context reads them, and they win
     * over application.properties.
     */
    static void format(Format chosen) {
        format = chosen;
        // Boot copies them into system properties of its own and keeps those once set: an
        // earlier command in this JVM (tests) would choose for this one
        for (LoggingSystemProperty copy : List.of(LoggingSystemProperty.CONSOLE_STRUCTURED_FORMAT,
                LoggingSystemProperty.FILE_STRUCTURED_FORMAT, LoggingSystemProperty.CONSOLE_THRESHOLD)) {
            System.clearProperty(copy.getEnvironmentVariableName());
        }
        for (String property : JSON_PROPERTIES.keySet()) {
            if (chosen == Format.JSON) {
                System.setProperty(property, JSON_PROPERTIES.get(property));
            }
            else {
                System.clearProperty(property);
            }
        }
    }

    static Format format() {
        return format;
    }

    /**
     * Before Spring: no console appender; logback's status goes through {@link OneLine}.
     */
    static void quietConsole() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            root.iteratorForAppenders().forEachRemaining(appender -> {
                if (appender instanceof ConsoleAppender<?>) {
                    root.detachAppender(appender);
                    appender.stop();
                }
            });
            replaceConsoleStatus(context);
            // Errors of an earlier command in this JVM (tests, tools) would be printed
            // again by Spring's listener.
            context.getStatusManager().clear();
        }
    }

    /**
     * Right after Spring has configured logging (its listener runs at
     * {@code HIGHEST_PRECEDENCE + 20} on the environment event), before anything is
     * logged to the file: the same for Spring's status listener, which it adds each time
     * it configures logback.
     */
    static ApplicationListener<ApplicationEvent> afterSpringLogging() {
        return new AfterSpringLogging();
    }

    private static final class AfterSpringLogging implements SmartApplicationListener {

        @Override
        public boolean supportsEventType(Class<? extends ApplicationEvent> type) {
            return ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(type)
                    || ApplicationPreparedEvent.class.isAssignableFrom(type);
        }

        @Override
        public void onApplicationEvent(ApplicationEvent event) {
            if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
                replaceConsoleStatus(context);
                if (format == Format.JSON && event instanceof ApplicationEnvironmentPreparedEvent) {
                    consoleToStandardError(context);
                }
            }
        }

        @Override
        public int getOrder() {
            return LoggingApplicationListener.DEFAULT_ORDER + 1;
        }

    }

    /**
     * Boot's console appender writes to standard output, which it offers no setting for.
     */
    private static void consoleToStandardError(LoggerContext context) {
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.iteratorForAppenders().forEachRemaining(appender -> {
            if (appender instanceof ConsoleAppender<?> console && !"System.err".equals(console.getTarget())) {
                console.stop();
                console.setTarget("System.err");
                console.start();
            }
        });
    }

    private static void replaceConsoleStatus(LoggerContext context) {
        StatusManager status = context.getStatusManager();
        boolean ours = false;
        for (StatusListener listener : status.getCopyOfStatusListenerList()) {
            if (listener instanceof OnConsoleStatusListener console) {
                status.remove(console);
                console.stop();
            }
            ours |= listener instanceof OneLine;
        }
        if (!ours) {
            status.add(new OneLine(System.err));
        }
    }

    /**
     * The first error logback meets (the log file cannot be written), as one line; the
     * rest are not repeated.
     */
    private record OneLine(PrintStream err) implements StatusListener {

        @Override
        public void addStatusEvent(Status status) {
            if (status.getEffectiveLevel() >= Status.ERROR && TOLD.compareAndSet(false, true)) {
                Throwable cause = status.getThrowable();
                String why = cause != null && cause.getMessage() != null ? cause.getMessage() : status.getMessage();
                err.println("warning: the log file cannot be written (" + why.lines().findFirst().orElse(why)
                        + "); details of this run are not logged");
            }
        }
    }

}
