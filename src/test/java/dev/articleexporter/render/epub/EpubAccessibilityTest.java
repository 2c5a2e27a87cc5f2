package dev.articleexporter.render.epub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.articleexporter.model.Story;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every book the export writes is valid EPUB 3 and accessible: EPUBCheck finds nothing (0
 * errors, 0 warnings) and DAISY Ace no violation, on the sample articles, an article in
 * every script, a right-to-left one, one whose pictures lack alt text, and the nightly
 * digest. Ace takes 15 to 100 s a book: it runs once per book, its reports left in the
 * build folder ({@code epub-ace/<book>/report/report.html}).
 */
class EpubAccessibilityTest {

    static final List<String> BOOKS = SampleBooks.NAMES;

    static final String CONFORMANCE = "EPUB Accessibility 1.1 - WCAG 2.2 Level AA";

    @TempDir
    static Path work;

    static Map<String, SampleBooks.Book> books;

    @BeforeAll
    static void writeBooks() throws Exception {
        books = SampleBooks.writeAll(work);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("BOOKS")
    void aceFindsNoViolation(String name) throws Exception {
        AceCheck.Report report = AceCheck.check(books.get(name).file(),
                SampleBooks.buildFolder().resolve("epub-ace").resolve(name));
        System.out.printf("Ace on %s: %d violations in %d ms%n", name, report.violations().size(),
                report.took().toMillis());
        assertTrue(report.violations().isEmpty(), "DAISY Ace on " + name + " (report: " + report.dir() + "):\n  "
                + String.join("\n  ", report.violations().stream().map(Object::toString).toList()));
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("BOOKS")
    void epubCheckFindsNothing(String name) {
        EpubCheckAssert.assertValid(books.get(name).file());
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("BOOKS")
    void isEpub3WithANavigationDocument(String name) throws Exception {
        EpubPackage book = EpubPackage.read(name, books.get(name).file());
        assertEquals("3.0", book.version(), name + ": package version");
        assertNotNull(book.nav(), name + ": no manifest item with properties=\"nav\"");
    }

    /**
     * The metadata claims only what the book has: alternative text only when every
     * picture has alt text of its own; visual content declared when there are pictures; a
     * conformance claim only in its exact form, with who certified it.
     */
    @ParameterizedTest(name = "{0}")
    @FieldSource("BOOKS")
    void accessibilityMetadataClaimsOnlyWhatTheBookHas(String name) throws Exception {
        SampleBooks.Book written = books.get(name);
        EpubPackage book = EpubPackage.read(name, written.file());
        List<String> features = book.metaProperty("schema:accessibilityFeature");
        List<String> modes = book.metaProperty("schema:accessMode");
        assertTrue(modes.contains("textual"), name + ": accessMode " + modes);
        assertFalse(book.metaProperty("schema:accessibilityHazard").isEmpty(), name + ": no accessibilityHazard");
        assertFalse(book.metaProperty("schema:accessibilitySummary").isEmpty(), name + ": no accessibilitySummary");
        Story story = written.story();
        if (story != null) {
            if (story.hasPictures()) {
                assertTrue(modes.contains("visual"), name + " has pictures: accessMode " + modes);
            }
            if (!story.picturesDescribed()) {
                assertFalse(features.contains("alternativeText"),
                        name + " has pictures without alt text of their own: " + features);
            }
        }
        for (String claim : book.metaProperty("dcterms:conformsTo")) {
            assertEquals(CONFORMANCE, claim, name);
            assertFalse(book.metaProperty("a11y:certifiedBy").isEmpty(), name + ": a claim needs a11y:certifiedBy");
        }
    }

    @Test
    void theUndescribedPicturesAreReallyUndescribed() {
        // Else the no-alt-text book would test nothing.
        Story story = books.get("no-alt-text").story();
        assertTrue(story.hasPictures());
        assertFalse(story.picturesDescribed());
        assertEquals(3, story.slides().stream().filter(s -> s.picture() != null && s.picture().embeddable()).count());
    }

    /**
     * Reading Ace's report must be able to fail: a report of today's EPUB 2 books (one of
     * their five violations, and a passed document) gives that violation.
     */
    @Test
    void aceViolationsAreReadFromItsReport() {
        String json = """
                {"@type": "earl:report", "earl:testSubject": {"url": "book.epub"},
                 "earl:result": {"earl:outcome": "fail"},
                 "assertions": [
                  {"@type": "earl:assertion", "earl:testSubject": {"url": "OEBPS/content.opf"},
                   "earl:result": {"earl:outcome": "fail"},
                   "assertions": [{"@type": "earl:assertion",
                     "earl:result": {"earl:outcome": "fail",
                       "dct:description": "Publications must declare the 'schema:accessMode' metadata"},
                     "earl:test": {"earl:impact": "serious", "dct:title": "metadata-accessmode"}}]},
                  {"@type": "earl:assertion", "earl:testSubject": {"url": "title.xhtml"},
                   "earl:result": {"earl:outcome": "pass"}, "assertions": []}]}
                """;
        List<AceCheck.Violation> violations = AceCheck.violations(JsonMapper.builder().build().readTree(json));
        assertEquals(
                List.of(new AceCheck.Violation("metadata-accessmode", "serious",
                        "Publications must declare the 'schema:accessMode' metadata", "OEBPS/content.opf")),
                violations);
        assertThrows(AssertionError.class, () -> AceCheck.violations(JsonMapper.builder().build().readTree("{}")));
    }

}
