package dev.articleexporter.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The subscribers file: what it means, and plain messages for what it gets wrong. */
class SubscribersFileTest {

    @TempDir
    Path folder;

    private Path file(String yaml) throws IOException {
        return Files.writeString(folder.resolve("subscribers.yml"), yaml);
    }

    @Test
    void readsDigestAndSectionSubscribers() throws Exception {
        List<Subscriber> subscribers = SubscribersFile.read(file("""
                subscribers:
                  - address: reader@kindle.com
                    formats: [epub]
                    content: digest
                    max-size: 50MB
                  - address: editor@example.org
                    formats: [PDF, epub]
                    content:
                      sections: [World, Sport]
                    max-size: 25 MB
                  - address: plain@example.org
                """));
        assertThat(subscribers).containsExactly(
                new Subscriber("reader@kindle.com", List.of("epub"), List.of(), 50_000_000),
                new Subscriber("editor@example.org", List.of("pdf", "epub"), List.of("World", "Sport"), 25_000_000),
                new Subscriber("plain@example.org", List.of("epub"), List.of(), SubscribersFile.DEFAULT_MAX_SIZE));
        assertThat(subscribers.get(1).item()).isEqualTo("sections World,Sport pdf,epub");
        assertThat(subscribers.get(0).item()).isEqualTo("digest epub");
    }

    @Test
    void eachMistakeNamesTheFileAndTheEntry() throws IOException {
        assertProblem("subscribers:\n  - address: not-an-address\n", "entry 1: 'address' must be one e-mail address");
        assertProblem("subscribers:\n  - address: a@b.example\n    formats: [mobi]\n",
                "entry 1 (a@b.example): unknown format 'mobi'");
        assertProblem("subscribers:\n  - address: a@b.example\n    max-size: huge\n",
                "entry 1 (a@b.example): 'max-size' must be a size");
        assertProblem("subscribers:\n  - address: a@b.example\n    content: everything\n",
                "entry 1 (a@b.example): 'content' must be 'digest' or 'sections: [..]'");
        assertProblem("subscribers:\n  - address: a@b.example\n    format: [pdf]\n",
                "entry 1 (a@b.example): unknown setting 'format'");
        assertProblem("readers: []\n", "must have a 'subscribers:' list");
        assertProblem("subscribers: [\n", "is not valid YAML");
    }

    @Test
    void yamlTagsMakeNoObjects() throws IOException {
        assertProblem("subscribers:\n  - !!java.io.File [\"/etc/passwd\"]\n", "is not valid YAML");
    }

    private void assertProblem(String yaml, String message) throws IOException {
        Path file = file(yaml);
        assertThatThrownBy(() -> SubscribersFile.read(file)).isInstanceOf(SubscribersFile.InvalidException.class)
            .hasMessageContaining(file.toString())
            .hasMessageContaining(message);
    }

}
