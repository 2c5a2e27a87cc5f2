package dev.articleexporter.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A stamp's content reads back as it was written. */
class StampContentTest {

    @Test
    void articlesAndImagesReadBackAsWritten() {
        StampContent content = new StampContent(
                List.of(new StampContent.Article(1, "a-1", "a-1"), new StampContent.Article(2, "untitled-2", null),
                        new StampContent.Article(3, "qu\u00e9-\"x\"", "q\u00e9\\")),
                List.of(new String[] { "images/a b.png", "123:456" }, new String[] { "c.jpg", "-" }));
        StampContent read = StampContent.fromJson(content.toJson());
        assertThat(read.articles()).isEqualTo(content.articles());
        assertThat(read.images()).containsExactly(content.images().toArray(String[][]::new));
        assertThat(StampContent.fromJson(StampContent.imagesJson(List.of())).articles()).isEmpty();
    }

    @Test
    void somethingElseIsRefused() {
        assertThatThrownBy(() -> StampContent.fromJson("[1]")).isInstanceOf(IllegalArgumentException.class);
    }

}
