/**
 * The run history, in plain JDBC over Spring Batch's job repository and our own tables:
 * runs and their counts, their problems, the articles each run exported or found
 * unchanged ({@code ArticleRecord}), the nightly digests, and what an output folder holds
 * now ({@code Library}).
 *
 * <p>
 * Uses no other package of ours. Start with
 * {@link dev.articleexporter.history.RunHistory}.
 */
package dev.articleexporter.history;
