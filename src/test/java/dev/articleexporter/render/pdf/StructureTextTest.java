package dev.articleexporter.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articleexporter.render.pdf.StructureText.Element;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

/**
 * The reading-order harness itself, on a small tagged PDF made here with PDFBox: so a
 * failing {@link PdfReadingOrderTest} is about our PDFs, not about {@link StructureText}.
 */
class StructureTextTest {

    @Test
    void walksTheStructureTreeInOrderWithEachElementsTextAndLeavesArtifactsOut() throws IOException {
        StructureText s = StructureText.of(taggedPdf());
        assertThat(s.elements()).extracting(Element::type).containsExactly("Document", "H1", "P", "Figure", "P");
        assertThat(s.elements()).extracting(Element::depth).containsExactly(0, 1, 1, 1, 1);
        // the second paragraph is drawn first on the page: the tree decides the order
        assertThat(s.ofType("H1", "P")).extracting(Element::text)
            .containsExactly("The Title", "One paragraph over two lines", "Second paragraph");
        assertThat(s.text()).isEqualTo("The Title One paragraph over two lines Second paragraph");
        assertThat(s.figureAlts()).containsExactly("A boat at dawn");
        assertThat(s.untaggedText()).isEqualTo("Loose text");
        assertThat(s.text()).doesNotContain("page 1 of 1");
        assertThat(s.untaggedText()).doesNotContain("page 1 of 1");
    }

    @Test
    void anUntaggedPdfHasNoElementsAndAllItsTextUntagged() throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = page(doc, "BT /F1 12 Tf 72 700 Td (Just text) Tj ET");
            doc.addPage(page);
            StructureText s = StructureText.of(bytes(doc));
            assertThat(s.elements()).isEmpty();
            assertThat(s.text()).isEmpty();
            assertThat(s.untaggedText()).isEqualTo("Just text");
        }
    }

    @Test
    void rightToLeftLinesComeBackInLogicalOrder() {
        // a Hebrew word and a number as a PDF draws them, left to right on the page
        assertThat(GlyphText.logical("2014 םולש", true)).isEqualTo("שלום 2014");
        // the same glyphs in a left-to-right paragraph: the number came first
        assertThat(GlyphText.logical("2014 םולש", false)).isEqualTo("2014 שלום");
        // a Hebrew word inside an English line
        assertThat(GlyphText.logical("Say םולש now", false)).isEqualTo("Say שלום now");
        assertThat(GlyphText.logical("Latin only", false)).isEqualTo("Latin only");
    }

    private static byte[] taggedPdf() throws IOException {
        try (PDDocument doc = new PDDocument()) {
            String content = """
                    /Artifact BMC BT /F1 9 Tf 72 30 Td (page 1 of 1) Tj ET EMC
                    /P <</MCID 2>> BDC BT /F1 12 Tf 72 500 Td (Second paragraph) Tj ET EMC
                    /H1 <</MCID 0>> BDC BT /F1 20 Tf 72 700 Td (The Title) Tj ET EMC
                    /P <</MCID 1>> BDC BT /F1 12 Tf 72 660 Td (One paragraph) Tj 0 -14 Td (over two lines) Tj ET EMC
                    BT /F1 12 Tf 72 400 Td (Loose text) Tj ET
                    """;
            PDPage page = page(doc, content);
            doc.addPage(page);
            PDStructureTreeRoot root = new PDStructureTreeRoot();
            doc.getDocumentCatalog().setStructureTreeRoot(root);
            PDStructureElement document = new PDStructureElement("Document", root);
            root.appendKid(document);
            PDStructureElement h1 = element(document, "H1", page);
            h1.appendKid(marked("H1", 0));
            PDStructureElement p = element(document, "P", page);
            p.appendKid(marked("P", 1));
            PDStructureElement figure = element(document, "Figure", page);
            figure.setAlternateDescription("A boat at dawn");
            // a marked-content reference, with its own page, rather than a bare MCID
            PDStructureElement second = element(document, "P", null);
            PDMarkedContentReference ref = new PDMarkedContentReference();
            ref.setMCID(2);
            ref.setPage(page);
            second.appendKid(ref);
            return bytes(doc);
        }
    }

    private static PDStructureElement element(PDStructureElement parent, String type, PDPage page) {
        PDStructureElement e = new PDStructureElement(type, parent);
        if (page != null) {
            e.setPage(page);
        }
        parent.appendKid(e);
        return e;
    }

    private static PDMarkedContent marked(String tag, int mcid) {
        org.apache.pdfbox.cos.COSDictionary properties = new org.apache.pdfbox.cos.COSDictionary();
        properties.setInt(COSName.MCID, mcid);
        return new PDMarkedContent(COSName.getPDFName(tag), properties);
    }

    private static PDPage page(PDDocument doc, String content) throws IOException {
        PDPage page = new PDPage();
        PDResources resources = new PDResources();
        resources.put(COSName.getPDFName("F1"), new PDType1Font(Standard14Fonts.FontName.HELVETICA));
        page.setResources(resources);
        PDStream stream = new PDStream(doc);
        try (OutputStream out = stream.createOutputStream()) {
            out.write(content.getBytes(StandardCharsets.US_ASCII));
        }
        page.setContents(stream);
        return page;
    }

    private static byte[] bytes(PDDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }

}
