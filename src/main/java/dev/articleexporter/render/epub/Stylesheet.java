package dev.articleexporter.render.epub;

import java.nio.charset.StandardCharsets;

/**
 * The articles' stylesheet: every article page links it, in an article's own book and in
 * the digest.
 */
final class Stylesheet {

    static final String HREF = "style.css";

    /**
     * Reads well on e-ink: relative sizes, serif, black text only (secondary text is
     * smaller, never grey), hyphenation, fluid images; a slide's heading, figure and
     * first paragraph kept on one page ({@code .keep}); no forced page breaks.
     */
    private static final byte[] CSS = """
            body { font-family: serif; margin: 0 0.4em; line-height: 1.4; }
            p { margin: 0 0 0.8em 0; text-indent: 0; orphans: 2; widows: 2;
                -webkit-hyphens: auto; -epub-hyphens: auto; adobe-hyphenate: auto; hyphens: auto; }
            h1, h2 { font-family: serif; font-weight: bold; line-height: 1.2; text-align: left;
                -webkit-hyphens: manual; -epub-hyphens: manual; hyphens: manual;
                page-break-after: avoid; break-after: avoid; page-break-inside: avoid; break-inside: avoid; }
            h1 { font-size: 1.6em; margin: 1em 0 0.6em 0; }
            h2 { font-size: 1.3em; margin: 1.2em 0 0.5em 0; }
            .byline, .author { font-size: 0.9em; margin: 0 0 0.3em 0;
                -webkit-hyphens: manual; -epub-hyphens: manual; hyphens: manual; }
            .source { font-size: 0.8em; margin: 0 0 1.2em 0; word-wrap: break-word; overflow-wrap: break-word; }
            .intro { margin-top: 1.2em; }
            .intro p { font-style: italic; }
            .keep { page-break-inside: avoid; break-inside: avoid; }
            figure { margin: 0.5em 0 0.6em 0; text-align: center; page-break-inside: avoid; break-inside: avoid; }
            figure img { max-width: 100%; height: auto; }
            .placeholder { font-size: 0.85em; font-style: italic; margin: 0.5em 0; }
            .credit { font-size: 0.75em; margin: 0.2em 0 0.9em 0; text-align: right; }
            a { color: inherit; text-decoration: underline; }
            ul { margin: 0.4em 0 1.2em 1.2em; padding: 0; }
            li { margin: 0 0 0.4em 0; -webkit-hyphens: auto; -epub-hyphens: auto; hyphens: auto; }
            ul.credits li { font-size: 0.9em; }
            section.cover { margin: 0; padding: 0; text-align: center; }
            section.cover img { max-width: 100%; max-height: 100%; }
            nav ol { list-style: none; margin: 0 0 0.4em 0; padding: 0; }
            nav ol ol { margin-left: 1.2em; }
            [dir="rtl"] h1, [dir="rtl"] h2, h1[dir="rtl"], h2[dir="rtl"] { text-align: right; }
            h1[dir="ltr"], h2[dir="ltr"] { text-align: left; }
            [dir="rtl"] .credit { text-align: left; }
            [dir="rtl"] ul { margin: 0.4em 1.2em 1.2em 0; }
            [dir="rtl"] nav ol ol { margin: 0 1.2em 0 0; }
            """.getBytes(StandardCharsets.UTF_8);

    private Stylesheet() {
    }

    /** The stylesheet's bytes (a copy: arrays are mutable). */
    static byte[] bytes() {
        return CSS.clone();
    }

}
