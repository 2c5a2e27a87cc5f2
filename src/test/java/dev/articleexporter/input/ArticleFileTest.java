package dev.articleexporter.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleFileTest {

    @TempDir
    Path folder;

    private List<Input> readAll(String name, String json) throws IOException {
        return readBytes(name, json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aFileHoldsOneArticleOrAnArray() throws IOException {
        List<Input> one = readAll("one.json",
                """
                        {"title": "One", "intro": "Single intro", "slides": [{"heading": "H", "body": "Only paragraph"}], "extra": {"x": 1}}
                        """);
        assertThat(one).singleElement().isInstanceOfSatisfying(Input.Parsed.class, p -> {
            assertThat(p.origin()).isEqualTo(Origin.wholeFile("one.json"));
            assertThat(p.article().intro()).containsExactly("Single intro");
            assertThat(p.article().slides().getFirst().body()).containsExactly("Only paragraph");
            assertThat(p.article().related()).isEmpty();
        });
        List<Input> many = readAll("many.json", "[{\"title\": \"A\"}, {\"title\": \"B\", \"intro\": [\"x\", \"y\"]}]");
        assertThat(many).hasSize(2).allMatch(i -> i instanceof Input.Parsed);
        assertThat(many.get(1).origin()).isEqualTo(new Origin("many.json", 2));
        assertThat(readAll("empty-array.json", "[]")).isEmpty();
    }

    @Test
    void aBadArticleInAnArrayIsRejectedAloneAndTheRestIsRead() throws IOException {
        List<Input> inputs = readAll("mixed.json", """
                [{"title": "A"},
                 {"title": "B", "slides": "not a list"},
                 42,
                 {"title": "D"}]
                """);
        assertThat(inputs).hasSize(4);
        assertThat(inputs.get(1)).isInstanceOfSatisfying(Input.Rejected.class, u -> {
            assertThat(u.origin()).isEqualTo(new Origin("mixed.json", 2));
            assertThat(u.reason()).startsWith("not a valid article: ").contains("$.slides");
        });
        assertThat(inputs.get(2)).isInstanceOfSatisfying(Input.Rejected.class,
                u -> assertThat(u.reason()).isEqualTo("expected an article object, found a number"));
        assertThat(inputs.get(3)).isInstanceOfSatisfying(Input.Parsed.class,
                p -> assertThat(p.article().title()).isEqualTo("D"));
    }

    @Test
    void brokenJsonSaysWhereAndEndsTheFile() throws IOException {
        List<Input> inputs = readAll("broken.json", "[{\"title\": \"A\"},\n {\"title\": \"B\",, }]");
        assertThat(inputs).hasSize(2);
        assertThat(inputs.get(1)).isInstanceOfSatisfying(Input.Rejected.class, u -> {
            assertThat(u.origin()).isEqualTo(new Origin("broken.json", 2));
            assertThat(u.reason()).startsWith("not valid JSON: line 2, column ");
        });
    }

    @Test
    void emptyOrNonArticleFilesAreRejectedWithAReason() throws IOException {
        assertThat(readAll("empty.json", "  \n")).singleElement()
            .isInstanceOfSatisfying(Input.Rejected.class, u -> assertThat(u.reason()).isEqualTo("the file is empty"));
        assertThat(readAll("string.json", "\"hello\"")).singleElement()
            .isInstanceOfSatisfying(Input.Rejected.class, u -> assertThat(u.reason())
                .isEqualTo("expected an article object or an array of articles, found a string"));
        List<Input> trailing = readAll("trailing.json", "{\"title\": \"A\"} {\"title\": \"B\"}");
        assertThat(trailing).hasSize(2);
        assertThat(trailing.get(1)).isInstanceOfSatisfying(Input.Rejected.class,
                u -> assertThat(u.reason()).startsWith("unexpected content after the end of the JSON value"));
    }

    /**
     * The inputs as an export sees them once it binds them (the reader itself binds
     * nothing: ArticleNode).
     */
    private List<Input> readBytes(String name, byte[] bytes) throws IOException {
        return readUnbound(name, bytes).stream().map(i -> i instanceof Input.Parsed p ? p.checked() : i).toList();
    }

    private List<Input> readUnbound(String name, byte[] bytes) throws IOException {
        Path file = folder.resolve(name);
        Files.write(file, bytes);
        List<Input> inputs = new ArrayList<>();
        try (ArticleFile articles = new ArticleFile(file, name)) {
            for (Input input = articles.next(); input != null; input = articles.next()) {
                inputs.add(input);
            }
        }
        return inputs;
    }

    @Test
    void articlesAreBoundOnlyWhenUsedWithIdAndTitleKnownBefore() throws IOException {
        List<Input> inputs = readUnbound("lazy.json",
                """
                        [{"id": 7, "title": "Bell\\u0007 rings", "intro": "x"}, {"id": "b", "title": "B", "slides": "not a list"}]"""
                    .getBytes(StandardCharsets.UTF_8));
        Input.Parsed good = (Input.Parsed) inputs.get(0);
        Input.Parsed bad = (Input.Parsed) inputs.get(1);
        assertThat(good.node().isBound()).isFalse();
        assertThat(bad.node().isBound()).isFalse();
        // What naming and partitions need, as binding will give it: cleaned, scalars as
        // text.
        assertThat(good.node().id()).isEqualTo("7");
        assertThat(good.node().title()).isEqualTo("Bell rings");
        assertThat(good.node().isBound()).isFalse();

        assertThat(good.checked()).isSameAs(good);
        assertThat(good.node().isBound()).isTrue();
        assertThat(good.article().id()).isEqualTo(good.node().id());
        assertThat(good.article().title()).isEqualTo(good.node().title());
        assertThat(good.warnings()).containsExactly("removed 1 character not allowed in XML (U+0007) from $.title");
        assertThat(bad.checked()).isEqualTo(new Input.Rejected(new Origin("lazy.json", 2), bad.node().rejection()));
        assertThat(bad.node().rejection()).startsWith("not a valid article: ").contains("(at $.slides)");
        assertThat(bad.node().isBound()).isFalse();
    }

    @Test
    void invalidUtf8AndBinaryGarbageAreRejectedWithWhere() throws IOException {
        byte[] latin1 = "{\"title\": \"Caf\u00e9\"}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(readBytes("latin1.json", latin1)).singleElement().isInstanceOfSatisfying(Input.Rejected.class, r -> {
            assertThat(r.origin()).isEqualTo(Origin.wholeFile("latin1.json"));
            assertThat(r.reason()).startsWith("not valid JSON: line 1, column ").containsIgnoringCase("UTF-8");
        });
        byte[] garbage = new byte[256];
        new java.util.Random(7).nextBytes(garbage);
        garbage[0] = (byte) 0x89; // like a PNG renamed to .json
        assertThat(readBytes("photo.json", garbage)).singleElement()
            .isInstanceOfSatisfying(Input.Rejected.class,
                    r -> assertThat(r.reason()).startsWith("not valid JSON: line 1, column ")
                        .contains("Invalid UTF-8 start byte 0x89"));
    }

    @Test
    void wrongTypesNameTheField() throws IOException {
        List<Input> inputs = readAll("types.json", """
                [{"title": "A", "slides": [{"heading": "H", "body": {"not": "text"}}]},
                 {"title": ["not", "a", "string"]}]""");
        assertThat(inputs.get(0)).isInstanceOfSatisfying(Input.Rejected.class,
                r -> assertThat(r.reason()).startsWith("not a valid article: ").contains("(at $.slides[0].body)"));
        assertThat(inputs.get(1)).isInstanceOfSatisfying(Input.Rejected.class,
                r -> assertThat(r.reason()).contains("(at $.title)"));
    }

    @Test
    void charactersXmlCannotHoldAreRemovedWithAWarning() throws IOException {
        List<Input> inputs = readAll("controls.json",
                "{\"title\": \"Bell\\u0007 and \\uFFFE\", \"slides\": [{\"body\": [\"ok\", \"lone \\uD800 surrogate\"]}],"
                        + " \"intro\": \"emoji \\uD83D\\uDE00 stays\"}");
        assertThat(inputs).singleElement().isInstanceOfSatisfying(Input.Parsed.class, p -> {
            assertThat(p.article().title()).isEqualTo("Bell and ");
            assertThat(p.article().slides().getFirst().body()).containsExactly("ok", "lone  surrogate");
            assertThat(p.article().intro()).containsExactly("emoji \uD83D\uDE00 stays");
            assertThat(p.warnings()).containsExactly(
                    "removed 2 characters not allowed in XML (U+0007, U+FFFE) from $.title",
                    "removed 1 character not allowed in XML (U+D800) from $.slides[0].body[1]");
        });
    }

    @Test
    void theReaderGoesThroughJsonFilesInNameOrderAndResumes() throws IOException {
        Files.writeString(folder.resolve("b.json"), "[{\"title\": \"B1\"}, {\"title\": \"B2\"}, {\"title\": \"B3\"}]");
        Files.writeString(folder.resolve("a.json"), "{\"title\": \"A\"}");
        Files.writeString(folder.resolve("notes.txt"), "ignored");
        ArticleReader reader = new ArticleReader(folder);
        reader.open();
        assertThat(title(reader.read())).isEqualTo("A");
        assertThat(title(reader.read())).isEqualTo("B1");
        ArticleReader.Position position = reader.position();
        reader.close();

        ArticleReader restarted = new ArticleReader(folder);
        restarted.open(position);
        assertThat(title(restarted.read())).isEqualTo("B2");
        assertThat(title(restarted.read())).isEqualTo("B3");
        assertThat(restarted.read()).isNull();
        restarted.close();
        assertThat(new InputFolder(folder).countArticles()).isEqualTo(4);
    }

    private static String title(Input input) {
        return ((Input.Parsed) input).article().title();
    }

}
