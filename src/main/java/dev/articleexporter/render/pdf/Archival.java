package dev.articleexporter.render.pdf;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
     * PDF/UA namespace). Not padded: we never edit the file in place.
     */
    static byte[] xmp(PdfDictionary info, String language) {
        StringBuilder x = new StringBuilder(2048);
        x.append("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
            .append("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n")
            .append("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n")
            .append("<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"")
            .append(" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"")
            .append(" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"")
            .append(" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n")
            .append("<dc:format>application/pdf</dc:format>\n");
        alt(x, "dc:title", text(info, PdfName.TITLE));
        String author = text(info, PdfName.AUTHOR);
        if (author != null) {
            x.append("<dc:creator><rdf:Seq><rdf:li>")
                .append(escape(author))
                .append("</rdf:li></rdf:Seq></dc:creator>\n");
        }
        alt(x, "dc:description", text(info, PdfName.SUBJECT));
        if (language != null && !language.isBlank()) {
            x.append("<dc:language><rdf:Bag><rdf:li>")
                .append(escape(language))
                .append("</rdf:li></rdf:Bag></dc:language>\n");
        }
        simple(x, "pdf:Keywords", text(info, PdfName.KEYWORDS));
        simple(x, "pdf:Producer", text(info, PdfName.PRODUCER));
        simple(x, "xmp:CreatorTool", text(info, PdfName.CREATOR));
        simple(x, "xmp:CreateDate", date(info, PdfName.CREATIONDATE));
        simple(x, "xmp:ModifyDate", date(info, PdfName.MODDATE));
        x.append("<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>A</pdfaid:conformance>\n")
            .append("<pdfuaid:part>1</pdfuaid:part>\n")
            .append("</rdf:Description>\n")
            .append(PDFUA_EXTENSION)
            .append("</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>");
        return x.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** PDF/A-2 accepts properties outside its predefined schemas only when described. */
    private static final String PDFUA_EXTENSION = """
            <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" \
            xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
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
            </rdf:Description>
            """;

    private static void alt(StringBuilder x, String name, String value) {
        if (value != null) {
            x.append('<')
                .append(name)
                .append("><rdf:Alt><rdf:li xml:lang=\"x-default\">")
                .append(escape(value))
                .append("</rdf:li></rdf:Alt></")
                .append(name)
                .append(">\n");
        }
    }

    private static void simple(StringBuilder x, String name, String value) {
        if (value != null) {
            x.append('<').append(name).append('>').append(escape(value)).append("</").append(name).append(">\n");
        }
    }

    private static String text(PdfDictionary info, PdfName key) {
        return info.get(key) instanceof PdfString s ? s.toUnicodeString() : null;
    }

    private static String date(PdfDictionary info, PdfName key) {
        return info.get(key) instanceof PdfString s ? PdfDate.getW3CDate(s.toString()) : null;
    }

    /**
     * XML text: markup characters escaped, characters XML 1.0 cannot carry left out (the
     * information keeps them, but no title of ours has any).
     */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> {
                    if (cp == '\t' || cp == '\n' || cp == '\r' || (cp >= 0x20 && cp != 0xFFFE && cp != 0xFFFF)) {
                        b.appendCodePoint(cp);
                    }
                }
            }
        });
        return b.toString();
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
