package dev.articleexporter.render.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The PDFs a test class writes, judged by {@link PdfJudge} after each test: once per
 * written PDF (the same bytes once), and after the test's own read-back checks, so a
 * failing layout check is reported as such rather than hidden behind veraPDF. Register
 * with {@code @RegisterExtension static final JudgedPdfs JUDGED = new JudgedPdfs();} and
 * pass each PDF written through {@link #add}.
 */
public final class JudgedPdfs implements AfterEachCallback {

    /** Failed PDFs whose every failed rule the message lists. */
    private static final int SHOWN = 2;

    private final Map<String, Pdf> written = new LinkedHashMap<>();

    private record Pdf(String name, byte[] bytes) {
    }

    /** Judges {@code pdf} after the test; returns it. */
    public synchronized byte[] add(String name, byte[] pdf) {
        written.putIfAbsent(sha256(pdf), new Pdf(name, pdf));
        return pdf;
    }

    /** Judges the PDF file after the test (as it is then); returns it. */
    public Path add(Path pdf) {
        try {
            add(pdf.toString(), Files.readAllBytes(pdf));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pdf;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<Pdf> pdfs;
        synchronized (this) {
            pdfs = new ArrayList<>(written.values());
            written.clear();
        }
        List<String> failures = new ArrayList<>();
        for (Pdf pdf : pdfs) {
            try {
                PdfJudge.assertConforms(pdf.name(), pdf.bytes());
            }
            catch (AssertionError e) {
                // in full for the first few, then by name: one PDF says what is wrong
                failures.add(failures.size() < SHOWN ? e.getMessage() : "veraPDF: " + pdf.name() + " fails too");
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " of " + pdfs.size() + " PDFs written by "
                    + context.getDisplayName() + " fail veraPDF:\n" + String.join("\n", failures));
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
