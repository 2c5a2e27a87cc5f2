package dev.articleexporter.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articleexporter.input.Article;
import dev.articleexporter.input.Input;
import dev.articleexporter.input.Origin;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputNamesTest {

    private final OutputNames names = new OutputNames(OutputNames.Committed.NONE);

    private static Input.Parsed article(String file, int position, String id, String title) {
        Article article = new Article(id, title, null, null, null, null, null, null, null, null, null, null);
        return new Input.Parsed(new Origin(file, position), Path.of("."), article, List.of(), null);
    }

    @Test
    void theFirstOfTwoEqualIdsIsExportedAndTheSecondRejectedNamingBoth() {
        Input first = names.assign(article("a.json", 1, "story-1", "One"));
        Input second = names.assign(article("b.json", 3, "story-1", "Another"));
        assertThat(first).isInstanceOfSatisfying(Input.Parsed.class, p -> assertThat(p.stem()).isEqualTo("story-1"));
        assertThat(second).isEqualTo(new Input.Rejected(new Origin("b.json", 3), "story-1",
                "duplicate id: the article at a.json #1 has the same id; only the first one is exported"));
    }

    @Test
    void differentArticlesThatCleanUpAlikeGetDistinctNames() {
        assertThat(stem(names.assign(article("a.json", 1, "Story", "One")))).isEqualTo("Story");
        assertThat(stem(names.assign(article("a.json", 2, "story", "Two")))).isEqualTo("story--2");
        assertThat(stem(names.assign(article("a.json", 3, null, "Same Title")))).isEqualTo("same-title");
        assertThat(stem(names.assign(article("a.json", 4, null, "Same title!")))).isEqualTo("same-title--2");
    }

    @Test
    void namesCommittedEarlierStayTakenWithoutBeingHeldInMemory() {
        OutputNames.Committed table = name -> switch (name.toLowerCase()) {
            case "story-1" -> java.util.Optional.of(new OutputNames.Holder("story-1", "a.json #1"));
            case "untitled" -> java.util.Optional.of(new OutputNames.Holder(null, "a.json #2"));
            default -> java.util.Optional.empty();
        };
        OutputNames afterRestart = new OutputNames(table);
        assertThat(afterRestart.assign(article("a.json", 5, "story-1", "One")))
            .isEqualTo(new Input.Rejected(new Origin("a.json", 5), "story-1",
                    "duplicate id: the article at a.json #1 has the same id; only the first one is exported"));
        assertThat(stem(afterRestart.assign(article("a.json", 6, null, "Untitled")))).isEqualTo("untitled--2");
        assertThat(stem(afterRestart.assign(article("a.json", 7, null, "Untitled")))).isEqualTo("untitled--3");
        // the chunk holding untitled--2 and --3 was not written: its names are free again
        afterRestart.forgetCommitted();
        assertThat(stem(afterRestart.assign(article("a.json", 8, null, "Untitled")))).isEqualTo("untitled--2");
    }

    private static String stem(Input input) {
        return ((Input.Parsed) input).stem();
    }

}
