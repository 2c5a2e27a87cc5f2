package dev.articleexporter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * With a user and password configured: HTTP Basic for every path, the catalog's included,
 * on any host name.
 */
@SpringBootTest(properties = { "spring.main.web-application-type=servlet", "exporter.serve.schedule=false",
        "server.address=0.0.0.0", "exporter.serve.user=editor", "exporter.serve.password=correct horse" })
@AutoConfigureMockMvc
@DirtiesContext
class CredentialsTest {

    static final String PDF = "/files/five-harbour-towns-to-visit-in-winter.pdf";

    @TempDir
    static Path work;

    @Autowired
    MockMvc mvc;

    @Autowired
    ExportRuns runs;

    @BeforeAll
    static void exported() throws Exception {
        ServedFolder.exportSamples(work, 0);
        TestCovers.write(ServedFolder.output(work), "five-harbour-towns-to-visit-in-winter");
    }

    /** A cover: behind the same password as the books. */
    static final String COVER = "/files/five-harbour-towns-to-visit-in-winter.cover.jpg";

    @DynamicPropertySource
    static void folder(DynamicPropertyRegistry registry) {
        ServedFolder.properties(registry, work);
    }

    @AfterEach
    void noRunLeftGoing() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (runs.active() != null && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = { "/", PDF, "/api/status", "/runs/1", "/opds", "/opds/new", "/assets/style.css", "/no-such-page",
                    "/opds/v2", "/opds/v2/new", "/opds/v2/entries/five-harbour-towns-to-visit-in-winter", COVER })
    void everyPathNeedsTheCredentials(String path) throws Exception {
        String challenge = mvc.perform(get(path))
            .andExpect(status().isUnauthorized())
            .andReturn()
            .getResponse()
            .getHeader(HttpHeaders.WWW_AUTHENTICATE);
        assertThat(challenge).startsWith("Basic realm=\"article-exporter\"");
        mvc.perform(get(path).with(httpBasic("editor", "wrong"))).andExpect(status().isUnauthorized());
        mvc.perform(get(path).with(httpBasic("someone", "correct horse"))).andExpect(status().isUnauthorized());
        int authenticated = mvc.perform(get(path).with(httpBasic("editor", "correct horse")))
            .andReturn()
            .getResponse()
            .getStatus();
        assertThat(authenticated).as(path).isNotIn(401, 403);
    }

    @Test
    void servesWithTheRightCredentialsFromAnyHost() throws Exception {
        mvc.perform(get("http://exports.example.org/").with(httpBasic("editor", "correct horse")))
            .andExpect(status().isOk());
        mvc.perform(get("http://192.0.2.10" + PDF).with(httpBasic("editor", "correct horse")))
            .andExpect(status().isOk())
            .andExpect(header().string(HttpHeaders.CONTENT_TYPE, "application/pdf"));
        mvc.perform(get("http://192.0.2.10" + COVER).with(httpBasic("editor", "correct horse")))
            .andExpect(status().isOk())
            .andExpect(header().string(HttpHeaders.CONTENT_TYPE, "image/jpeg"));
        mvc.perform(get("http://192.0.2.10/opds/v2").with(httpBasic("editor", "correct horse")))
            .andExpect(status().isOk())
            .andExpect(header().string(HttpHeaders.CONTENT_TYPE, "application/opds+json;charset=UTF-8"));
    }

    @Test
    void aBrowserSessionNeedsTheCredentialsOnlyOnce() throws Exception {
        MockHttpSession session = (MockHttpSession) mvc.perform(get("/").with(httpBasic("editor", "correct horse")))
            .andExpect(status().isOk())
            .andReturn()
            .getRequest()
            .getSession(false);
        assertThat(session).isNotNull();
        mvc.perform(get("/api/status").session(session)).andExpect(status().isOk());
    }

    @Test
    void runNowNeedsTheCredentialsAndTheCsrfToken() throws Exception {
        mvc.perform(post("/runs").with(csrf())).andExpect(status().isUnauthorized());
        mvc.perform(post("/runs").with(httpBasic("editor", "correct horse"))).andExpect(status().isForbidden());
        mvc.perform(post("/runs").with(httpBasic("editor", "correct horse")).with(csrf().useInvalidToken()))
            .andExpect(status().isForbidden());
        assertThat(runs.active()).isNull();
        mvc.perform(post("/runs").with(httpBasic("editor", "correct horse")).with(csrf()))
            .andExpect(status().isSeeOther());
    }

}
