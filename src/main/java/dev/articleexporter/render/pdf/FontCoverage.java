package dev.articleexporter.render.pdf;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A quick look into a font file without loading it: which faces it holds (one, or several
 * in a TrueType collection), whether they have TrueType outlines and may be embedded, and
 * which code points their Unicode {@code cmap} maps. Reads only the table directory and
 * the {@code cmap}, {@code OS/2} tables (a few kilobytes even of a 17 MB collection).
 */
final class FontCoverage {

    /**
     * One face of a font file. {@code index} is its place in a collection, -1 for a plain
     * font.
     */
    record Face(Path file, int index, BitSet codePoints) {

        boolean covers(int cp) {
            return codePoints.get(cp);
        }

        /** The name OpenPDF takes: "file.ttc,0" for a face of a collection. */
        String openPdfName() {
            String name = file.getFileName().toString();
            return index < 0 ? name : name + "," + index;
        }
    }

    private FontCoverage() {
    }

    /**
     * The usable faces of a font file: TrueType outlines, embeddable, a Unicode cmap;
     * empty if none or unreadable.
     */
    static List<Face> read(Path file) {
        List<Face> faces = new ArrayList<>(1);
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            int tag = readInt(in, 0);
            if (tag == 0x74746366) { // 'ttcf'
                int count = readInt(in, 8);
                for (int i = 0; i < Math.min(count, 64); i++) {
                    Face face = face(in, file, i, readInt(in, 12 + 4L * i));
                    if (face != null) {
                        faces.add(face);
                    }
                }
            }
            else {
                Face face = face(in, file, -1, 0);
                if (face != null) {
                    faces.add(face);
                }
            }
        }
        catch (IOException | RuntimeException e) {
            return List.of(); // not a font we can use
        }
        return faces;
    }

    private static Face face(RandomAccessFile in, Path file, int index, long offset) throws IOException {
        int version = readInt(in, offset);
        // TrueType outlines only ('OTTO' is CFF)
        if (version != 0x00010000 && version != 0x74727565) {
            return null;
        }
        int tables = readUShort(in, offset + 4);
        long cmap = -1;
        long os2 = -1;
        boolean glyf = false;
        for (int i = 0; i < tables; i++) {
            long entry = offset + 12 + 16L * i;
            int t = readInt(in, entry);
            long at = readInt(in, entry + 8) & 0xffffffffL;
            switch (t) {
                case 0x636d6170 -> cmap = at; // 'cmap'
                case 0x4f532f32 -> os2 = at; // 'OS/2'
                case 0x676c7966 -> glyf = true; // 'glyf'
                default -> {
                }
            }
        }
        if (!glyf || cmap < 0) {
            return null;
        }
        if (os2 >= 0 && (readUShort(in, os2 + 8) & 0x000f) == 0x0002) {
            // fsType "restricted licence embedding": OpenPDF refuses to embed it
            return null;
        }
        BitSet cps = cmap(in, cmap);
        return cps.isEmpty() ? null : new Face(file, index, cps);
    }

    /**
     * The code points of the best Unicode subtable: (3,10) or (0,4+) format 12, else
     * (3,1) or (0,x) format 4.
     */
    private static BitSet cmap(RandomAccessFile in, long cmap) throws IOException {
        int count = readUShort(in, cmap + 2);
        long best12 = -1;
        long best4 = -1;
        for (int i = 0; i < count; i++) {
            long rec = cmap + 4 + 8L * i;
            int platform = readUShort(in, rec);
            int encoding = readUShort(in, rec + 2);
            long sub = cmap + (readInt(in, rec + 4) & 0xffffffffL);
            boolean unicode = platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10));
            if (!unicode) {
                continue;
            }
            int format = readUShort(in, sub);
            if (format == 12 && best12 < 0) {
                best12 = sub;
            }
            else if (format == 4 && best4 < 0) {
                best4 = sub;
            }
        }
        BitSet cps = new BitSet();
        if (best12 >= 0) {
            long groups = readInt(in, best12 + 12) & 0xffffffffL;
            byte[] data = read(in, best12 + 16, (int) Math.min(groups * 12, 12 << 20));
            for (int g = 0; g + 12 <= data.length; g += 12) {
                int start = getInt(data, g);
                int end = getInt(data, g + 4);
                int glyph = getInt(data, g + 8);
                if (start >= 0 && end >= start && end <= 0x10ffff && !(glyph == 0 && start == end)) {
                    cps.set(start, end + 1);
                }
            }
        }
        else if (best4 >= 0) {
            int length = readUShort(in, best4 + 2);
            byte[] data = read(in, best4, length);
            int segX2 = getUShort(data, 6);
            int ends = 14;
            int starts = ends + segX2 + 2;
            int deltas = starts + segX2;
            int rangeOffsets = deltas + segX2;
            for (int s = 0; s < segX2 / 2; s++) {
                int end = getUShort(data, ends + 2 * s);
                int start = getUShort(data, starts + 2 * s);
                int delta = getUShort(data, deltas + 2 * s);
                int ro = getUShort(data, rangeOffsets + 2 * s);
                for (int c = start; c <= end && c != 0xffff; c++) {
                    int glyph;
                    if (ro == 0) {
                        glyph = (c + delta) & 0xffff;
                    }
                    else {
                        int at = rangeOffsets + 2 * s + ro + 2 * (c - start);
                        glyph = at + 1 < data.length ? getUShort(data, at) : 0;
                        if (glyph != 0) {
                            glyph = (glyph + delta) & 0xffff;
                        }
                    }
                    if (glyph != 0) {
                        cps.set(c);
                    }
                }
            }
        }
        return cps;
    }

    private static byte[] read(RandomAccessFile in, long at, int length) throws IOException {
        byte[] b = new byte[Math.max(0, (int) Math.min(length, in.length() - at))];
        in.seek(at);
        in.readFully(b);
        return b;
    }

    private static int readInt(RandomAccessFile in, long at) throws IOException {
        in.seek(at);
        return in.readInt();
    }

    private static int readUShort(RandomAccessFile in, long at) throws IOException {
        in.seek(at);
        return in.readUnsignedShort();
    }

    private static int getInt(byte[] b, int i) {
        return (b[i] & 0xff) << 24 | (b[i + 1] & 0xff) << 16 | (b[i + 2] & 0xff) << 8 | (b[i + 3] & 0xff);
    }

    private static int getUShort(byte[] b, int i) {
        return (b[i] & 0xff) << 8 | (b[i + 1] & 0xff);
    }

}
