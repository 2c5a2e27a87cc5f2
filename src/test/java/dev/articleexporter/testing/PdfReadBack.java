package dev.articleexporter.testing;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripperByArea;

/**
 * A PDF read back with PDFBox the way users' tools see it: body text (without the page
 * footers, whitespace folded so wrapped lines compare equal), outline titles, metadata
 * and fonts.
 */
public record PdfReadBack(String bodyText, List<String> outline, String title, String author, String subject,
        String keywords, String language, int pages, List<PDFont> fonts) {

    /** Points above the bottom edge that belong to the footer. */
    private static final float FOOTER = 45f;

    public static PdfReadBack of(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            StringBuilder text = new StringBuilder();
            for (PDPage page : doc.getPages()) {
                PDFTextStripperByArea stripper = new PDFTextStripperByArea();
                stripper.setSortByPosition(true);
                float width = page.getMediaBox().getWidth();
                float height = page.getMediaBox().getHeight();
                stripper.addRegion("body", new Rectangle2D.Float(0, 0, width, height - FOOTER));
                stripper.extractRegions(page);
                text.append(stripper.getTextForRegion("body")).append('\n');
            }
            List<String> outline = new ArrayList<>();
            if (doc.getDocumentCatalog().getDocumentOutline() != null) {
                for (PDOutlineItem item : doc.getDocumentCatalog().getDocumentOutline().children()) {
                    outline.add(item.getTitle());
                }
            }
            var info = doc.getDocumentInformation();
            return new PdfReadBack(fold(text.toString()), outline, info.getTitle(), info.getAuthor(), info.getSubject(),
                    info.getKeywords(), doc.getDocumentCatalog().getLanguage(), doc.getNumberOfPages(), allFonts(doc));
        }
    }

    /**
     * Every font the document uses: those in each page's resources and in the form
     * XObjects they draw (such as the page footer template), nested forms included; each
     * font once, by its COS object.
     */
    public static List<PDFont> allFonts(PDDocument doc) throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        Set<COSBase> seen = new HashSet<>();
        for (PDPage page : doc.getPages()) {
            collectFonts(page.getResources(), fonts, seen);
        }
        return fonts;
    }

    private static void collectFonts(PDResources resources, List<PDFont> fonts, Set<COSBase> seen) throws IOException {
        if (resources == null) {
            return;
        }
        for (COSName name : resources.getFontNames()) {
            PDFont font = resources.getFont(name);
            if (seen.add(font.getCOSObject())) {
                fonts.add(font);
            }
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject x = resources.getXObject(name);
            if (x instanceof PDFormXObject form && seen.add(form.getCOSObject())) {
                collectFonts(form.getResources(), fonts, seen);
            }
        }
    }

    /**
     * Whitespace folded to single spaces, as a wrapped paragraph reads once its line
     * breaks are gone.
     */
    public static String fold(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
