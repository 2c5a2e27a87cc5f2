package dev.articleexporter.input;

import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One article object as read, cleaned ({@link XmlCharacters}) and bound to an
 * {@link Article} only when something needs more than its id and title: a nightly run
 * finds most articles unchanged (by a hash of this tree) and never binds them. Binding is
 * tried once; its outcome is kept.
 *
 * <p>
 * Not thread-safe: a partition's reader and processor run on one thread, one after the
 * other.
 */
public final class ArticleNode {

    private final JsonNode tree;

    private final String id;

    private final String title;

    private boolean tried;

    private Article article;

    private List<String> warnings;

    private String invalid;

    /**
     * @param tree an article object as read
     */
    public ArticleNode(JsonNode tree) {
        this.tree = tree;
        this.id = Limits.composed(text(tree, "id"));
        this.title = Limits.title(text(tree, "title"));
    }

    private ArticleNode(Article article, List<String> warnings) {
        this.tree = ArticleJson.MAPPER.valueToTree(article);
        this.id = article.id();
        this.title = article.title();
        this.tried = true;
        this.article = article;
        this.warnings = List.copyOf(warnings);
    }

    /**
     * An article that was bound already (tests, tools): its tree is the article written
     * out.
     */
    public static ArticleNode of(Article article, List<String> warnings) {
        return new ArticleNode(article, warnings);
    }

    /**
     * A string field as binding gives it, without binding: cleaned, and a scalar as its
     * text (an id of 7 is "7"); {@code null} when missing, null or not a scalar (then the
     * article does not bind).
     */
    private static String text(JsonNode article, String field) {
        JsonNode value = article.get(field);
        return value != null && value.isValueNode() && !value.isNull() ? XmlCharacters.cleaned(value.asString()) : null;
    }

    /**
     * The object as read: never cleaned nor otherwise changed, so what is hashed does not
     * depend on binding.
     */
    public JsonNode tree() {
        return tree;
    }

    /**
     * The id the bound article has (if it binds), without binding: cleaned, and in
     * Unicode's composed form (NFC), so ids that differ only in how an accent is encoded
     * are one article.
     */
    public String id() {
        return id;
    }

    /**
     * The title the bound article has (if it binds), without binding: cleaned, and cut as
     * {@link Limits} cuts it.
     */
    public String title() {
        return title;
    }

    /** True once binding was tried and worked: nothing is left to find out. */
    public boolean isBound() {
        return tried && invalid == null;
    }

    /** Whether it is an article at all; binds it to find out. */
    public boolean binds() {
        return rejection() == null;
    }

    /**
     * Why it is not an article ("not a valid article: ..." as the reader always said, or
     * a limit of {@link Limits} it goes over), or {@code null}; binds it to find out.
     */
    public String rejection() {
        bind();
        return invalid;
    }

    /** The bound article; only for one that {@link #binds()}. */
    public Article article() {
        bind();
        if (invalid != null) {
            throw new IllegalStateException(invalid);
        }
        return article;
    }

    /** What cleaning and the limits changed, one message per field; binds it. */
    public List<String> warnings() {
        article();
        return warnings;
    }

    private void bind() {
        if (tried) {
            return;
        }
        tried = true;
        try {
            // cleaning works in place, and the tree stays as read
            JsonNode copy = tree.deepCopy();
            List<String> cleaned = XmlCharacters.clean(copy);
            Limits.Outcome limited = Limits.apply(ArticleJson.MAPPER.treeToValue(copy, Article.class));
            if (limited.rejection() != null) {
                invalid = limited.rejection();
                return;
            }
            article = limited.article();
            if (limited.warnings().isEmpty()) {
                warnings = List.copyOf(cleaned);
            }
            else {
                List<String> all = new java.util.ArrayList<>(cleaned);
                all.addAll(limited.warnings());
                warnings = List.copyOf(all);
            }
        }
        catch (JacksonException e) {
            invalid = "not a valid article: " + ArticleJson.describe(e);
        }
    }

}
