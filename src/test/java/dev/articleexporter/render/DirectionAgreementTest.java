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
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The PDF and the EPUB of one article are laid out in the same direction, for every
 * language (one rule: Meta.rightToLeft).
 */
class DirectionAgreementTest {

    /** Every PDF written here, judged by veraPDF after each test (issue 13). */
    @RegisterExtension
    static final JudgedPdfs JUDGED = new JudgedPdfs();

    private static final String LINE = "Short line.";

    @Test
    void pdfAndEpubAgreeForEveryLanguage() throws IOException {
        List<String> disagreements = new ArrayList<>();
        for (String tag : List.of("ar", "he", "fa", "ur", "yi", "ps", "ckb", "pnb", "azb", "bal", "glk", "mzn", "skr",
                "khw", "lrc", "bqi", "az-Arab", "pa-Arab", "en", "de", "tr", "az-Latn", "ar-Latn")) {
            Meta meta = new Meta("Title", null, null, null, null, null, tag, List.of());
            Story digest = new Story("d", meta, List.of(), List.of(new Slide(1, "Heading", null, null, List.of(LINE))),
                    List.<CreditLine>of(), null);
            boolean pdf = pdfRightToLeft(digest);
            boolean epub = epubRightToLeft(digest);
            if (pdf != epub || pdf != meta.rightToLeft()) {
                disagreements.add(tag + ": pdf " + (pdf ? "rtl" : "ltr") + ", epub " + (epub ? "rtl" : "ltr"));
            }
        }
        assertThat(disagreements).isEmpty();
    }

    /**
     * Whether the PDF sets the Latin line flush right, as a right-to-left paragraph does.
     */
    private static boolean pdfRightToLeft(Story digest) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PdfRenderer().render(digest, out);
        try (PDDocument pdf = Loader.loadPDF(JUDGED.add(digest.meta().language(), out.toByteArray()))) {
            float[] start = { -1 };
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) throws IOException {
                    super.writeString(text, positions);
                    // The line as drawn, left to right (a right-to-left run puts its full
                    // stop first): where it starts.
                    if (text.contains("Short") && start[0] < 0) {
                        start[0] = positions.getFirst().getXDirAdj();
                    }
                }
            };
            String text = stripper.getText(pdf);
            assertThat(start[0]).as("the line is in the PDF: " + text).isNotNegative();
            return start[0] > pdf.getPage(0).getMediaBox().getWidth() / 2;
        }
    }

    /** Whether the EPUB's page holding the line says dir="rtl" on its html element. */
    private static boolean epubRightToLeft(Story digest) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new EpubRenderer().render(digest, out);
        Path file = Files.createTempFile("direction-", ".epub");
        try {
            Files.write(file, out.toByteArray());
            EpubCheckAssert.assertValid(file);
        }
        finally {
            Files.delete(file);
        }
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                String page = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                if (e.getName().endsWith(".xhtml") && page.contains(LINE)) {
                    String html = page.substring(page.indexOf("<html"), page.indexOf('>', page.indexOf("<html")));
                    return html.contains("dir=\"rtl\"");
                }
            }
        }
        throw new AssertionError("the line is in no page of the EPUB");
    }

}
