package dev.articleexporter.render.pdf;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.articleexporter.fonts.FontFolders;
import dev.articleexporter.model.Story;
import dev.articleexporter.model.TestStories;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 13: what a screen reader reads, in the order it reads it. Each PDF's structure
 * tree is walked (PDFBox, {@link StructureText}) and compared with the article: the title
 * as the one H1, byline, intro, each slide's heading (H2), picture (Figure with its Alt),
 * credit and paragraphs, the related links (L, LI, LBody, Link) and the photo credits, in
 * order; the running footers and anything else untagged absent.
 */
class PdfReadingOrderTest {

    static Stream<Arguments> articles() {
        List<Arguments> all = new ArrayList<>();
        SamplePdfs.samples().forEach((name, story) -> all.add(Arguments.of(name, story)));
        SamplePdfs.handBuilt().forEach((name, story) -> all.add(Arguments.of(name, story)));
        all.add(Arguments.of("hostile", TestStories.hostileText()));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("articles")
    void articleReadsInOrder(String name, Story story) {
        if (name.equals("every-script")) {
            assumeSystemFontsCoverEveryScript();
        }
        StructureText s = StructureText.of(SamplePdfs.render(story));
        ReadingOrder.assertStory(name, s, story);
    }

    @Test
    void everyScriptHasEachScriptsParagraphUnderItsHeading() {
        assumeSystemFontsCoverEveryScript();
        Story story = TestStories.everyScript();
        StructureText s = StructureText.of(SamplePdfs.render(story));
        List<String> order = new ArrayList<>();
        story.slides().forEach(slide -> {
            order.add(slide.heading());
            order.add(slide.paragraphs().getFirst());
        });
        ReadingOrder.assertInOrder("every-script", s.text(), order);
    }

    @Test
    void digestReadsContentsThenSectionsWithTheirArticles() {
        Map<String, Story> samples = SamplePdfs.samples();
        List<Story> stories = new ArrayList<>(samples.values());
        stories.add(TestStories.arabic());
        StructureText s = StructureText.of(SamplePdfs.digest(stories));

        List<String> order = new ArrayList<>();
        order.add("Contents");
        Map<String, List<Story>> sections = sections(stories);
        sections.forEach((name, inSection) -> {
            order.add(name);
            inSection.forEach(story -> order.add(story.meta().title()));
        });
        sections.forEach((name, inSection) -> {
            order.add(name);
            inSection.forEach(story -> order.addAll(ReadingOrder.expected(story)));
        });
        ReadingOrder.assertInOrder("digest", s.text(), order);

        assertFalse(s.ofType("TOC").isEmpty(), "digest: the contents are no TOC");
        assertTrue(s.ofType("TOCI").size() >= stories.size(), "digest: a TOCI per article");
        long links = s.ofType("Link").stream().filter(l -> l.annotations() > 0).count();
        assertTrue(links >= stories.size(), "digest: " + links + " Link elements with an annotation for "
                + stories.size() + " articles in the contents");
        ReadingOrder.assertNoFooters("digest", s, null);
    }

    /** As {@link SamplePdfs#digest} groups them. */
    private static Map<String, List<Story>> sections(List<Story> stories) {
        Map<String, List<Story>> sections = new java.util.LinkedHashMap<>();
        for (Story story : stories) {
            String name = story.meta().section() == null ? "News" : story.meta().section();
            sections.computeIfAbsent(name, k -> new ArrayList<>()).add(story);
        }
        return sections;
    }

    /**
     * Chinese, Japanese and emoji need system fonts: skipped without them, unless
     * ARTICLE_EXPORTER_REQUIRE_FONTS is set (CI), as in PdfScriptsTest.
     */
    private static void assumeSystemFontsCoverEveryScript() {
        FontChain chain = FontChain.of(FontFolders.system(), List.of());
        String missing = String.join("", TestStories.SCRIPTS.values())
            .codePoints()
            .filter(cp -> !Character.isWhitespace(cp))
            .filter(cp -> chain.find(FontChain.Style.SERIF, cp) == null)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString();
        if (!missing.isEmpty() && System.getenv("ARTICLE_EXPORTER_REQUIRE_FONTS") == null) {
            assumeTrue(false, "no system font covers «" + missing + "» (fonts-wqy-zenhei, fonts-symbola)");
        }
    }

}
