package dev.articleexporter.render.epub;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * DAISY Ace, the EPUB accessibility checker, run on one EPUB: {@code ace-puppeteer} (Ace
 * 1.4 with Puppeteer driving Debian's {@code chromium}; the plain {@code ace} command
 * needs Electron). Ace's Puppeteer runner always starts Chromium with
 * {@code --no-sandbox}, so it works as root. The violations are read from the
 * {@code report.json} it writes (EARL assertions).
 */
final class AceCheck {

    static final String INSTALL = "ELECTRON_SKIP_BINARY_DOWNLOAD=1 PUPPETEER_SKIP_DOWNLOAD=1 npm install -g @daisy/ace"
            + " and Debian's chromium (apt-get install chromium); .ci/run installs both";

    /** Ace's limit per document is 4 minutes; one of our books takes about 20 s. */
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private AceCheck() {
    }

    /**
     * One failed check.
     *
     * @param rule Ace's rule id, e.g. {@code metadata-accessmode} or an axe rule
     * @param impact {@code minor}, {@code moderate}, {@code serious} or {@code critical}
     * @param location the document (and the CSS selector, when Ace gives one)
     */
    record Violation(String rule, String impact, String message, String location) {

        @Override
        public String toString() {
            return impact + " " + rule + " at " + location + ": " + message;
        }
    }

    /**
     * What Ace said about one book.
     *
     * @param dir where its reports are ({@code report.json}, {@code report.html})
     */
    record Report(List<Violation> violations, Duration took, Path dir) {
    }

    /** Runs Ace on {@code epub}, its reports going to {@code dir}. */
    static Report check(Path epub, Path dir) throws IOException, InterruptedException {
        Path ace = ExternalTool.find("ace-puppeteer", INSTALL);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PUPPETEER_EXECUTABLE_PATH", chromium().toString());
        // Ace's default of 5 s for Chromium to start is too short on a busy machine.
        env.put("ACE_TIMEOUT_INITIAL", "60000");
        ExternalTool.Run run = ExternalTool.runOk(dir, "ace", TIMEOUT, env,
                List.of(ace.toString(), "--outdir", dir.resolve("report").toString(), "--force", epub.toString()));
        Path json = dir.resolve("report/report.json");
        if (!Files.isRegularFile(json)) {
            fail("Ace wrote no " + json + ":\n" + run.tail());
        }
        return new Report(violations(JsonMapper.builder().build().readTree(json.toFile())), run.took(),
                dir.resolve("report"));
    }

    /**
     * The browser Puppeteer drives: {@code PUPPETEER_EXECUTABLE_PATH} when set, else
     * Debian's.
     */
    static Path chromium() {
        String configured = System.getenv("PUPPETEER_EXECUTABLE_PATH");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (String name : List.of("chromium", "chromium-browser")) {
            var found = ExternalTool.onPath(name);
            if (found.isPresent()) {
                return found.get();
            }
        }
        ExternalTool.missing("chromium is not installed (DAISY Ace drives it): " + INSTALL);
        throw new AssertionError("unreachable");
    }

    /**
     * Every assertion with outcome {@code fail} in an Ace {@code report.json}: one
     * assertion per document (the package document, each content document), each holding
     * the checks that ran on it.
     * @throws AssertionError when {@code report} is not an Ace report, so a changed
     * format cannot read as "no violations"
     */
    static List<Violation> violations(JsonNode report) {
        JsonNode documents = report.path("assertions");
        if (!report.has("earl:testSubject") || !documents.isArray() || !report.has("earl:result")) {
            throw new AssertionError("not an Ace report (no earl:testSubject, assertions or earl:result): "
                    + report.toString().substring(0, Math.min(300, report.toString().length())));
        }
        List<Violation> violations = new ArrayList<>();
        for (JsonNode document : documents) {
            String url = document.path("earl:testSubject").path("url").asString("");
            for (JsonNode check : document.path("assertions")) {
                JsonNode result = check.path("earl:result");
                if (!"fail".equals(result.path("earl:outcome").asString(""))) {
                    continue;
                }
                JsonNode test = check.path("earl:test");
                JsonNode css = result.path("earl:pointer").path("css");
                String where = url + (css.isArray() && !css.isEmpty() ? " " + css.get(0).asString("") : "");
                violations.add(new Violation(test.path("dct:title").asString("?"),
                        test.path("earl:impact").asString("?"), result.path("dct:description").asString(""), where));
            }
        }
        boolean failed = "fail".equals(report.path("earl:result").path("earl:outcome").asString(""));
        if (failed && violations.isEmpty()) {
            throw new AssertionError("Ace's outcome is fail but no failed assertion was found: the report format "
                    + "changed; read " + report.path("dct:title").asString(""));
        }
        return violations;
    }

}
