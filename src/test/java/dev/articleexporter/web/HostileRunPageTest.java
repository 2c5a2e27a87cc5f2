package dev.articleexporter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.articleexporter.testing.CliRun;
import dev.articleexporter.testing.SpecialFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A run that met a link to a secret and a named pipe: the page names both files and shows
 * nothing of the secret.
 */
@SpringBootTest(properties = { "spring.main.web-application-type=servlet", "exporter.serve.schedule=false" })
@AutoConfigureMockMvc
@DirtiesContext
class HostileRunPageTest {

    private static final String SECRET = "AKIA-hunter2-page-5d1";

    @TempDir
    static Path work;

    @Autowired
    MockMvc mvc;

    @BeforeAll
    static void hostileRun() throws Exception {
        Path input = Files.createDirectories(ServedFolder.input(work));
        Files.writeString(input.resolve("a-good.json"),
                "{\"id\": \"good\", \"title\": \"Good\", \"intro\": \"Text.\"}");
        Path secret = Files.writeString(Files.createDirectories(work.resolve("private")).resolve("token"),
                SECRET + "\n");
        Files.createSymbolicLink(input.resolve("b-link.json"), secret);
        SpecialFiles.mkfifo(input.resolve("c-pipe.json"));
        CliRun run = CliRun.of("export", "--input", input.toString(), "--output", ServedFolder.output(work).toString(),
                "--db", ServedFolder.database(work).toString());
        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(3);
    }

    @DynamicPropertySource
    static void folder(DynamicPropertyRegistry registry) {
        ServedFolder.properties(registry, work);
    }

    private String page(String uri) throws Exception {
        return mvc.perform(get(uri)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void thePagesNameTheFilesAndLeakNothing() throws Exception {
        String run = page("/runs/1");
        assertThat(run).contains("b-link.json")
            .contains("a symbolic link to a file outside the input folder")
            .contains("c-pipe.json")
            .contains("not a regular file (a named pipe)");
        for (String html : new String[] { run, page("/"), page("/opds") }) {
            assertThat(html).doesNotContain("hunter2").doesNotContain(SECRET);
        }
    }

}
