package dev.articleexporter.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articleexporter.model.Digest;
import dev.articleexporter.model.Story;
import dev.articleexporter.model.TestStories;
import dev.articleexporter.render.DigestWriter;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What the {@link PdfProfile#ARCHIVE} profile adds to a PDF, read back with PDFBox: a PDF
 * 1.7 header, XMP metadata that names PDF/A-2a and PDF/UA-1 and repeats the document
 * information, an sRGB output intent, no partial CIDSet; and that {@link PdfProfile#NONE}
 * adds none of it and is smaller. veraPDF judges the whole; this says which part is ours.
 */
class ArchivalTest {

    /** Every archive PDF written here, judged by veraPDF after each test. */
    @RegisterExtension
    static final JudgedPdfs JUDGED = new JudgedPdfs();

    private static final PdfRenderer ARCHIVE = new PdfRenderer();

    private static final PdfRenderer NONE = ARCHIVE.withProfile(PdfProfile.NONE);

    private static final String DC = "http://purl.org/dc/elements/1.1/";

    private static final String PDF = "http://ns.adobe.com/pdf/1.3/";

    private static final String XMP = "http://ns.adobe.com/xap/1.0/";

    @Test
    void anArchiveFileIsPdf17WithXmpMatchingItsInformationAndAnSrgbOutputIntent() throws IOException {
        byte[] bytes = render(ARCHIVE, TestStories.harbourTowns());
        assertThat(new String(bytes, 0, 8, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-1.7");
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            Element xmp = xmp(pdf);
            assertThat(text(xmp, "http://www.aiim.org/pdfa/ns/id/", "part")).isEqualTo("2");
            assertThat(text(xmp, "http://www.aiim.org/pdfa/ns/id/", "conformance")).isEqualTo("A");
            assertThat(text(xmp, "http://www.aiim.org/pdfua/ns/id/", "part")).isEqualTo("1");
            assertMatchesInformation(pdf, xmp);
            assertThat(text(xmp, DC, "language")).isEqualTo(pdf.getDocumentCatalog().getLanguage()).isEqualTo("en");

            List<PDOutputIntent> intents = pdf.getDocumentCatalog().getOutputIntents();
            assertThat(intents).hasSize(1);
            assertThat(intents.getFirst().getCOSObject().getCOSName(COSName.S).getName()).isEqualTo("GTS_PDFA1");
            try (InputStream icc = intents.getFirst().getDestOutputIntent().createInputStream()) {
                assertThat(icc.readAllBytes()).isEqualTo(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
            }
            assertThat(pdf.getDocumentCatalog().getMarkInfo()).isNotNull();
            assertThat(pdf.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
            assertThat(fontsWithCidSet(pdf)).isEmpty();
            // PDF/UA: links in structure order, on every page that has any
            for (PDPage page : pdf.getPages()) {
                assertThat(page.getCOSObject().getCOSName(COSName.getPDFName("Tabs"))).isEqualTo(COSName.S);
            }
        }
    }

    @Test
    void theXmpCarriesMarkupInTheInformationLiterally() throws IOException {
        Story hostile = TestStories.hostileText();
        try (PDDocument pdf = Loader.loadPDF(render(ARCHIVE, hostile))) {
            Element xmp = xmp(pdf);
            assertMatchesInformation(pdf, xmp);
            assertThat(text(xmp, DC, "title")).isEqualTo(hostile.meta().title());
        }
    }

    @Test
    void theDigestIsAnArchiveFileToo() throws IOException {
        Story story = TestStories.harbourTowns();
        LocalDate date = LocalDate.of(2026, 11, 25);
        Digest.Entry entry = new Digest.Entry(1, story.id(), story.meta().title(), "World", "en", () -> story);
        Digest digest = new Digest(Digest.fileStem(date, 7), Digest.title(date), date, "en",
                List.of(new Digest.Section(1, "World", List.of(entry))), 0, 200);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DigestWriter.writeAll(digest, List.of(ARCHIVE.digestWriter(out)));
        try (PDDocument pdf = Loader.loadPDF(JUDGED.add("digest", out.toByteArray()))) {
            Element xmp = xmp(pdf);
            assertMatchesInformation(pdf, xmp);
            assertThat(text(xmp, DC, "title")).isEqualTo(digest.title());
            assertThat(pdf.getDocumentCatalog().getOutputIntents()).hasSize(1);
        }
    }

    @Test
    void noProfileGivesAPlainSmallerPdf17() throws IOException {
        Story story = TestStories.harbourTowns();
        byte[] plain = render(NONE, story);
        assertThat(new String(plain, 0, 8, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-1.7");
        try (PDDocument pdf = Loader.loadPDF(plain)) {
            assertThat(pdf.getDocumentCatalog().getMetadata()).isNull();
            assertThat(pdf.getDocumentCatalog().getOutputIntents()).isEmpty();
            assertThat(pdf.getDocumentCatalog().getStructureTreeRoot()).isNull();
            assertThat(pdf.getDocumentCatalog().getMarkInfo()).isNull();
            assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo(story.meta().title());
            assertThat(fontsWithCidSet(pdf)).isEmpty();
        }
        assertThat(plain.length).isLessThan(render(ARCHIVE, story).length);
    }

    // ---------------------------------------------------------------- helpers

    /** The PDF; veraPDF judges it after the test unless it is of no profile. */
    private static byte[] render(PdfRenderer renderer, Story story) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        renderer.render(story, out);
        return renderer.profile() == PdfProfile.ARCHIVE ? JUDGED.add(story.id(), out.toByteArray()) : out.toByteArray();
    }

    /**
     * The fields veraPDF compares: each one the information has, the XMP has with the
     * same value.
     */
    private static void assertMatchesInformation(PDDocument pdf, Element xmp) {
        PDDocumentInformation info = pdf.getDocumentInformation();
        assertThat(info.getTitle()).isNotBlank();
        assertThat(text(xmp, DC, "title")).isEqualTo(info.getTitle());
        assertThat(text(xmp, DC, "creator")).isEqualTo(info.getAuthor());
        assertThat(text(xmp, DC, "description")).isEqualTo(info.getSubject());
        assertThat(text(xmp, PDF, "Keywords")).isEqualTo(info.getKeywords());
        assertThat(text(xmp, PDF, "Producer")).isEqualTo(info.getProducer());
        assertThat(text(xmp, XMP, "CreatorTool")).isEqualTo(info.getCreator()).isEqualTo(PageSetup.CREATOR);
    }

    private static Element xmp(PDDocument pdf) throws IOException {
        PDMetadata metadata = pdf.getDocumentCatalog().getMetadata();
        assertThat(metadata).as("XMP metadata").isNotNull();
        // PDF/A: the metadata stream is not compressed
        assertThat(metadata.getCOSObject().getFilters()).isNull();
        try (InputStream in = metadata.exportXMPMetadata()) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(in.readAllBytes())).getDocumentElement();
        }
        catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new AssertionError("XMP is not well-formed XML", e);
        }
    }

    /** The text of the one property {@code ns:name} (of its only item, for an array). */
    private static String text(Element xmp, String ns, String name) {
        NodeList found = xmp.getElementsByTagNameNS(ns, name);
        assertThat(found.getLength()).as(name).isLessThanOrEqualTo(1);
        return found.getLength() == 0 ? null : found.item(0).getTextContent().strip();
    }

    private static List<String> fontsWithCidSet(PDDocument pdf) throws IOException {
        List<String> withCidSet = new ArrayList<>();
        for (PDPage page : pdf.getPages()) {
            for (COSName name : page.getResources().getFontNames()) {
                PDFont font = page.getResources().getFont(name);
                if (font instanceof PDType0Font type0 && type0.getDescendantFont().getFontDescriptor() != null
                        && type0.getDescendantFont()
                            .getFontDescriptor()
                            .getCOSObject()
                            .containsKey(COSName.getPDFName("CIDSet"))) {
                    withCidSet.add(font.getName());
                }
            }
        }
        return withCidSet;
    }

}
