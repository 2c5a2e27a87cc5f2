package dev.articleexporter.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articleexporter.model.CreditLine;
import dev.articleexporter.model.Story;
import dev.articleexporter.model.Meta;
import dev.articleexporter.model.Slide;
import dev.articleexporter.render.epub.EpubCheckAssert;
import dev.articleexporter.render.epub.EpubRenderer;
import dev.articleexporter.render.pdf.JudgedPdfs;
import dev.articleexporter.render.pdf.PdfRenderer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The photo credits of one article read the same in its PDF and its EPUB (one rule:
 * CreditLine.slidesText).
 */
class CreditAgreementTest {

    /** Every PDF written here, judged by veraPDF after each test (issue 13). */
    @RegisterExtension
    static final JudgedPdfs JUDGED = new JudgedPdfs();

    @Test
    void pdfAndEpubNameTheSameSlides() throws IOException {
        Meta meta = new Meta("Credits", null, null, null, null, null, "en", List.of());
        List<Slide> sections = IntStream.rangeClosed(1, 6)
            .mapToObj(n -> new Slide(n, "Slide heading " + n, null, null, List.of("Text " + n + ".")))
            .toList();
        Story digest = new Story("credits", meta, List.of(), sections, List
            .of(new CreditLine("Agency One", List.of(1, 2, 3, 5, 6)), new CreditLine("Agency Two", List.of(3, 1, 2))),
                null);

        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        new PdfRenderer().render(digest, pdf);
        JUDGED.add("credits", pdf.toByteArray());
        String pdfText;
        try (PDDocument document = Loader.loadPDF(pdf.toByteArray())) {
            pdfText = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
        ByteArrayOutputStream epub = new ByteArrayOutputStream();
        new EpubRenderer().render(digest, epub);
        Path file = Files.createTempFile("credits-", ".epub");
        try {
            Files.write(file, epub.toByteArray());
            EpubCheckAssert.assertValid(file);
        }
        finally {
            Files.delete(file);
        }
        StringBuilder epubText = new StringBuilder();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(epub.toByteArray()))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().endsWith(".xhtml")) {
                    epubText.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }

        for (String credit : List.of("Agency One — slides 1–3, 5, 6", "Agency Two — slides 1–3")) {
            assertThat(pdfText).as("PDF").contains(credit);
            assertThat(epubText.toString()).as("EPUB").contains(credit);
        }
    }

}
