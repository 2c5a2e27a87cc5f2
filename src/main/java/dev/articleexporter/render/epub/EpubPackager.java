package dev.articleexporter.render.epub;

import io.documentnode.epub4j.domain.Book;
import io.documentnode.epub4j.domain.MediaType;
import io.documentnode.epub4j.domain.MediaTypes;
import io.documentnode.epub4j.domain.Resource;
import io.documentnode.epub4j.epub.EpubProcessorSupport;
import io.documentnode.epub4j.epub.EpubWriter;
import io.documentnode.epub4j.epub.NCXDocument;
import io.documentnode.epub4j.epub.PackageDocumentWriter;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Zips an epub4j {@link Book} into an EPUB (OCF) container, with epub4j writing the package
 * document (OPF) and the NCX.
 *
 * <p>Used instead of {@link EpubWriter#write}, which closes the stream it is given, lets the OPF
 * serializer feed the deflater in small pieces and deflates images at the default level: together
 * most of the render time. Here the OPF is serialised in memory first, JPEG and GIF are stored,
 * PNG deflated at the fastest level, and every entry gets the same timestamp, so the same digest
 * always gives the same bytes.
 */
final class EpubPackager {

    static final String CONTENT_DIR = "OEBPS/";

    private static final byte[] MIMETYPE = MediaTypes.EPUB.getName().getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONTAINER = ("""
            <?xml version="1.0" encoding="UTF-8"?>
            <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
              <rootfiles>
                <rootfile full-path="%scontent.opf" media-type="application/oebps-package+xml"/>
              </rootfiles>
            </container>
            """).formatted(CONTENT_DIR).getBytes(StandardCharsets.UTF_8);
    /** Fixed entry time: reproducible output (zip stores local time, so no time zone is involved). */
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    private EpubPackager() {
    }

    /** Writes {@code book} to {@code out} as a complete zip; {@code out} is flushed, not closed. */
    static void write(Book book, OutputStream out) throws IOException {
        Resource ncx = NCXDocument.createNCXResource(book);
        book.getResources().add(ncx);
        book.getSpine().setTocResource(ncx);

        ByteArrayOutputStream opf = new ByteArrayOutputStream(4096);
        writePackageDocument(book, opf);

        // Closing the zip frees its deflater; the shield keeps the caller's stream open.
        try (ZipOutputStream zip = new ZipOutputStream(new NonClosingOutputStream(out), StandardCharsets.UTF_8)) {
            writeEntries(zip, book, opf.toByteArray());
        }
        out.flush();
    }

    private static void writeEntries(ZipOutputStream zip, Book book, byte[] opf) throws IOException {
        put(zip, stored(entry("mimetype"), MIMETYPE), MIMETYPE); // first and uncompressed, as OCF requires
        put(zip, entry("META-INF/container.xml"), CONTAINER);
        for (Resource resource : book.getResources().getAll()) {
            MediaType type = resource.getMediaType();
            ZipEntry entry = entry(CONTENT_DIR + resource.getHref());
            byte[] data = resource.getData();
            if (MediaTypes.JPG.equals(type) || MediaTypes.GIF.equals(type)) {
                stored(entry, data); // already compressed: deflating gains a few bytes at a real cost
            }
            zip.setLevel(Deflater.BEST_SPEED); // level 1: a few per cent larger, several times faster than the default
            put(zip, entry, data);
        }
        zip.setLevel(Deflater.DEFAULT_COMPRESSION);
        put(zip, entry(CONTENT_DIR + "content.opf"), opf);
    }

    private static void writePackageDocument(Book book, OutputStream opf) throws IOException {
        // write() ends the document, which flushes the serializer into opf.
        PackageDocumentWriter.write(new EpubWriter(), EpubProcessorSupport.createXmlSerializer(opf), book);
    }

    private static ZipEntry entry(String name) {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(ENTRY_TIME);
        return entry;
    }

    private static ZipEntry stored(ZipEntry entry, byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(data);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(data.length);
        entry.setCompressedSize(data.length);
        entry.setCrc(crc.getValue());
        return entry;
    }

    private static void put(ZipOutputStream zip, ZipEntry entry, byte[] data) throws IOException {
        zip.putNextEntry(entry);
        zip.write(data);
        zip.closeEntry();
    }

    /** Passes writes straight through (in bulk) and only flushes on close. */
    private static final class NonClosingOutputStream extends FilterOutputStream {

        NonClosingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
