package dev.articleexporter.render.epub;

import dev.articleexporter.model.Story;
import java.util.ArrayList;
import java.util.List;

/**
 * What a book offers a reader who cannot see it, or reads it another way, as EPUB
 * Accessibility 1.1 metadata: stated from what the book really holds, never assumed.
 *
 * <p>
 * Every book we write has real text in reading order, headings, a table of contents (nav
 * and NCX), its language, no colour carrying meaning and nothing that flashes or moves.
 * Pictures decide the rest: a book whose every picture came with alt text claims
 * conformance to WCAG 2.2 Level AA; when some had none they carry their slide's heading
 * instead ({@code Slide.pictureAlt}), the summary says so, and the book claims nothing.
 *
 * @param pictures the book shows pictures besides its cover
 * @param described every such picture has alt text of its own
 */
record Accessibility(boolean pictures, boolean described) {

    /** The conformance claim, exactly as EPUB Accessibility 1.1 spells it. */
    static final String CONFORMS_TO = "EPUB Accessibility 1.1 - WCAG 2.2 Level AA";

    /**
     * Who evaluated the claim: the exporter, by the rules above, every time it writes.
     */
    static final String CERTIFIED_BY = "article-exporter";

    /** A book with no pictures. */
    static final Accessibility TEXT_ONLY = new Accessibility(false, true);

    static Accessibility of(Story story) {
        return new Accessibility(story.hasPictures(), story.picturesDescribed());
    }

    /** A book holding both: the digest. */
    Accessibility and(Accessibility other) {
        return new Accessibility(pictures || other.pictures, described && other.described);
    }

    /** Whether the book claims WCAG 2.2 AA. */
    boolean conforms() {
        return described;
    }

    /** The package metadata: {@code meta property} and value, in order. */
    List<String[]> properties() {
        List<String[]> p = new ArrayList<>(16);
        p.add(meta("schema:accessMode", "textual"));
        if (pictures) {
            p.add(meta("schema:accessMode", "visual"));
            p.add(meta("schema:accessModeSufficient", "textual,visual"));
        }
        if (described) {
            p.add(meta("schema:accessModeSufficient", "textual"));
        }
        for (String feature : new String[] { "structuralNavigation", "tableOfContents", "readingOrder",
                "displayTransformability" }) {
            p.add(meta("schema:accessibilityFeature", feature));
        }
        if (pictures && described) {
            p.add(meta("schema:accessibilityFeature", "alternativeText"));
        }
        p.add(meta("schema:accessibilityHazard", "none"));
        p.add(meta("schema:accessibilitySummary", summary()));
        if (conforms()) {
            p.add(meta("dcterms:conformsTo", CONFORMS_TO));
            p.add(meta("a11y:certifiedBy", CERTIFIED_BY));
        }
        return p;
    }

    /** One or two sentences a reader's app shows. */
    String summary() {
        String base = "Text in reading order with headings, a table of contents and the language marked; "
                + "it reflows and takes the reader's font and size. No flashing, motion or sound.";
        if (!pictures) {
            return base + " No images besides the cover. Meets WCAG 2.2 Level AA.";
        }
        if (described) {
            return base + " Every image has a text description. Meets WCAG 2.2 Level AA.";
        }
        return base + " Some images came without a description: each of those has its slide's heading as its "
                + "text alternative, so no WCAG conformance is claimed.";
    }

    private static String[] meta(String property, String value) {
        return new String[] { property, value };
    }

}
