package dev.articleexporter.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading is bounded per article, whatever a file holds: an article larger than the limit
 * is rejected by name without being parsed, and reading goes on with the next one.
 */
class BoundedReadingTest {

    private static final int MB = 1024 * 1024;

    @TempDir
    Path folder;

    /**
     * Writes {@code prefix}, {@code count} times {@code unit}, then {@code suffix},
     * without holding it all in memory.
     */
    private Path write(String name, String prefix, String unit, long count, String suffix) throws IOException {
        Path file = folder.resolve(name);
        byte[] repeated = unit.repeat(64 * 1024 / Math.max(1, unit.length())).getBytes(StandardCharsets.UTF_8);
        long perBlock = 64 * 1024 / Math.max(1, unit.length());
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(prefix.getBytes(StandardCharsets.UTF_8));
            long left = count;
            for (; left >= perBlock; left -= perBlock) {
                out.write(repeated);
            }
            out.write(unit.repeat((int) left).getBytes(StandardCharsets.UTF_8));
            out.write(suffix.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    private static List<Input> read(Path file) {
        List<Input> inputs = new ArrayList<>();
        try (ArticleFile articles = new ArticleFile(file, file.getFileName().toString())) {
            for (Input input = articles.next(); input != null; input = articles.next()) {
                inputs.add(input instanceof Input.Parsed p ? p.checked() : input);
            }
        }
        return inputs;
    }

    /**
     * Bytes allocated by this thread while {@code work} runs; -1 when the JVM cannot say.
     */
    private static long allocatedBy(Runnable work) {
        if (!(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads)
                || !threads.isThreadAllocatedMemorySupported() || !threads.isThreadAllocatedMemoryEnabled()) {
            work.run();
            return -1;
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        work.run();
        return threads.getCurrentThreadAllocatedBytes() - before;
    }

    private static String title(Input input) {
        assertThat(input).isInstanceOf(Input.Parsed.class);
        return ((Input.Parsed) input).article().title();
    }

    @Test
    void anArticleOverTheLimitIsRejectedByNameAndTheNextOneIsRead() throws IOException {
        Path file = write("big.json", "[{\"title\": \"Before\"},\n{\"id\": \"big\", \"title\": \"Big\", \"intro\": \"",
                "x", 9L * MB, "\"},\n{\"title\": \"After\"}]\n");
        // classes loaded
        read(folder.resolve(Files.writeString(folder.resolve("warm.json"), "[{\"title\": \"W\"}]").getFileName()));
        List<Input> inputs = new ArrayList<>();
        long allocated = allocatedBy(() -> inputs.addAll(read(file)));

        assertThat(inputs).hasSize(3);
        assertThat(title(inputs.get(0))).isEqualTo("Before");
        assertThat(inputs.get(1)).isInstanceOfSatisfying(Input.Rejected.class, r -> {
            assertThat(r.origin()).isEqualTo(new Origin("big.json", 2));
            assertThat(r.reason())
                .isEqualTo("the article is 9.0 MB of JSON, more than the 8 MB an article may have; not read");
        });
        assertThat(title(inputs.get(2))).isEqualTo("After");
        // Parsed, the 9 MB text alone would have cost three times its size (char buffers,
        // then the string).
        if (allocated >= 0) {
            assertThat(allocated).as("bytes allocated while reading").isLessThan(16L * MB);
        }
    }

    @Test
    void aTwentyMegabyteStringIsSkippedWithoutBeingMaterialised() throws IOException {
        Path file = write("string.json", "[{\"id\": \"long\", \"title\": \"Long\", \"slides\": [{\"body\": \"", "ab",
                10L * MB, "\"}]}, {\"title\": \"Next\"}]");
        read(folder.resolve(Files.writeString(folder.resolve("warm.json"), "[{\"title\": \"W\"}]").getFileName()));
        List<Input> inputs = new ArrayList<>();
        long allocated = allocatedBy(() -> inputs.addAll(read(file)));

        assertThat(inputs).hasSize(2);
        assertThat(inputs.get(0)).isInstanceOfSatisfying(Input.Rejected.class, r -> assertThat(r.reason())
            .isEqualTo("the article is 20.0 MB of JSON, more than the 8 MB an article may have; not read"));
        assertThat(title(inputs.get(1))).isEqualTo("Next");
        if (allocated >= 0) {
            assertThat(allocated).as("bytes allocated while reading").isLessThan(16L * MB);
        }
    }

    @Test
    void aFileThatIsOneHugeArticleIsRejectedByName() throws IOException {
        Path file = write("one.json", "{\"id\": \"one\", \"intro\": \"", "y", 9L * MB, "\"}");
        assertThat(read(file)).singleElement().isInstanceOfSatisfying(Input.Rejected.class, r -> {
            assertThat(r.origin()).isEqualTo(Origin.wholeFile("one.json"));
            assertThat(r.reason())
                .isEqualTo("the article is 9.0 MB of JSON, more than the 8 MB an article may have; not read");
        });
    }

    @Test
    void millionsOfTinyStringsAreRejected() throws IOException {
        Path file = write("tiny.json", "[{\"id\": \"many\", \"title\": \"Many\", \"tags\": [", "\"a\",", 2_000_000,
                "\"a\"]}, {\"title\": \"Next\"}]");
        List<Input> inputs = read(file);
        assertThat(inputs).hasSize(2);
        // 7.6 MB, under the size limit: what stops it is the number of values, long
        // before a tree of them is built.
        assertThat(inputs.get(0)).isInstanceOfSatisfying(Input.Rejected.class, r -> assertThat(r.reason())
            .isEqualTo("the article holds more than 200,000 JSON values (texts, numbers, lists, ...); not read"));
        assertThat(title(inputs.get(1))).isEqualTo("Next");
    }

    @Test
    void anArticleOfTooManyValuesIsRejectedEvenUnderTheSizeLimit() throws IOException {
        Path file = write("values.json", "[{\"id\": \"numbers\", \"title\": \"Numbers\", \"data\": [", "1,", 300_000,
                "1]}, {\"title\": \"Next\"}]");
        List<Input> inputs = read(file);
        assertThat(inputs).hasSize(2);
        assertThat(inputs.get(0)).isInstanceOfSatisfying(Input.Rejected.class, r -> {
            assertThat(r.origin()).isEqualTo(new Origin("values.json", 1));
            assertThat(r.reason())
                .isEqualTo("the article holds more than 200,000 JSON values (texts, numbers, lists, ...); not read");
        });
        assertThat(title(inputs.get(1))).isEqualTo("Next");
    }

    @Test
    void aSyntaxErrorSaysHowManyArticlesAfterItWereSkipped() throws IOException {
        Path file = folder.resolve("broken.json");
        Files.writeString(file,
                "[{\"title\": \"A\"},\n  {\"title\": \"B\",, },\n {\"title\": \"C\"}, {\"title\": \"D\", \"x\": [1, {}]},\n"
                        + " {\"title\": \"E\"}]\n");
        List<Input> inputs = read(file);
        assertThat(inputs).hasSize(2);
        assertThat(inputs.get(1)).isInstanceOfSatisfying(Input.Rejected.class, r -> {
            assertThat(r.origin()).isEqualTo(new Origin("broken.json", 2));
            assertThat(r.reason()).startsWith("not valid JSON: line 2, column 17: ")
                .endsWith("; the rest of the file was skipped (about 3 more articles)");
        });
    }

    @Test
    void aMissingCommaIsASyntaxErrorAtItsPlace() throws IOException {
        Path file = folder.resolve("comma.json");
        Files.writeString(file, "[{\"title\": \"A\"}\n {\"title\": \"B\"}, {\"title\": \"C\"}]");
        List<Input> inputs = read(file);
        assertThat(inputs).hasSize(2);
        assertThat(title(inputs.get(0))).isEqualTo("A");
        assertThat(inputs.get(1)).isInstanceOfSatisfying(Input.Rejected.class, r -> {
            assertThat(r.origin()).isEqualTo(new Origin("comma.json", 1));
            assertThat(r.reason()).startsWith("not valid JSON: line 2, column 2: ")
                .endsWith("; the rest of the file was skipped (about 2 more articles)");
        });
    }

    @Test
    void errorsAfterASkippedArticleAreLocatedInTheFile() throws IOException {
        Path file = write("after.json", "[{\"title\": \"A\"},\n{\"intro\": \"", "z", 9L * MB,
                "\"},\n{\"title\": \"B\"},\n {\"title\": \"C\" \"x\"},\n {\"title\": \"D\"}]");
        List<Input> inputs = read(file);
        assertThat(inputs).hasSize(4);
        assertThat(inputs.get(1)).isInstanceOf(Input.Rejected.class);
        assertThat(title(inputs.get(2))).isEqualTo("B");
        assertThat(inputs.get(3)).isInstanceOfSatisfying(Input.Rejected.class, r -> {
            assertThat(r.origin()).isEqualTo(new Origin("after.json", 4));
            assertThat(r.reason()).startsWith("not valid JSON: line 4, column 16: ")
                .endsWith("; the rest of the file was skipped (about 1 more article)");
        });
    }

    @Test
    void parseErrorsDoNotEchoTheFilesText() throws IOException {
        Path bare = folder.resolve("bare.json");
        Files.writeString(bare, "hunter2-secret\n");
        Path inArray = folder.resolve("array.json");
        Files.writeString(inArray, "[{\"title\": \"A\"}, {\"title\": hunter2secret}]");
        Path key = folder.resolve("key.json");
        Files.writeString(key, "{hunter2: 1}");
        Path number = folder.resolve("number.json");
        Files.writeString(number, "[{\"pin\": 0123456}]");
        List<String> reasons = new ArrayList<>();
        for (Path file : List.of(bare, inArray, key, number)) {
            for (Input input : read(file)) {
                if (input instanceof Input.Rejected r) {
                    reasons.add(r.reason());
                }
            }
        }
        assertThat(reasons).hasSize(4)
            .allSatisfy(r -> assertThat(r).startsWith("not valid JSON: line 1, column ")
                .doesNotContain("hunter2")
                .doesNotContain("123456"));
    }

    @Test
    void utf16FilesAreStillRead() throws IOException {
        Path file = folder.resolve("utf16.json");
        Files.write(file, "\uFEFF[{\"title\": \"Caf\u00e9\"}, {\"title\": \"B\"}]".getBytes(StandardCharsets.UTF_16LE));
        List<Input> inputs = read(file);
        assertThat(inputs).hasSize(2);
        assertThat(title(inputs.get(0))).isEqualTo("Caf\u00e9");
        // no byte-order mark: told by its zero bytes, as Jackson does
        Path bigEndian = folder.resolve("utf16be.json");
        Files.write(bigEndian, "{\"title\": \"\u00dcber\"}".getBytes(StandardCharsets.UTF_16BE));
        assertThat(title(read(bigEndian).getFirst())).isEqualTo("\u00dcber");
        Path marked = folder.resolve("bom.json");
        Files.write(marked, "\uFEFF{\"title\": \"Marked\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(title(read(marked).getFirst())).isEqualTo("Marked");
    }

    @Test
    void aPartitionThatDoesNotOwnTheFilesProblemsSeesNoneOfThem() throws IOException {
        Path file = write("shared.json", "[{\"id\": \"a\", \"title\": \"A\"}, {\"id\": \"big\", \"intro\": \"", "w",
                9L * MB, "\"}, {\"id\": \"b\", \"title\": \"B\"}, {\"id\": \"c\",, }, {\"id\": \"d\"}]");
        Share owner = share(true, "a");
        Share other = share(false, "b");
        assertThat(read(file, owner)).extracting(BoundedReadingTest::summary)
            .containsExactly("a", "#2: the article is 9.0 MB of JSON, more than the 8 MB an article may have; not read",
                    "#4: not valid JSON: line 1, column 9437279: Unexpected character ',': was expecting double-quote to start property name"
                            + "; the rest of the file was skipped (about 1 more article)");
        // The other partition reads the same file, reports nothing of it, and stops at
        // the same place.
        assertThat(read(file, other)).extracting(BoundedReadingTest::summary).containsExactly("b");
    }

    private static Share share(boolean fileProblems, String id) {
        return new Share() {
            @Override
            public boolean ownsArticle(String fileName, ArticleNode article) {
                return id.equals(article.id());
            }

            @Override
            public boolean ownsFileProblems(String fileName) {
                return fileProblems;
            }
        };
    }

    private static List<Input> read(Path file, Share share) {
        List<Input> inputs = new ArrayList<>();
        try (ArticleFile articles = new ArticleFile(file, file.getFileName().toString(), share)) {
            for (Input input = articles.next(); input != null; input = articles.next()) {
                inputs.add(input);
            }
        }
        return inputs;
    }

    private static String summary(Input input) {
        return input instanceof Input.Parsed p ? p.node().id()
                : "#" + input.origin().position() + ": " + ((Input.Rejected) input).reason();
    }

    @Test
    void theProgressCountSkipsBigArticlesWithoutReadingThem() throws IOException {
        write("big.json", "[{\"title\": \"A\"}, {\"intro\": \"", "q", 9L * MB, "\"}, {\"title\": \"C\"}]");
        Files.writeString(folder.resolve("one.json"), "{\"title\": \"One\"}");
        long allocated = allocatedBy(() -> assertThat(new InputFolder(folder).countArticles()).isEqualTo(4));
        if (allocated >= 0) {
            assertThat(allocated).isLessThan(4L * MB);
        }
    }

}
