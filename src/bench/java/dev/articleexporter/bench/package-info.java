/**
 * Benchmark support, never in the application's jar: the corpus generator
 * ({@link CorpusGenerator}, run as {@link GenerateCommand}) here in
 * {@code src/bench/java}, and the JMH benchmarks in {@code src/jmh/java}. The
 * {@code bench} Maven profile builds both into {@code benchmarks.jar}; the tests compile
 * the generator always.
 *
 * <p>
 * May use any package of the application; nothing of the application uses it.
 * {@code bench/benchmark.sh} and docs/benchmarks.md say how it is run.
 */
package dev.articleexporter.bench;
