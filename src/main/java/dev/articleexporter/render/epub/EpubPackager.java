package dev.articleexporter.render.epub;

import io.documentnode.epub4j.domain.Book;
import io.documentnode.epub4j.domain.MediaType;
import io.documentnode.epub4j.domain.MediaTypes;
import io.documentnode.epub4j.domain.Resource;
import io.documentnode.epub4j.epub.EpubWriter;
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
 * Zips an epub4j {@link Book} into an EPUB (OCF) container, with the package document
 * (OPF) and the NCX written by {@link PackageDocument} and the navigation document by
 * {@link NavDocument}.
 *
 * <p>
 * Used instead of {@link EpubWriter#write}, which closes the stream it is given, lets the
 * OPF serializer feed the deflater in small pieces and deflates images at the default
 * level: together most of the render time. Here the OPF and NCX are built in memory
 * first, JPEG and GIF are stored, PNG deflated at the fastest level, and every entry gets
 * the same timestamp, so the same book always gives the same bytes.
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

    /**
     * Fixed entry time: reproducible output (zip stores local time, so no time zone is
     * involved).
     */
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    private EpubPackager() {
    }

    /**
     * Writes {@code book} to {@code out} as a complete zip; {@code out} is flushed, not
     * closed.
     */
    static void write(Book book, PackageDocument.Extras extras, OutputStream out) throws IOException {
        try (Container container = Container.open(out)) {
            for (Resource resource : book.getResources().getAll()) {
                container.add(resource);
            }
            container.finish(book, extras);
        }
    }

    /**
     * An EPUB being written: each resource goes into the zip as it is added, the NCX and
     * the package document (which list them all) at the end. A long book need not be in
     * memory at once.
     */
    static final class Container implements AutoCloseable {

        private final OutputStream out;

        private final ZipOutputStream zip;

        private Container(OutputStream out) {
            this.out = out;
            // Closing the zip frees its deflater; the shield keeps the caller's stream
            // open.
            this.zip = new ZipOutputStream(new NonClosingOutputStream(out), StandardCharsets.UTF_8);
        }

        /** Starts the zip with what OCF wants first. */
        static Container open(OutputStream out) throws IOException {
            Container container = new Container(out);
            // first and uncompressed, as OCF requires
            container.put(stored(entry("mimetype"), MIMETYPE), MIMETYPE);
            container.put(entry("META-INF/container.xml"), CONTAINER);
            return container;
        }

        /** Writes one resource of the book into the zip. */
        void add(Resource resource) throws IOException {
            MediaType type = resource.getMediaType();
            ZipEntry entry = entry(CONTENT_DIR + resource.getHref());
            byte[] data = resource.getData();
            if (MediaTypes.JPG.equals(type) || MediaTypes.GIF.equals(type)) {
                // already compressed: deflating gains a few bytes at a real cost
                stored(entry, data);
            }
            // level 1: a few per cent larger, several times faster than the default
            zip.setLevel(Deflater.BEST_SPEED);
            put(entry, data);
        }

        /**
         * Adds the navigation document and the NCX made from the book's table of
         * contents, then the package document, and ends the zip; {@code out} is flushed,
         * not closed. Every resource of the book must have been added. The book is left
         * as it is (neither is added to it).
         */
        void finish(Book book, PackageDocument.Extras extras) throws IOException {
            zip.setLevel(Deflater.BEST_SPEED);
            String lang = book.getMetadata().getLanguage();
            put(entry(CONTENT_DIR + NavDocument.HREF), NavDocument.bytes(book,
                    lang == null || lang.isBlank() ? "en" : lang, extras.rtl(), extras.languages()));
            put(entry(CONTENT_DIR + PackageDocument.NCX_HREF), PackageDocument.ncx(book));
            zip.setLevel(Deflater.DEFAULT_COMPRESSION);
            put(entry(CONTENT_DIR + "content.opf"), PackageDocument.opf(book, extras));
            zip.close();
            out.flush();
        }

        private void put(ZipEntry entry, byte[] data) throws IOException {
            zip.putNextEntry(entry);
            zip.write(data);
            zip.closeEntry();
        }

        /**
         * Ends the zip if {@link #finish} did not (a failure): the deflater is freed, the
         * stream stays open.
         */
        @Override
        public void close() throws IOException {
            zip.close();
        }

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
