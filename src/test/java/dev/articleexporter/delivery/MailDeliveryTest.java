package dev.articleexporter.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.articleexporter.cli.Cli;
import dev.articleexporter.render.epub.EpubCheckAssert;
import dev.articleexporter.testing.CliRun;
import dev.articleexporter.testing.Corpus;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

/**
 * Delivery by e-mail end to end, with a real SMTP server in the test JVM (GreenMail):
 * {@code export --digest --subscribers}, {@code deliver} and {@code runs --run}.
 */
class MailDeliveryTest {

    private static final Pattern RUN = Pattern.compile("digest-\\d{4}-\\d{2}-\\d{2}-run-(\\d+)\\.epub");

    private static final List<String> PROPERTIES = List.of("spring.mail.host", "spring.mail.port",
            "spring.mail.username", "spring.mail.password", "spring.mail.ssl.enabled",
            "spring.mail.properties.mail.smtp.ssl.trust", "spring.mail.properties.mail.smtp.ssl.checkserveridentity",
            "spring.mail.properties.mail.smtp.starttls.enable", "spring.mail.properties.mail.smtp.starttls.required",
            "exporter.mail.retry-delay", "exporter.mail.link-base");

    @TempDir
    Path work;

    private Path input;

    private Path output;

    private String db;

    private Path subscribers;

    private GreenMail server;

    @BeforeEach
    void samples() throws IOException {
        input = work.resolve("input");
        output = work.resolve("output");
        db = work.resolve("data/exporter").toString();
        FileSystemUtils.copyRecursively(Path.of("input"), input);
        subscribers = work.resolve("subscribers.yml");
        Files.writeString(subscribers, """
                subscribers:
                  - address: reader@kindle.example
                    formats: [epub]
                    content: digest
                    max-size: 50MB
                """);
    }

    @AfterEach
    void stop() {
        PROPERTIES.forEach(System::clearProperty);
        if (server != null) {
            server.stop();
        }
    }

    private void start(ServerSetup setup, GreenMailConfiguration configuration) {
        server = new GreenMail(setup).withConfiguration(configuration);
        server.start();
        System.setProperty("spring.mail.host", "127.0.0.1");
        System.setProperty("spring.mail.port",
                String.valueOf(setup.isSecure() ? server.getSmtps().getPort() : server.getSmtp().getPort()));
    }

    private void start() {
        start(ServerSetup.SMTP.dynamicPort(), GreenMailConfiguration.aConfig());
    }

    private CliRun export() {
        return CliRun.of("export", "--input", input.toString(), "--output", output.toString(), "--db", db, "--digest",
                "--subscribers", subscribers.toString(), "--mail-from", "exporter@news.example");
    }

    private CliRun deliver(String... extra) {
        List<String> args = new ArrayList<>(List.of("deliver", "--db", db, "--subscribers", subscribers.toString(),
                "--mail-from", "exporter@news.example"));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static long runOf(CliRun run) {
        Matcher m = RUN.matcher(run.out());
        assertThat(m.find()).as(run.out()).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** The attachments of a message, by file name. */
    private static List<Part> attachments(MimeMessage message) throws Exception {
        List<Part> parts = new ArrayList<>();
        Multipart multipart = (Multipart) message.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                parts.add(part);
            }
        }
        return parts;
    }

    /** The text of a message (its first text/plain part, however nested). */
    private static String text(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return String.valueOf(part.getContent());
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = text(multipart.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    /** The book's title, from its package document. */
    private static String epubTitle(Path epub) throws IOException {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(epub.toFile())) {
            java.util.zip.ZipEntry opf = zip.stream()
                .filter(e -> e.getName().endsWith(".opf"))
                .findFirst()
                .orElseThrow();
            String xml = new String(zip.getInputStream(opf).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("<dc:title[^>]*>([^<]*)</dc:title>").matcher(xml);
            assertThat(m.find()).as(xml).isTrue();
            return m.group(1);
        }
    }

    private Path saved(Part part) throws Exception {
        Path file = Files.createDirectories(work.resolve("received")).resolve(part.getFileName());
        try (InputStream in = part.getInputStream()) {
            Files.copy(in, file);
        }
        return file;
    }

    @Test
    void theDigestArrivesOnceAsAValidEpubAndAgainOnlyWhenAsked() throws Exception {
        start();
        CliRun run = export();
        assertThat(run.code()).as(run.err()).isEqualTo(Cli.OK);
        assertThat(run.out()).contains("Delivery (run ").contains("reader@kindle.example: sent digest-");
        long id = runOf(run);

        MimeMessage[] received = server.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(mail.getSubject()).startsWith("Nightly digest — ");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("exporter@news.example");
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("reader@kindle.example");
        String messageId = mail.getMessageID();
        assertThat(messageId).matches("<article-exporter\\.run-" + id + "\\.[0-9a-f]{16}\\.1@news\\.example>");
        List<Part> files = attachments(mail);
        assertThat(files).hasSize(1);
        assertThat(files.getFirst().getFileName()).matches(RUN.pattern());
        Path epub = saved(files.getFirst());
        assertThat(Files.readAllBytes(epub)).isEqualTo(Files.readAllBytes(output.resolve(epub.getFileName())));
        EpubCheckAssert.assertValid(epub);

        CliRun shown = CliRun.of("runs", "--db", db, "--run", String.valueOf(id));
        assertThat(shown.out()).contains("Deliveries by e-mail:")
            .containsPattern("SENT +reader@kindle\\.example +digest-.*\\.epub")
            .contains(messageId);

        // a second process: nothing goes twice
        CliRun again = deliver();
        assertThat(again.code()).as(again.err()).isEqualTo(Cli.OK);
        assertThat(again.out()).contains("reader@kindle.example: already sent");
        assertThat(server.getReceivedMessages()).hasSize(1);

        CliRun dry = deliver("--dry-run", "--again");
        assertThat(dry.out()).contains("Dry run").contains("reader@kindle.example: would send digest-");
        assertThat(server.getReceivedMessages()).hasSize(1);

        CliRun resent = deliver("--again", "--run", String.valueOf(id));
        assertThat(resent.code()).as(resent.err()).isEqualTo(Cli.OK);
        assertThat(resent.out()).contains("reader@kindle.example: sent digest-");
        assertThat(server.getReceivedMessages()).hasSize(2);
        assertThat(server.getReceivedMessages()[1].getMessageID()).isNotEqualTo(messageId);
    }

    @Test
    void aSubscriberOfSectionsGetsTheArticlesOfThoseSectionsAsTheirOwnFiles() throws Exception {
        Files.writeString(subscribers, """
                subscribers:
                  - address: desk@news.example
                    formats: [pdf, epub]
                    content:
                      sections: [Politics, Travel]
                """);
        start();
        CliRun run = export();
        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(Cli.OK);
        List<String> names = new ArrayList<>();
        for (MimeMessage mail : server.getReceivedMessages()) {
            assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("desk@news.example");
            for (Part part : attachments(mail)) {
                names.add(part.getFileName());
                Path file = saved(part);
                assertThat(Files.readAllBytes(file)).isEqualTo(Files.readAllBytes(output.resolve(part.getFileName())));
                if (part.getFileName().endsWith(".epub")) {
                    EpubCheckAssert.assertValid(file);
                }
            }
        }
        // the Personal Finance brief is not among them, nor the digest
        assertThat(names).containsExactlyInAnyOrder("iraq-pm-calls-for-departure-of-us-led-coalition.pdf",
                "iraq-pm-calls-for-departure-of-us-led-coalition.epub", "five-harbour-towns-to-visit-in-winter.pdf",
                "five-harbour-towns-to-visit-in-winter.epub");
    }

    @Test
    void aServerThatIsDownFailsTheDeliveryNotTheRunAndALaterRunRetries() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        System.setProperty("spring.mail.host", "127.0.0.1");
        System.setProperty("spring.mail.port", String.valueOf(port));
        System.setProperty("exporter.mail.retry-delay", "0s");
        CliRun run = export();
        assertThat(run.code()).as(run.err()).isEqualTo(Cli.OK);
        assertThat(run.out()).contains("COMPLETED");
        assertThat(run.err()).contains("warning: run ").contains("reader@kindle.example: not delivered");
        long id = runOf(run);
        CliRun shown = CliRun.of("runs", "--db", db, "--run", String.valueOf(id));
        assertThat(shown.out()).containsPattern("FAILED +reader@kindle\\.example").contains("attempts 1");

        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        CliRun next = export();
        assertThat(next.code()).as(next.err()).isEqualTo(Cli.OK);
        assertThat(next.out()).contains("Delivery (run " + id + "): reader@kindle.example: sent digest-");
        assertThat(server.getReceivedMessages()).hasSize(1);
        assertThat(CliRun.of("runs", "--db", db, "--run", String.valueOf(id)).out())
            .containsPattern("SENT +reader@kindle\\.example")
            .contains("attempts 2");
    }

    @Test
    void authenticationOverTlsAndAServerThatRejects() throws Exception {
        start(ServerSetup.SMTPS.dynamicPort(), GreenMailConfiguration.aConfig().withUser("mailer", "s3cret"));
        System.setProperty("spring.mail.ssl.enabled", "true");
        // GreenMail's certificate is self-signed
        System.setProperty("spring.mail.properties.mail.smtp.ssl.trust", "*");
        System.setProperty("spring.mail.properties.mail.smtp.ssl.checkserveridentity", "false");
        System.setProperty("spring.mail.username", "mailer");
        System.setProperty("spring.mail.password", "wrong");
        CliRun refused = export();
        assertThat(refused.code()).as(refused.err()).isEqualTo(Cli.OK);
        assertThat(refused.err()).contains("reader@kindle.example: not delivered")
            .containsIgnoringCase("authentication")
            .doesNotContain("wrong");
        assertThat(server.getReceivedMessages()).isEmpty();

        System.setProperty("spring.mail.password", "s3cret");
        CliRun retried = deliver();
        assertThat(retried.code()).as(retried.err()).isEqualTo(Cli.OK);
        assertThat(retried.out()).contains("reader@kindle.example: sent digest-");
        assertThat(server.getReceivedMessages()).hasSize(1);
    }

    @Test
    void aRequiredStartTlsTheServerLacksIsAFailedDelivery() {
        start();
        System.setProperty("spring.mail.properties.mail.smtp.starttls.enable", "true");
        System.setProperty("spring.mail.properties.mail.smtp.starttls.required", "true");
        CliRun run = export();
        assertThat(run.code()).as(run.err()).isEqualTo(Cli.OK);
        assertThat(run.err()).contains("reader@kindle.example: not delivered");
        assertThat(server.getReceivedMessages()).isEmpty();
    }

    @Test
    void aFileOverTheLimitGoesAsALinkWhenConfigured() throws Exception {
        start();
        System.setProperty("exporter.mail.link-base", "https://news.example/exports/");
        Files.writeString(subscribers, """
                subscribers:
                  - address: small@mail.example
                    formats: [epub, pdf]
                    max-size: 10KB
                """);
        CliRun run = export();
        assertThat(run.code()).as(run.err()).isEqualTo(Cli.OK);
        MimeMessage[] received = server.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(attachments(received[0])).isEmpty();
        assertThat(text(received[0])).containsPattern("https://news\\.example/exports/files/digest-[-0-9a-z]+\\.epub")
            .containsPattern("https://news\\.example/exports/files/digest-[-0-9a-z]+\\.pdf");
    }

    @Test
    void aDigestOverTheLimitIsSplitIntoValidPartsInOrder() throws Exception {
        start();
        // eight articles: the two samples and six copies of the slideshow
        Corpus.copiesOfTheSample(input, 1, 6);
        CliRun run = CliRun.of("export", "--input", input.toString(), "--output", output.toString(), "--db", db,
                "--digest");
        assertThat(run.code()).as(run.err()).isEqualTo(Cli.OK);
        long id = runOf(run);
        Path digest;
        try (var files = Files.list(output)) {
            digest = files.filter(f -> RUN.matcher(f.getFileName().toString()).matches()).findFirst().orElseThrow();
        }
        // the parts share the pictures of the copies, each has its own cover: a limit
        // just under the whole
        long limit = Mails.sentSize(digest) * 92 / 100;
        Files.writeString(subscribers, """
                subscribers:
                  - address: small@mail.example
                    formats: [epub]
                    max-size: %dB
                """.formatted(limit));
        CliRun delivered = deliver();
        assertThat(delivered.code()).as(delivered.out() + delivered.err()).isEqualTo(Cli.OK);
        MimeMessage[] received = server.getReceivedMessages();
        assertThat(received.length).as(delivered.out()).isGreaterThan(1);
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < received.length; i++) {
            assertThat(received[i].getSize()).isLessThanOrEqualTo((int) limit);
            List<Part> files = attachments(received[i]);
            assertThat(files).hasSize(1);
            String stem = digest.getFileName().toString().replace(".epub", "");
            assertThat(files.getFirst().getFileName())
                .isEqualTo(stem + "-part-" + (i + 1) + "-of-" + received.length + ".epub");
            Path part = saved(files.getFirst());
            EpubCheckAssert.assertValid(part);
            titles.add(epubTitle(part));
        }
        assertThat(titles).allMatch(t -> t.startsWith("Nightly digest — "));
        assertThat(titles.getFirst()).endsWith("(part 1 of " + received.length + ")");
        assertThat(CliRun.of("runs", "--db", db, "--run", String.valueOf(id)).out())
            .containsPattern("SENT +small@mail\\.example +digest-.*-part-1-of-");
    }

    @Test
    void aBadSubscribersFileIsAUsageErrorNamingTheEntry() throws IOException {
        Files.writeString(subscribers, """
                subscribers:
                  - address: reader@kindle.example
                  - address: other@mail.example
                    formats: [mobi]
                """);
        CliRun run = export();
        assertThat(run.code()).isEqualTo(Cli.USAGE);
        assertThat(run.err()).contains(subscribers.toString())
            .contains("entry 2 (other@mail.example)")
            .contains("unknown format 'mobi'");
        assertThat(output).doesNotExist();
    }

}
