/**
 * Reading the JSON input: the raw {@link dev.articleexporter.input.Article} record,
 * streaming each file one article at a time ({@code ArticleFile}, {@code JsonFramer})
 * within {@code Limits}, the input folder's safety rules, and the cleaning of characters
 * XML cannot hold.
 *
 * <p>
 * Uses no other package of ours, and no Spring: plain Java and Jackson. Start with
 * {@link dev.articleexporter.input.ArticleFile}.
 */
package dev.articleexporter.input;
