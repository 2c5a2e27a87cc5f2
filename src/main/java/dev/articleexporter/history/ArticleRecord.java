package dev.articleexporter.history;

/**
 * An article a run exported, or found unchanged since its last export.
 *
 * @param articleId the input's {@code id}, or {@code null} when it had none
 * @param fileStem its output files are {@code fileStem.pdf}, {@code fileStem.epub}, ...
 * @param origin where it came from, e.g. {@code briefs.json #2}
 * @param published W3CDTF date or date-time, or {@code null}
 * @param site the publication, or {@code null}
 * @param author or {@code null}
 * @param summary the start of the intro, at most {@value #SUMMARY_LENGTH} characters, or
 * {@code null}
 * @param unchanged not rendered again: same content, settings and renderers as its last
 * export
 * @param contentHash what decides "unchanged" (see {@code ContentHash}), or {@code null}
 */
public record ArticleRecord(String articleId, String fileStem, String origin, String title, String section,
        String published, String language, String site, String author, String summary, boolean unchanged,
        String contentHash) {

    public static final int SUMMARY_LENGTH = 500;

    public ArticleRecord asUnchanged(String newOrigin) {
        return new ArticleRecord(articleId, fileStem, newOrigin, title, section, published, language, site, author,
                summary, true, contentHash);
    }

    /** The first characters of the intro, cut at a word, for catalogs and lists. */
    public static String summaryOf(java.util.List<String> intro) {
        if (intro.isEmpty()) {
            return null;
        }
        String text = String.join(" ", intro);
        if (text.length() <= SUMMARY_LENGTH) {
            return text;
        }
        int cut = text.lastIndexOf(' ', SUMMARY_LENGTH - 1);
        return text.substring(0, cut > SUMMARY_LENGTH / 2 ? cut : SUMMARY_LENGTH - 1) + "\u2026";
    }
}
