package dev.articleexporter.cli;

import java.io.Console;
import java.lang.reflect.Method;

/**
 * Whether we talk to a person at a terminal (progress bar) or to a pipe, a file or cron
 * (none).
 */
final class Terminal {

    private Terminal() {
    }

    static boolean isInteractive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        // From JDK 22 System.console() exists even when redirected; isTerminal() tells.
        // JDK 21 has no such method.
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (boolean) isTerminal.invoke(console);
        }
        catch (ReflectiveOperationException e) {
            return true;
        }
    }

}
