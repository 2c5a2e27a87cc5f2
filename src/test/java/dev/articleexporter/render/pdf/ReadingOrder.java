package dev.articleexporter.render.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.articleexporter.model.CreditLine;
import dev.articleexporter.model.Related;
import dev.articleexporter.model.Slide;
import dev.articleexporter.model.Story;
import dev.articleexporter.render.pdf.StructureText.Element;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * What a screen reader must meet in a story, in order, and the checks on a
 * {@link StructureText} against it. Texts compare after NFKC (Arabic presentation forms)
 * and without whitespace (where a line wraps is layout, not reading order).
 */
final class ReadingOrder {

    private ReadingOrder() {
    }

    /**
     * The texts of a story in reading order: title, byline and link, intro, then per
     * slide its heading, credit and paragraphs, then the related links and the photo
     * credits.
     */
    static List<String> expected(Story story) {
        List<String> texts = new ArrayList<>();
        texts.add(story.meta().title());
        if (notBlank(story.meta().author())) {
            texts.add("By " + story.meta().author());
        }
        if (notBlank(story.meta().url())) {
            texts.add(story.meta().url());
        }
        texts.addAll(story.intro());
        for (Slide slide : story.slides()) {
            texts.add(slide.heading());
            if (notBlank(slide.credit())) {
                texts.add("Photo: " + slide.credit());
            }
            texts.addAll(slide.paragraphs());
        }
        Related related = story.related();
        if (related != null && !related.links().isEmpty()) {
            texts.add(related.heading());
            related.links().forEach(link -> texts.add(link.title()));
        }
        if (!story.credits().isEmpty()) {
            texts.add("Photo credits");
            for (CreditLine credit : story.credits()) {
                texts.add(credit.credit());
            }
        }
        return texts;
    }

    /**
     * Fails unless every one of {@code expected} is found in {@code text}, each after the
     * one before it.
     */
    static void assertInOrder(String what, String text, List<String> expected) {
        String haystack = squeeze(text);
        int from = 0;
        String previous = "(start)";
        for (String e : expected) {
            String needle = squeeze(e);
            int at = haystack.indexOf(needle, from);
            if (at < 0) {
                int anywhere = haystack.indexOf(needle);
                fail(what + ": «" + e + "» " + (anywhere < 0 ? "is not in the tagged text at all" + hint(e)
                        : "comes before «" + previous + "» in structure order") + "\nstructure text: " + text);
            }
            from = at + needle.length();
            previous = e;
        }
    }

    /**
     * The story's own checks: one H1, the title; an H2 per slide, in order (its number
     * before the heading or not); the Alt of each embedded picture on a Figure, in order;
     * the related links as a list with a link per address; no footer, nothing untagged.
     */
    static void assertStory(String what, StructureText s, Story story) {
        assertInOrder(what, s.text(), expected(story));
        List<Element> h1 = s.ofType("H1");
        assertEquals(1, h1.size(), what + ": one H1, got " + h1);
        assertEquals(squeeze(story.meta().title()), squeeze(h1.getFirst().text()), what + ": the H1 is the title");
        assertSlideHeadings(what, s.ofType("H2"), story.slides());
        List<String> alts = story.slides()
            .stream()
            .filter(sl -> sl.picture() != null && sl.picture().embeddable())
            .map(sl -> sl.picture().alt())
            .toList();
        assertInOrder(what + " (Figure Alt)", String.join("\n", nonNull(s.figureAlts())), alts);
        s.ofType("Figure")
            .forEach(f -> assertTrue(f.alt() != null && !f.alt().isBlank(), what + ": Figure without Alt " + f));
        Related related = story.related();
        if (related != null && !related.links().isEmpty()) {
            assertRelatedList(what, s, related);
        }
        if (notBlank(story.meta().url())) {
            assertTrue(linkTo(s, story.meta().url()), what + ": no Link element for " + story.meta().url());
        }
        // the title once, as the H1, unless the story itself repeats it
        String expectedText = squeeze(String.join("\n", expected(story)));
        String title = squeeze(story.meta().title());
        boolean once = expectedText.indexOf(title) == expectedText.lastIndexOf(title);
        assertNoFooters(what, s, once ? story.meta().title() : null);
    }

    /**
     * The running footers ("page 1 of 3", and the running title unless {@code null}) are
     * artifacts, and all other text is tagged.
     */
    static void assertNoFooters(String what, StructureText s, String runningTitle) {
        assertFalse(s.text().matches("(?s).*\\bpage \\d+ of\\b.*"), what + ": a footer is tagged: " + s.text());
        if (runningTitle != null) {
            String text = squeeze(s.text());
            String title = squeeze(runningTitle);
            assertEquals(text.indexOf(title), text.lastIndexOf(title), what + ": the running title is tagged");
        }
        assertEquals("", s.untaggedText(), what + ": text neither tagged nor an artifact");
    }

    private static void assertSlideHeadings(String what, List<Element> h2, List<Slide> slides) {
        int from = 0;
        for (Slide slide : slides) {
            String heading = squeeze(slide.heading());
            String numbered = squeeze(slide.number() + " " + slide.heading());
            int found = -1;
            for (int i = from; i < h2.size() && found < 0; i++) {
                String t = squeeze(h2.get(i).text());
                if (t.equals(heading) || t.equals(numbered)) {
                    found = i;
                }
            }
            if (found < 0) {
                fail(what + ": no H2 «" + slide.number() + "  " + slide.heading() + "» in order; H2s: "
                        + h2.stream().map(Element::text).toList());
            }
            from = found + 1;
        }
    }

    /**
     * L → LI (one per link) → LBody, with a Link element per link that has an address.
     */
    private static void assertRelatedList(String what, StructureText s, Related related) {
        assertFalse(s.ofType("L").isEmpty(), what + ": the related links are no list (L)");
        List<Element> items = s.ofType("LI");
        assertTrue(items.size() >= related.links().size(),
                what + ": " + items.size() + " LI for " + related.links().size() + " related links");
        List<Element> bodies = s.ofType("LBody");
        assertInOrder(what + " (LBody)", String.join("\n", bodies.stream().map(Element::text).toList()),
                related.links().stream().map(Related.Link::title).toList());
        for (Related.Link link : related.links()) {
            if (notBlank(link.url())) {
                assertTrue(linkTo(s, link.url()), what + ": no Link element for " + link.url());
            }
        }
    }

    /** A Link element that refers to an annotation with this address (OBJR). */
    static boolean linkTo(StructureText s, String uri) {
        return s.ofType("Link").stream().anyMatch(l -> l.uris().contains(uri));
    }

    /** Why mixed-direction text may come back in another order. */
    private static String hint(String expected) {
        boolean rtl = expected.codePoints()
            .anyMatch(c -> Character.getDirectionality(c) == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                    || Character.getDirectionality(c) == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC);
        return rtl ? " (its lines are read back in the direction of the nearest Lang: does the element, or the"
                + " Art/Sect around it, say it is in a right-to-left language?)" : "";
    }

    /**
     * Comparable text: NFKC, no whitespace, no punctuation (where a comma or full stop at
     * the end of a right-to-left run that wraps goes is not recoverable from the glyphs
     * of one line).
     */
    static String squeeze(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("[\\s\\p{P}]+", "");
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static List<String> nonNull(List<String> list) {
        return list.stream().map(s -> s == null ? "" : s).toList();
    }

}
