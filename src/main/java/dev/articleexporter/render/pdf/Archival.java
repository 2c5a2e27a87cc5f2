package dev.articleexporter.render.pdf;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import java.util.zip.Deflater;
import org.openpdf.text.Document;
import org.openpdf.text.pdf.PdfArray;
import org.openpdf.text.pdf.PdfDate;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfNumber;
import org.openpdf.text.pdf.PdfObject;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfStream;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.PdfWriter;
import org.openpdf.text.xml.xmp.DublinCoreSchema;
import org.openpdf.text.xml.xmp.PdfA1Schema;
import org.openpdf.text.xml.xmp.PdfSchema;
import org.openpdf.text.xml.xmp.XmpArray;
import org.openpdf.text.xml.xmp.XmpBasicSchema;
import org.openpdf.text.xml.xmp.XmpWriter;

/**
 * What makes a PDF of the {@link PdfProfile#ARCHIVE} profile PDF/A-2a and identifies it
 * as PDF/UA-1: the sRGB output intent and the XMP metadata, both added when the document
 * closes, so the XMP copies the document information and language as they finally are
 * (veraPDF compares them field by field). Registered as a page event by
 * {@link PageSetup#openWriter}; the callers set the information as before.
 */
final class Archival extends PdfPageEventHelper {

    static final String SRGB = "sRGB IEC61966-2.1";

    /**
     * The JDK's sRGB profile (6.9 KB in JDK 25, 2.4 KB deflated), deflated once: each PDF
     * shares these bytes.
     */
    private static final class Icc {

        static final int COMPONENTS = 3;

        static final byte[] DEFLATED = deflate(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());

    }

    @Override
    public void onCloseDocument(PdfWriter writer, Document document) {
        writer.getExtraCatalog().put(PdfName.OUTPUTINTENTS, new PdfArray(outputIntent(writer)));
        PdfObject lang = writer.getExtraCatalog().get(PdfName.LANG);
        String language = lang instanceof PdfString s ? s.toUnicodeString() : null;
        writer.setXmpMetadata(xmp(writer.getInfo(), language));
    }

    /** The sRGB output intent PDF/A asks for the device colours we draw with. */
    private static PdfDictionary outputIntent(PdfWriter writer) {
        PdfStream icc = new PdfStream(Icc.DEFLATED);
        icc.put(PdfName.FILTER, PdfName.FLATEDECODE);
        icc.put(PdfName.N, new PdfNumber(Icc.COMPONENTS));
        PdfDictionary intent = new PdfDictionary(PdfName.OUTPUTINTENT);
        intent.put(PdfName.S, PdfName.GTS_PDFA1);
        intent.put(PdfName.OUTPUTCONDITIONIDENTIFIER, new PdfString(SRGB));
        intent.put(PdfName.REGISTRYNAME, new PdfString("http://www.color.org"));
        intent.put(PdfName.INFO, new PdfString(SRGB));
        try {
            intent.put(PdfName.DESTOUTPUTPROFILE, writer.addToBody(icc).getIndirectReference());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return intent;
    }

    /**
     * XMP metadata for the document information {@code info}: title, author, subject,
     * keywords, creator tool, producer and dates as there, the language, and the PDF/A-2a
     * and PDF/UA-1 identification (with the extension schema PDF/A requires for the
     * PDF/UA namespace). Written with OpenPDF's XMP schemas, which escape the values; not
     * padded, as we never edit the file in place.
     */
    static byte[] xmp(PdfDictionary info, String language) {
        DublinCoreSchema dc = new DublinCoreSchema();
        PdfSchema pdf = new PdfSchema();
        XmpBasicSchema basic = new XmpBasicSchema();
        ifPresent(text(info, PdfName.TITLE), dc::addTitle);
        ifPresent(text(info, PdfName.AUTHOR), dc::addAuthor);
        ifPresent(text(info, PdfName.SUBJECT), dc::addDescription);
        if (language != null && !language.isBlank()) {
            XmpArray languages = new XmpArray(XmpArray.UNORDERED);
            languages.add(language);
            dc.setProperty(DublinCoreSchema.LANGUAGE, languages);
        }
        ifPresent(text(info, PdfName.KEYWORDS), pdf::addKeywords);
        ifPresent(text(info, PdfName.PRODUCER), pdf::addProducer);
        ifPresent(text(info, PdfName.CREATOR), basic::addCreatorTool);
        ifPresent(date(info, PdfName.CREATIONDATE), basic::addCreateDate);
        ifPresent(date(info, PdfName.MODDATE), basic::addModDate);
        PdfA1Schema pdfa = new PdfA1Schema();
        pdfa.addPart("2");
        pdfa.addConformance("A");
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try (XmpWriter xmp = new XmpWriter(out, XmpWriter.UTF8, 0)) {
            xmp.addRdfDescription(dc);
            xmp.addRdfDescription(pdf);
            xmp.addRdfDescription(basic);
            xmp.addRdfDescription(pdfa);
            xmp.addRdfDescription("xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"",
                    "<pdfuaid:part>1</pdfuaid:part>");
            xmp.addRdfDescription(PDFUA_EXTENSION_NAMESPACES, PDFUA_EXTENSION);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static final String PDFUA_EXTENSION_NAMESPACES = "xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\""
            + " xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\""
            + " xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\"";

    /** PDF/A-2 accepts properties outside its predefined schemas only when described. */
    private static final String PDFUA_EXTENSION = """
            <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
            <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
            <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
            <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
            <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
            <pdfaProperty:name>part</pdfaProperty:name>
            <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
            <pdfaProperty:category>internal</pdfaProperty:category>
            <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
            </rdf:li></rdf:Seq></pdfaSchema:property>
            </rdf:li></rdf:Bag></pdfaExtension:schemas>
            """;

    private static void ifPresent(String value, Consumer<String> add) {
        if (value != null) {
            add.accept(value);
        }
    }

    private static String text(PdfDictionary info, PdfName key) {
        return info.get(key) instanceof PdfString s ? s.toUnicodeString() : null;
    }

    private static String date(PdfDictionary info, PdfName key) {
        return info.get(key) instanceof PdfString s ? PdfDate.getW3CDate(s.toString()) : null;
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length);
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

}
