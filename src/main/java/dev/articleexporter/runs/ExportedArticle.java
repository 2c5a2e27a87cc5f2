package dev.articleexporter.runs;

/**
 * An article a run exported, or found unchanged since its last export.
 *
 * @param articleId   the input's {@code id}, or {@code null} when it had none
 * @param fileStem    its output files are {@code fileStem.pdf}, {@code fileStem.epub}, ...
 * @param origin      where it came from, e.g. {@code briefs.json #2}
 * @param published   W3CDTF date or date-time, or {@code null}
 * @param unchanged   not rendered again: same content, settings and renderers as its last export
 * @param contentHash what decides "unchanged" (see {@code ContentHash}), or {@code null}
 */
public record ExportedArticle(String articleId, String fileStem, String origin, String title, String section,
                              String published, String language, boolean unchanged, String contentHash) {

    public ExportedArticle asUnchanged(String newOrigin) {
        return new ExportedArticle(articleId, fileStem, newOrigin, title, section, published, language, true, contentHash);
    }
}
