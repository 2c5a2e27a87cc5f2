package dev.articleexporter.render.pdf;

import dev.articleexporter.model.Story;
import dev.articleexporter.model.TestStories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 13: every kind of PDF we write passes veraPDF for PDF/UA-1 and PDF/A-2a with 0
 * failed rules: the samples, every script, pictures, a 3,000-slide article and a digest.
 * Each PDF is also left in {@code <build dir>/pdf-judge/} for a person (or
 * {@code pdfinfo -struct-text}) to look at.
 */
class PdfConformanceTest {

    static Stream<Arguments> articles() {
        List<Arguments> all = new ArrayList<>();
        SamplePdfs.samples().forEach((name, story) -> all.add(Arguments.of(name, story)));
        SamplePdfs.handBuilt().forEach((name, story) -> all.add(Arguments.of(name, story)));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("articles")
    void articlePassesPdfUa1AndPdfA2a(String name, Story story) {
        judge(name, SamplePdfs.render(story));
    }

    @Test
    void hostileTextPassesPdfUa1AndPdfA2a() {
        judge("hostile", SamplePdfs.render(TestStories.hostileText()));
    }

    @Test
    void threeThousandSlidesPassPdfUa1AndPdfA2a() {
        judge("huge-3000", SamplePdfs.render(TestStories.huge(3_000)));
    }

    @Test
    void digestOfEveryArticlePassesPdfUa1AndPdfA2a() {
        List<Story> stories = new ArrayList<>(SamplePdfs.samples().values());
        stories.addAll(SamplePdfs.handBuilt().values());
        judge("digest", SamplePdfs.digest(stories));
    }

    /** Judges (PdfJudge says how long veraPDF took), keeps the file. */
    private static void judge(String name, byte[] pdf) {
        keep(name, pdf);
        PdfJudge.assertConforms(name + ".pdf", pdf);
    }

    private static void keep(String name, byte[] pdf) {
        try {
            Path dir = Files.createDirectories(buildFolder().resolve("pdf-judge"));
            Files.write(dir.resolve(name + ".pdf"), pdf);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the test classes are: {@code target}, or what {@code -Dbuild.dir} names. */
    static Path buildFolder() {
        try {
            return Path.of(PdfConformanceTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .getParent();
        }
        catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

}
