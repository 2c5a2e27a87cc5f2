package dev.articleexporter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.articleexporter.delivery.DeliveryHistory;
import dev.articleexporter.history.DigestHistory;
import dev.articleexporter.history.RunHistory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/**
 * The editors' page, the run page, the status endpoint and "Run export now", with no
 * credentials configured.
 */
@SpringBootTest(properties = { "spring.main.web-application-type=servlet", "exporter.serve.schedule=false" })
@AutoConfigureMockMvc
@DirtiesContext
class PageTest {

    @TempDir
    static Path work;

    @Autowired
    MockMvc mvc;

    @Autowired
    ExportRuns runs;

    @Autowired
    RunHistory history;

    @Autowired
    DigestHistory editions;

    @Autowired
    DeliveryHistory deliveries;

    @BeforeAll
    static void exported() throws Exception {
        ServedFolder.exportSamples(work, 25); // 5 samples and 25 briefs: 30 articles
        // One article with a cover, one exported before covers existed (whether or not
        // the export wrote covers).
        TestCovers.write(ServedFolder.output(work), "five-harbour-towns-to-visit-in-winter");
        TestCovers.remove(ServedFolder.output(work), "three-questions-before-you-refinance");
    }

    /** The table row of the article with this title. */
    private static String row(String html, String title) {
        Matcher m = Pattern
            .compile("<tr>(?:(?!</tr>).)*<span class=\"title\">" + Pattern.quote(title) + "</span>(?:(?!</tr>).)*</tr>",
                    Pattern.DOTALL)
            .matcher(html);
        assertThat(m.find()).as("a row for %s", title).isTrue();
        return m.group();
    }

    @DynamicPropertySource
    static void folder(DynamicPropertyRegistry registry) {
        ServedFolder.properties(registry, work);
    }

    private String page(String uri) throws Exception {
        return mvc.perform(get(uri)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static List<String> titles(String html) {
        Matcher m = Pattern.compile("<span class=\"title\">([^<]*)</span>").matcher(html);
        return m.results().map(r -> HtmlUtils.htmlUnescape(r.group(1))).toList();
    }

    @Test
    void listsTheArticlesWithTheirDownloadsAndSizes() throws Exception {
        String html = page("/");
        assertThat(html).contains("Five Harbour Towns to Visit in Winter")
            .contains("href=\"/files/five-harbour-towns-to-visit-in-winter.pdf\"")
            .contains("href=\"/files/five-harbour-towns-to-visit-in-winter.epub\"")
            .containsPattern("<span class=\"format\">PDF</span><span class=\"size\">\\d+ KB</span>")
            .contains("Travel Desk Staff · Example Travel Desk")
            .contains("20 Nov 2026")
            .contains("<option value=\"Travel\">Travel (2)</option>")
            .contains("<span class=\"count\">30</span>")
            .contains("href=\"/files/%C3%A9t%C3%A9-%C3%A0-paris.pdf\"");
        assertThat(titles(html)).hasSize(Math.min(30, PageController.PAGE_SIZE));
        assertThat(html).contains("action=\"/runs\"").containsPattern("name=\"_csrf\" value=\"[^\"]+\"");
    }

    @Test
    void showsEachArticlesThumbnailBesideItsTitleAndNamesBothCatalogs() throws Exception {
        String html = page("/");
        String harbour = row(html, "Five Harbour Towns to Visit in Winter").replaceAll("\\s+", " ");
        // decorative (the title is beside it), its real size so nothing shifts, loaded
        // as it scrolls into view
        assertThat(harbour)
            .contains("<img class=\"thumb\" src=\"/files/five-harbour-towns-to-visit-in-winter.thumb.jpg\""
                    + " alt=\"\" width=\"200\" height=\"320\" loading=\"lazy\">");
        assertThat(harbour.indexOf("class=\"thumb\"")).isLessThan(harbour.indexOf("class=\"title\""));
        String refinance = row(html, "Three Questions Before You Refinance").replaceAll("\\s+", " ");
        assertThat(refinance).doesNotContain("<img").contains("class=\"thumb no-cover\" aria-hidden=\"true\"");
        // the thumbnail is served where the page points
        mvc.perform(get("/files/five-harbour-towns-to-visit-in-winter.thumb.jpg"))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Type", "image/jpeg"));
        assertThat(html.replaceAll("\\s+", " ")).contains("href=\"http://localhost/opds\"")
            .contains("(OPDS 1.2)")
            .contains("href=\"http://localhost/opds/v2\"")
            .contains("OPDS 2.0");
    }

    @Test
    void listsTheFoldersEditionsWithTheirDownloads() throws Exception {
        assertThat(page("/")).doesNotContain("Nightly editions");
        Files.write(ServedFolder.output(work).resolve("digest-2026-11-25-run-1.epub"), new byte[2048]);
        editions.record(1, ServedFolder.output(work), "digest-2026-11-25-run-1", "Nightly digest <25 November>", 29,
                List.of("epub", "pdf"));
        String html = page("/");
        assertThat(html).contains("Nightly editions")
            .contains("Nightly digest &lt;25 November&gt;")
            .contains("29 articles")
            .contains("href=\"/files/digest-2026-11-25-run-1.epub\"")
            .contains("<span class=\"size\">2 KB</span>")
            // no such file
            .doesNotContain("href=\"/files/digest-2026-11-25-run-1.pdf\"");
    }

    @Test
    void showsMarkupFromInputsAsText() throws Exception {
        String html = page("/?q=claims");
        assertThat(html)
            .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;Bold&lt;/b&gt; claims")
            .doesNotContain("<script>alert")
            .doesNotContain("<b>Bold</b>");
    }

    @Test
    void filtersByTextAndSectionWithAPlainGetForm() throws Exception {
        assertThat(titles(page("/?q=HARBOUR"))).containsExactly("Five Harbour Towns to Visit in Winter");
        assertThat(titles(page("/?section=Politics"))).containsExactlyInAnyOrder(
                "Iraq’s Prime Minister Calls for Departure of U.S.-Led Military Coalition", ServedFolder.HOSTILE_TITLE);
        assertThat(titles(mvc.perform(get("/").param("q", "brief number 1").param("section", "Business"))
            .andReturn()
            .getResponse()
            .getContentAsString())).containsExactlyInAnyOrder("Market brief number 1", "Market brief number 11",
                    "Market brief number 13", "Market brief number 15", "Market brief number 17",
                    "Market brief number 19");
        String none = page("/?q=nothing-like-this");
        assertThat(titles(none)).isEmpty();
        assertThat(none).contains("No article matches this filter.");
        assertThat(page("/?section=Politics"))
            .contains("<option value=\"Politics\" selected=\"selected\">Politics (2)</option>");
    }

    @Test
    void pagesThroughBigFoldersKeepingTheFilter() throws Exception {
        String first = page("/?q=brief&size=10");
        assertThat(titles(first)).hasSize(10);
        assertThat(first).contains("1–10 of 25 · page 1 of 3")
            .contains("href=\"/?q=brief&amp;page=2&amp;size=10#articles\"")
            .doesNotContain("rel=\"prev\"");
        String last = page("/?q=brief&size=10&page=3");
        assertThat(titles(last)).hasSize(5);
        assertThat(last).contains("21–25 of 25 · page 3 of 3").doesNotContain("rel=\"next\"");
        // Together the pages list each article once.
        String second = page("/?q=brief&size=10&page=2");
        assertThat(titles(first).stream().filter(titles(second)::contains)).isEmpty();
        // Out of range: the last page; nonsense: 400.
        assertThat(titles(page("/?q=brief&size=10&page=99"))).hasSize(5);
        mvc.perform(get("/?page=abc")).andExpect(status().isBadRequest());
    }

    @Test
    void listsRunsWithTheirRejectedInputsAndReasons() throws Exception {
        String html = page("/");
        assertThat(html).contains("<span class=\"badge status-completed\">COMPLETED</span>")
            .contains("Rejected inputs (1)")
            .contains("<span class=\"where\">broken.json</span>")
            .containsPattern("<span class=\"why\">not valid JSON[^<]*</span>")
            .contains("href=\"/runs/1\"");
        String run = page("/runs/1");
        assertThat(run).contains("Run 1")
            .contains("broken.json")
            .contains("not valid JSON")
            .contains("images/missing-photo.jpg: not found"); // the warning
        mvc.perform(get("/runs/999")).andExpect(status().isNotFound());
        mvc.perform(get("/runs/abc")).andExpect(status().isBadRequest());
    }

    @Test
    void theRunPageShowsItsDeliveriesByMail() throws Exception {
        assertThat(page("/runs/1")).contains("Deliveries by e-mail").contains("None.");
        deliveries.sending(1, "reader@kindle.example", "digest", List.of("digest-2026-12-06-run-1.epub"), "<m1@x>");
        deliveries.failed(1, "reader@kindle.example", "digest", "the mail server at smtp.example:587 refused <&>",
                Instant.now());
        deliveries.sending(1, "editor@example.com", "digest", List.of("digest-2026-12-06-run-1.pdf"), "<m2@x>");
        deliveries.sent(1, "editor@example.com", "digest");
        String run = page("/runs/1");
        assertThat(run).contains("reader@kindle.example: digest")
            .contains(
                    "FAILED (digest-2026-12-06-run-1.epub): the mail server at smtp.example:587 refused &lt;&amp;&gt;")
            .contains("editor@example.com: digest")
            .contains("SENT (digest-2026-12-06-run-1.pdf)");
    }

    @Test
    void answersStatusAsJson() throws Exception {
        mvc.perform(get("/api/status").accept(MediaType.APPLICATION_JSON))
            .andExpect(status().isOk())
            .andExpect(header().string("Cache-Control", "no-store"))
            .andExpect(jsonPath("$.state").value("idle"))
            .andExpect(jsonPath("$.lastRunId").isNumber())
            .andExpect(jsonPath("$.nextRun").doesNotExist())
            .andExpect(jsonPath("$.message").isString());
    }

    @Test
    void runNowStartsARunFromTheFormAndFromScript() throws Exception {
        long before = history.recent(ServedFolder.output(work), 100).size();
        mvc.perform(post("/runs").with(csrf()))
            .andExpect(status().isSeeOther())
            .andExpect(header().string("Location", "/?run=started#status"));
        awaitIdle();
        assertThat(page("/?run=started")).contains("Export started.");
        mvc.perform(post("/runs").with(csrf()).accept(MediaType.APPLICATION_JSON))
            .andExpect(status().isAccepted())
            .andExpect(jsonPath("$.start").value("STARTED"));
        awaitIdle();
        List<dev.articleexporter.history.RunSummary> after = history.recent(ServedFolder.output(work), 100);
        assertThat(after).hasSize((int) before + 2);
        assertThat(after.getFirst().status()).isEqualTo("COMPLETED");
        // nothing changed since the first export
        assertThat(after.getFirst().unchanged()).isEqualTo(30);
        assertThat(page("/api/status")).contains("\"state\":\"idle\"").contains("COMPLETED in ");
    }

    @Test
    void refusesAPostWithoutItsCsrfToken() throws Exception {
        mvc.perform(post("/runs")).andExpect(status().isForbidden());
        mvc.perform(post("/runs").header("Origin", "https://evil.example").accept(MediaType.APPLICATION_JSON))
            .andExpect(status().isForbidden());
        mvc.perform(post("/runs").with(csrf().useInvalidToken())).andExpect(status().isForbidden());
        assertThat(runs.active()).isNull();
    }

    @Test
    void answersOnlyRequestsAddressedToThisMachineWhenOpen() throws Exception {
        mvc.perform(get("http://evil.example/")).andExpect(status().isBadRequest());
        mvc.perform(get("http://attacker.localhost.example.com/files/five-harbour-towns-to-visit-in-winter.pdf"))
            .andExpect(status().isBadRequest());
        mvc.perform(get("http://127.0.0.1/")).andExpect(status().isOk());
        mvc.perform(get("http://[::1]/")).andExpect(status().isOk());
    }

    @Test
    void sendsHeadersThatKeepThePageToItself() throws Exception {
        mvc.perform(get("/"))
            .andExpect(header().string("Content-Security-Policy", WebSecurityConfig.CONTENT_SECURITY_POLICY))
            .andExpect(header().string("X-Frame-Options", "DENY"))
            .andExpect(header().string("X-Content-Type-Options", "nosniff"))
            .andExpect(header().string("Referrer-Policy", "same-origin"));
        String html = page("/");
        assertThat(html).doesNotContainPattern("<script>[^<]").doesNotContain("style=\"").doesNotContain(" onclick=");
        mvc.perform(get("/assets/style.css")).andExpect(status().isOk());
        mvc.perform(get("/assets/app.js")).andExpect(status().isOk());
    }

    @Test
    void aMissingPageIsATidy404() throws Exception {
        String html = mvc.perform(get("/no-such-page").accept(MediaType.TEXT_HTML))
            .andExpect(status().isNotFound())
            .andReturn()
            .getResponse()
            .getContentAsString();
        // MockMvc does not forward to /error; ServerTest checks the real error page
        assertThat(html).isEmpty();
    }

    private void awaitIdle() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (runs.active() != null) {
            assertThat(System.nanoTime()).as("the run ended").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

}
