package dev.articleexporter.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articleexporter.input.ArticleNode;
import dev.articleexporter.input.Input;
import dev.articleexporter.input.Origin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hash that decides "unchanged": it moves with everything the output depends on, and
 * with nothing else.
 */
class ContentHashTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final FileTime STAMP = FileTime.from(Instant.parse("2026-01-02T03:04:05Z"));

    static final String ARTICLE = """
            {"id": "story", "title": "A Title", "intro": ["First."],
             "slides": [{"heading": "One", "body": ["Para one.", "Para two."], "credit": "Credit: Wire",
                         "image": {"src": "pic.png", "alt": "A picture"}}],
             "related": [{"label": "More", "title": "Other story", "url": "https://example.com/o", "credit": "X"}]}""";

    @TempDir
    Path folder;

    @BeforeEach
    void picture() throws IOException {
        Files.write(folder.resolve("pic.png"), new byte[] { 1, 2, 3 });
        Files.setLastModifiedTime(folder.resolve("pic.png"), STAMP);
    }

    private Input.Parsed parsed(String json) {
        return new Input.Parsed(new Origin("a.json", 1), folder, new ArticleNode(JSON.readTree(json)), "story");
    }

    private String hash(String json) {
        return ContentHash.of(parsed(json), "fingerprint", "KEEP");
    }

    @Test
    void theSameContentGivesTheSameHashAndEveryChangeAnother() {
        String original = hash(ARTICLE);
        assertThat(original).matches("[0-9a-f]{64}");
        assertThat(hash(ARTICLE)).isEqualTo(original);
        assertThat(hash(JSON.writeValueAsString(JSON.readTree(ARTICLE)))).as("other whitespace").isEqualTo(original);

        Map<String, String> changed = new LinkedHashMap<>();
        changed.put("title", ARTICLE.replace("A Title", "A New Title"));
        changed.put("paragraph", ARTICLE.replace("Para two.", "Para 2."));
        changed.put("paragraph added", ARTICLE.replace("\"Para two.\"", "\"Para two.\", \"Three.\""));
        changed.put("paragraphs split elsewhere",
                ARTICLE.replace("\"Para one.\", \"Para two.\"", "\"Para one.P\", \"ara two.\""));
        changed.put("credit", ARTICLE.replace("Credit: Wire", "Credit: Agency"));
        changed.put("related link", ARTICLE.replace("https://example.com/o", "https://example.com/p"));
        changed.put("related title", ARTICLE.replace("Other story", "Another story"));
        changed.put("image alt", ARTICLE.replace("A picture", "A photo"));
        changed.put("image", ARTICLE.replace("pic.png", "other.png"));
        changed.put("field added",
                ARTICLE.replace("\"id\": \"story\",", "\"id\": \"story\", \"author\": \"Somebody\","));
        changed.put("null added", ARTICLE.replace("\"id\": \"story\",", "\"id\": \"story\", \"author\": null,"));
        changed.put("text \"7\"", ARTICLE.replace("\"credit\": \"X\"", "\"credit\": \"7\""));
        changed.put("the number 7", ARTICLE.replace("\"credit\": \"X\"", "\"credit\": 7"));
        changed.put("list as one value", ARTICLE.replace("[\"First.\"]", "\"First.\""));
        changed.put("characters XML cannot hold", ARTICLE.replace("A Title", "A Title\\u0007"));
        Set<String> hashes = new HashSet<>(Set.of(original));
        changed.forEach((what, json) -> assertThat(hashes.add(hash(json))).as(what).isTrue());
    }

    @Test
    void theImageStampTheNameAndTheSettingsCountToo() throws IOException {
        String original = hash(ARTICLE);
        Files.setLastModifiedTime(folder.resolve("pic.png"), FileTime.from(STAMP.toInstant().plusSeconds(60)));
        String touched = hash(ARTICLE);
        assertThat(touched).isNotEqualTo(original);
        Files.write(folder.resolve("pic.png"), new byte[] { 1, 2, 3, 4 });
        Files.setLastModifiedTime(folder.resolve("pic.png"), STAMP);
        assertThat(hash(ARTICLE)).isNotIn(original, touched);
        Files.delete(folder.resolve("pic.png"));
        assertThat(hash(ARTICLE)).isNotIn(original, touched);

        Input.Parsed parsed = parsed(ARTICLE);
        String base = ContentHash.of(parsed, "fingerprint", "KEEP");
        assertThat(Set.of(base, ContentHash.of(parsed.withStem("story--2"), "fingerprint", "KEEP"),
                ContentHash.of(parsed, "fingerprint", "DROP"), ContentHash.of(parsed, "other fingerprint", "KEEP")))
            .hasSize(4);
    }

    @Test
    void fieldsAnArticleDoesNotHaveAreNotContent() {
        // Binding ignores them: a feed may stamp each article with a time that changes
        // every night.
        String extras = ARTICLE
            .replace("\"id\": \"story\",", "\"id\": \"story\", \"fetchedAt\": \"2026-11-25T03:00:00Z\",")
            .replace("\"heading\": \"One\",", "\"heading\": \"One\", \"views\": 1234,");
        assertThat(hash(extras)).isEqualTo(hash(ARTICLE));
    }

    @Test
    void bindingAnArticleDoesNotChangeItsHash() {
        Input.Parsed parsed = parsed(ARTICLE.replace("Para two.", "Bell\\u0007 two."));
        String before = ContentHash.of(parsed, "fingerprint", "KEEP");
        assertThat(parsed.checked()).isSameAs(parsed);
        assertThat(parsed.warnings()).singleElement().asString().contains("U+0007");
        assertThat(parsed.article().slides().getFirst().body()).containsExactly("Para one.", "Bell two.");
        assertThat(ContentHash.of(parsed, "fingerprint", "KEEP")).isEqualTo(before);
    }

}
