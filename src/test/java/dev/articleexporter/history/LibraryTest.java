package dev.articleexporter.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articleexporter.history.Library.Filter;
import dev.articleexporter.history.Library.LibraryEntry;
import dev.articleexporter.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the download page and the catalog list: each output folder's latest renderings.
 */
class LibraryTest {

    @TempDir
    static Path work;

    static Library library;
    static Path output;

    @BeforeAll
    static void twoExportsAndAnotherFolder() throws Exception {
        Path input = work.resolve("input");
        Files.createDirectories(input);
        for (String name : List.of("briefs.json", "iraq-coalition.json")) {
            Files.copy(Path.of("input", name), input.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
        output = work.resolve("output");
        String db = work.resolve("data/exporter").toString();
        assertThat(CliRun.of("export", "--input", input.toString(), "--output", output.toString(), "--db", db).code())
            .isZero();
        // Unchanged: recorded again, but not a new rendering.
        assertThat(CliRun.of("export", "--input", input.toString(), "--output", output.toString(), "--db", db).out())
            .contains("3 unchanged");
        // The same articles in another folder are that folder's.
        assertThat(CliRun
            .of("export", "--input", input.toString(), "--output", work.resolve("other").toString(), "--db", db,
                    "--formats", "epub")
            .code()).isZero();
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + db);
        h2.setUser("sa");
        library = new Library(JdbcClient.create(h2));
        editions = new DigestHistory(JdbcClient.create(h2));
    }

    static DigestHistory editions;

    @Test
    void keepsEditionsPerFolderNewestFirst() {
        editions.record(1, output, "digest-2026-11-25-run-1", "Nightly digest, 25 November 2026", 3,
                List.of("epub", "pdf"));
        editions.record(2, output, "digest-2026-11-26-run-2", "Nightly digest, 26 November 2026", 1,
                List.of("epub", "pdf"));
        assertThat(editions.list(output, 0, 10)).extracting(DigestHistory.Recorded::runId).containsExactly(2L, 1L);
        assertThat(editions.count(output)).isEqualTo(2);
        assertThat(editions.count(work.resolve("other"))).isZero();
        assertThat(editions.ofRun(1).orElseThrow().articles()).isEqualTo(3);
        assertThat(editions.ofRun(3)).isEmpty();
    }

    @Test
    void listsEachArticleOnceWithItsCatalogData() {
        List<LibraryEntry> all = library.articles(output, Filter.ALL, 0, 10);
        assertThat(all).extracting(LibraryEntry::title)
            .containsExactlyInAnyOrder("Five Harbour Towns to Visit in Winter", "Three Questions Before You Refinance",
                    "Iraq’s Prime Minister Calls for Departure of U.S.-Led Military Coalition");
        assertThat(library.count(output, Filter.ALL)).isEqualTo(3);
        LibraryEntry iraq = library.find(output, "iraq-pm-calls-for-departure-of-us-led-coalition").orElseThrow();
        assertThat(iraq.section()).isEqualTo("Politics");
        assertThat(iraq.creator()).isEqualTo("The Stock Dork");
        assertThat(iraq.language()).isEqualTo("en");
        assertThat(iraq.summary()).isNotBlank().hasSizeLessThanOrEqualTo(ArticleRecord.SUMMARY_LENGTH);
        assertThat(iraq.rendered()).isNotNull();
        assertThat(iraq.runId()).isEqualTo(1); // the unchanged re-run did not render it
    }

    @Test
    void filtersByTextAndSectionAndPages() {
        assertThat(library.articles(output, new Filter("HARBOUR", null), 0, 10)).extracting(LibraryEntry::title)
            .containsExactly("Five Harbour Towns to Visit in Winter");
        assertThat(library.articles(output, new Filter(null, "Politics"), 0, 10)).hasSize(1);
        // % is a character, not a wildcard
        assertThat(library.articles(output, new Filter("100%", null), 0, 10)).isEmpty();
        assertThat(library.count(output, new Filter("money desk", null))).isEqualTo(1);
        assertThat(library.articles(output, Filter.ALL, 0, 2)).hasSize(2);
        assertThat(library.articles(output, Filter.ALL, 2, 2)).hasSize(1);
        assertThat(library.sections(output)).extracting(Library.SectionCount::section)
            .containsExactly("Personal Finance", "Politics", "Travel");
    }

    @Test
    void keepsOutputFoldersApart() {
        assertThat(library.count(work.resolve("other"), Filter.ALL)).isEqualTo(3);
        assertThat(library.count(work.resolve("nowhere"), Filter.ALL)).isZero();
    }

}
