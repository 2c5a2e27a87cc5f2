/**
 * From input to model: {@link dev.articleexporter.rules.StoryMaker} turns an input
 * article into a {@link dev.articleexporter.model.Story}, after the ordered
 * {@link dev.articleexporter.rules.ArticleRule} components (credits, promotions, repeated
 * paragraphs, whitespace, ...) have cleaned it; {@code ImageLoader} loads and prepares
 * local images.
 *
 * <p>
 * May use only {@code input} and {@code model}. Start with
 * {@link dev.articleexporter.rules.StoryMaker}.
 */
package dev.articleexporter.rules;
