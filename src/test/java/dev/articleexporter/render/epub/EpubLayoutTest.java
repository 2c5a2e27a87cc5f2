package dev.articleexporter.render.epub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.articleexporter.model.Slide;
import dev.articleexporter.model.Story;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sample article on a 6-inch reader ({@link CalibreLayout}): the text flows, so its
 * 977 words take at most 12 pages (21 today, a page per slide), and no slide heading is
 * left at the foot of a page with its text on the next. The PDF and pictures of its pages
 * stay in the build folder ({@code epub-layout/}) for a person to look at.
 */
class EpubLayoutTest {

    static final int MAX_PAGES = 12;

    static Story story;

    static List<String> headings;

    static Path dir;

    static Path epub;

    @BeforeAll
    static void writeTheSampleArticle() throws Exception {
        story = SampleBooks.sample("iraq-coalition.json");
        headings = story.slides().stream().map(Slide::heading).toList();
        dir = SampleBooks.buildFolder().resolve("epub-layout");
        if (Files.isDirectory(dir)) {
            try (var old = Files.list(dir)) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            }
        }
        Files.createDirectories(dir);
        epub = EpubFiles.write(new EpubRenderer(), dir, "iraq-coalition", story);
    }

    /** Laid out once for both tests (calibre takes about 12 s). */
    private static CalibreLayout.Pages pages;

    private static synchronized CalibreLayout.Pages pages() throws Exception {
        if (pages == null) {
            pages = CalibreLayout.layOut(epub, dir, "iraq-coalition");
            CalibreLayout.pictures(pages.pdf(), dir);
            System.out.printf("EpubLayoutTest: %d pages, ebook-convert took %d ms; PDF and page pictures in %s%n",
                    pages.count(), pages.took().toMillis(), dir);
        }
        return pages;
    }

    @Test
    void sampleArticleTakesAtMostTwelvePages() throws Exception {
        int count = pages().count();
        assertTrue(count <= MAX_PAGES, "the sample article takes " + count + " pages at 3.6 × 4.8 inches, not at most "
                + MAX_PAGES + " (look at " + dir + ")");
    }

    @Test
    void noSlideHeadingEndsAPage() throws Exception {
        List<String> texts = pages().texts();
        // The check can only see headings it can read: every one must be in the text.
        String all = CalibreLayout.normalise(String.join(" ", texts));
        for (String heading : headings) {
            assertTrue(all.contains(CalibreLayout.normalise(heading)), "heading not found in the PDF: " + heading);
        }
        List<String> stranded = new ArrayList<>();
        for (int page = 0; page < texts.size() - 1; page++) {
            Optional<String> heading = CalibreLayout.headingAtFoot(texts.get(page), headings);
            if (heading.isPresent()) {
                stranded.add("page " + (page + 1) + " ends with \"" + heading.get() + "\"");
            }
        }
        assertTrue(stranded.isEmpty(), "headings left at the foot of a page (look at " + dir + "): " + stranded);
    }

    /** The heading check must be able to fail, and must not fire on text. */
    @Test
    void aHeadingAtTheFootOfAPageIsFound() {
        List<String> h = List.of("Countering Iranian Pressure", "U.S. Military Presence in Iraq");
        assertEquals(Optional.of("Countering Iranian Pressure"),
                CalibreLayout.headingAtFoot("text of the slide\n\n   Countering Iranian\n   Pressure\n\n", h));
        assertEquals(Optional.of("Countering Iranian Pressure"),
                CalibreLayout.headingAtFoot("text of the slide\nCountering Iranian\n", h));
        assertEquals(Optional.of("U.S. Military Presence in Iraq"),
                CalibreLayout.headingAtFoot("text\n  10. U.S. Military Presence in Iraq  \n", h));
        assertEquals(Optional.empty(),
                CalibreLayout.headingAtFoot("Countering Iranian Pressure\nthe text after it.\n", h));
        assertEquals(Optional.empty(), CalibreLayout.headingAtFoot("text about Iranian\npressure on the coalition", h));
        assertEquals(Optional.empty(), CalibreLayout.headingAtFoot("", h));
    }

}
