package dev.articleexporter.render.epub;

import static org.junit.jupiter.api.Assertions.fail;

import com.adobe.epubcheck.api.EPUBLocation;
import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.api.MasterReport;
import com.adobe.epubcheck.messages.Message;
import com.adobe.epubcheck.messages.Severity;
import com.adobe.epubcheck.util.FeatureEnum;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Runs EPUBCheck (as a library, the version on the test class path) on an EPUB file and
 * fails with every message unless it reports no fatal error, no error and no warning.
 * Reusable from end-to-end tests: {@code EpubCheckAssert.assertValid(path)}.
 */
public final class EpubCheckAssert {

    private EpubCheckAssert() {
    }

    /** What EPUBCheck said about one file. */
    public record Result(int fatals, int errors, int warnings, List<String> messages) {

        public boolean clean() {
            return fatals == 0 && errors == 0 && warnings == 0;
        }

        @Override
        public String toString() {
            return fatals + " fatal, " + errors + " errors, " + warnings + " warnings"
                    + (messages.isEmpty() ? "" : ":\n  " + String.join("\n  ", messages));
        }
    }

    /**
     * Fails unless EPUBCheck reports 0 fatal errors, 0 errors and 0 warnings for
     * {@code epub}.
     */
    public static Result assertValid(Path epub) {
        Result result = check(epub);
        if (!result.clean()) {
            fail("EPUBCheck " + EpubCheck.version() + " on " + epub + ": " + result);
        }
        return result;
    }

    /**
     * {@link #assertValid} for every {@code *.epub} in {@code folder}; returns how many
     * there were.
     */
    public static int assertAllValid(Path folder) {
        try (var files = java.nio.file.Files.list(folder)) {
            List<Path> epubs = files.filter(f -> f.getFileName().toString().endsWith(".epub")).sorted().toList();
            epubs.forEach(EpubCheckAssert::assertValid);
            return epubs.size();
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Runs EPUBCheck and collects warnings and worse (info and usage messages are only
     * counted by EPUBCheck).
     */
    public static Result check(Path epub) {
        CollectingReport report = new CollectingReport();
        new EpubCheck(epub.toFile(), report).doValidate();
        return new Result(report.fatals, report.errors, report.warnings, Collections.unmodifiableList(report.messages));
    }

    private static final class CollectingReport extends MasterReport {

        final List<String> messages = new ArrayList<>();

        int fatals;

        int errors;

        int warnings;

        @Override
        public void message(Message message, EPUBLocation location, Object... args) {
            Severity severity = message.getSeverity();
            switch (severity) {
                case FATAL -> fatals++;
                case ERROR -> errors++;
                case WARNING -> warnings++;
                default -> {
                    return;
                }
            }
            messages.add(severity + " " + message.getID() + " " + location + ": " + message.getMessage(args));
        }

        @Override
        public void info(String resource, FeatureEnum feature, String value) {
        }

        @Override
        public int generate() {
            return 0;
        }

        @Override
        public void initialize() {
        }

    }

}
