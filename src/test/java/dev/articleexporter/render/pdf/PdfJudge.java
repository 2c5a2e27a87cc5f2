package dev.articleexporter.render.pdf;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;
import org.verapdf.pdfa.validation.profiles.Rule;
import org.verapdf.pdfa.validation.profiles.RuleId;
import org.verapdf.pdfa.validation.validators.ValidatorFactory;

/**
 * Judges a PDF the way an archive or an accessibility checker does: veraPDF (its
 * validation model, the version on the test class path) for PDF/UA-1 and PDF/A-2a, the
 * two claims our PDFs make (issue 13). Reusable from any test that writes a PDF:
 * {@code PdfJudge.assertConforms(path)}, once per written file.
 */
public final class PdfJudge {

    /** veraPDF's flavour ids of what every PDF we write must pass. */
    public static final List<String> FLAVOURS = List.of("ua1", "2a");

    /** Failed checks kept per rule with their context: enough to find the object. */
    private static final int CONTEXTS = 3;

    /** Kept so the level holds (java.util.logging keeps loggers weakly). */
    private static final Logger VERAPDF_LOG = Logger.getLogger("org.verapdf");

    static {
        // veraPDF logs every font and structure problem it meets at WARNING; the failed
        // rules say it all
        VERAPDF_LOG.setLevel(Level.SEVERE);
        VeraGreenfieldFoundryProvider.initialise();
    }

    private PdfJudge() {
    }

    /**
     * One rule that failed: its id (specification clause and test number), what it asks,
     * how many objects failed it and a few of them.
     */
    public record Failure(String flavour, String rule, String description, int count, List<String> examples) {

        @Override
        public String toString() {
            return flavour + " " + rule + " ×" + count + ": " + description
                    + (examples.isEmpty() ? "" : "\n      " + String.join("\n      ", examples));
        }
    }

    /** Fails unless veraPDF finds no failed rule for PDF/UA-1 and PDF/A-2a. */
    public static void assertConforms(Path pdf) {
        try {
            assertConforms(pdf.toString(), Files.readAllBytes(pdf));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@link #assertConforms(Path)} for a PDF in memory; {@code name} is for the message.
     */
    public static void assertConforms(String name, byte[] pdf) {
        long start = System.nanoTime();
        List<Failure> failures = judge(pdf);
        // veraPDF runs on every PDF the tests write: what it costs stays visible
        System.out.printf("veraPDF %s: %d KB, %d ms, %d failed rules%n", name, pdf.length / 1024,
                (System.nanoTime() - start) / 1_000_000, failures.size());
        if (!failures.isEmpty()) {
            fail("veraPDF: " + name + " fails " + failures.size() + " rules of " + FLAVOURS + ":\n  "
                    + String.join("\n  ", failures.stream().map(Failure::toString).toList()));
        }
    }

    /** Every PDF in {@code folder} (not its subfolders); returns how many there were. */
    public static int assertAllConform(Path folder) {
        try (var files = Files.list(folder)) {
            List<Path> pdfs = files.filter(f -> f.getFileName().toString().endsWith(".pdf")).sorted().toList();
            List<String> failures = new ArrayList<>();
            for (Path pdf : pdfs) {
                try {
                    assertConforms(pdf);
                }
                catch (AssertionError e) {
                    failures.add(e.getMessage());
                }
            }
            if (!failures.isEmpty()) {
                fail(failures.size() + " of " + pdfs.size() + " PDFs in " + folder + " fail veraPDF:\n"
                        + String.join("\n", failures));
            }
            return pdfs.size();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The failed rules of every flavour of {@link #FLAVOURS}, by flavour then rule. */
    public static List<Failure> judge(byte[] pdf) {
        List<Failure> failures = new ArrayList<>();
        for (String id : FLAVOURS) {
            failures.addAll(judge(pdf, PDFAFlavour.byFlavourId(id)));
        }
        return failures;
    }

    /**
     * One flavour, one parse. Synchronized: veraPDF keeps the document being validated in
     * static holders.
     */
    public static synchronized List<Failure> judge(byte[] pdf, PDFAFlavour flavour) {
        // no fast fail, no passed checks logged, CONTEXTS failed checks kept per rule
        PDFAValidator validator = ValidatorFactory.createValidator(flavour, false, 0, CONTEXTS, true, false);
        ValidationResult result;
        try (InputStream in = new ByteArrayInputStream(pdf);
                PDFAParser parser = Foundries.defaultInstance().createParser(in, flavour)) {
            result = validator.validate(parser);
        }
        catch (Exception e) {
            throw new AssertionError("veraPDF could not read the PDF for " + flavour.getId() + ": " + e, e);
        }
        Map<RuleId, List<String>> examples = new LinkedHashMap<>();
        for (TestAssertion a : result.getTestAssertions()) {
            if (a.getStatus() == TestAssertion.Status.FAILED) {
                String message = a.getErrorMessage() != null ? a.getErrorMessage() : a.getMessage();
                examples.computeIfAbsent(a.getRuleId(), r -> new ArrayList<>())
                    .add(a.getLocation().getContext() + ": " + message);
            }
        }
        List<Failure> failures = new ArrayList<>();
        result.getFailedChecks()
            .entrySet()
            .stream()
            .sorted(Comparator.comparing(e -> ruleName(e.getKey())))
            .forEach(e -> {
                Rule rule = result.getValidationProfile().getRuleByRuleId(e.getKey());
                String description = rule == null ? "" : rule.getDescription();
                List<String> some = examples.getOrDefault(e.getKey(), List.of());
                failures.add(new Failure(flavour.getId(), ruleName(e.getKey()), description, e.getValue(),
                        some.subList(0, Math.min(CONTEXTS, some.size()))));
            });
        return failures;
    }

    /** veraPDF's way of naming a rule: clause-testNumber, e.g. 7.1-3 or 6.2.4.3-4. */
    static String ruleName(RuleId id) {
        return id.getClause() + "-" + id.getTestNumber();
    }

}
