package dev.articleexporter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articleexporter.testing.CliRun;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code --log-format json}: every line of the log file, and of standard error, is one
 * JSON object with the time, level, logger and message, and the run id and article where
 * the line is about them; the human format stays the default.
 */
class JsonLogTest {

    @TempDir
    Path work;

    private final JsonMapper json = JsonMapper.builder().build();

    @AfterEach
    void humanAgain() {
        Logging.format(Logging.Format.HUMAN);
    }

    @Test
    void anExportLogsOneJsonObjectPerLineWithItsRunIdAndArticle() throws Exception {
        Path input = Files.createDirectories(work.resolve("input"));
        Files.copy(Path.of("input/briefs.json"), input.resolve("briefs.json"));
        // an article with no content is rejected while it is processed
        Files.writeString(input.resolve("empty.json"), "{\"id\": \"empty-article\"}");
        String db = work.resolve("data/exporter").toString();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        PrintStream original = System.err;
        CliRun run;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            run = CliRun.of("export", "--log-format", "json", "--input", input.toString(), "--output",
                    work.resolve("output").toString(), "--db", db);
        }
        finally {
            System.setErr(original);
        }
        assertThat(run.out()).contains("Run 1");
        Path logFile = work.resolve("data/article-exporter.log");
        List<JsonNode> lines = parsed(Files.readAllLines(logFile));
        assertThat(lines).isNotEmpty().allSatisfy(line -> {
            assertThat(line.path("@timestamp").asString()).isNotEmpty();
            assertThat(line.path("level").asString()).isIn("TRACE", "DEBUG", "INFO", "WARN", "ERROR");
            assertThat(line.path("logger_name").asString()).isNotEmpty();
            assertThat(line.has("message")).isTrue();
        });
        assertThat(lines).anySatisfy(line -> {
            assertThat(line.path("message").asString()).startsWith("Run 1 started");
            assertThat(line.path("run_id").asString()).isEqualTo("1");
        });
        assertThat(lines).anySatisfy(line -> {
            assertThat(line.path("message").asString()).startsWith("Rejected empty.json");
            assertThat(line.path("run_id").asString()).isEqualTo("1");
            assertThat(line.path("article").asString()).isEqualTo("empty.json");
        });
        // standard error: the same lines (for a service's journal), JSON only
        List<JsonNode> errLines = parsed(stderr.toString(StandardCharsets.UTF_8).lines().toList());
        assertThat(errLines).anySatisfy(line -> assertThat(line.path("run_id").asString()).isEqualTo("1"));

        // the default is the human format again
        CliRun human = CliRun.of("export", "--input", input.toString(), "--output", work.resolve("output").toString(),
                "--db", db);
        assertThat(human.out()).contains("Run 2");
        assertThat(Files.readAllLines(logFile)).filteredOn(line -> line.contains("Run 2 started"))
            .singleElement()
            .asString()
            .doesNotStartWith("{")
            .contains(" INFO ");
    }

    private List<JsonNode> parsed(List<String> lines) {
        return lines.stream().filter(line -> !line.isBlank()).map(json::readTree).toList();
    }

}
