package dev.articleexporter.render.pdf;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A TrueType font without its hinting: the glyph programs, {@code fpgm}, {@code prep} and
 * {@code cvt }. Hints snap outlines to the pixel grid of small screen sizes; PDF viewers
 * scale text freely and mostly ignore them (pdf.js, Preview) or hint automatically, and
 * printers do not need them. In Liberation they are about half of every glyph, so a PDF's
 * font subsets shrink by about that much, which is less to compress and to store for
 * every article. Outlines, metrics and character maps are untouched.
 *
 * <p>
 * Only what OpenPDF and PDF viewers read is kept: a font with an unexpected structure is
 * returned unchanged.
 */
final class Unhinted {

    private static final Set<String> HINTING = Set.of("fpgm", "prep", "cvt ");

    private static final int ARG_1_AND_2_ARE_WORDS = 0x0001;

    private static final int WE_HAVE_A_SCALE = 0x0008;

    private static final int MORE_COMPONENTS = 0x0020;

    private static final int WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;

    private static final int WE_HAVE_A_TWO_BY_TWO = 0x0080;

    private static final int WE_HAVE_INSTRUCTIONS = 0x0100;

    private Unhinted() {
    }

    /**
     * The font without hints, or {@code font} itself when it is not a plain TrueType
     * font.
     */
    static byte[] of(byte[] font) {
        try {
            return strip(font);
        }
        catch (RuntimeException e) {
            // IndexOutOfBounds and the like: an unusual font is embedded as it is
            return font;
        }
    }

    private static byte[] strip(byte[] font) {
        ByteBuffer in = ByteBuffer.wrap(font);
        int version = in.getInt(0);
        // TrueType outlines only ('true')
        if (version != 0x00010000 && version != 0x74727565) {
            return font;
        }
        int numTables = in.getShort(4) & 0xffff;
        // table records must be sorted by tag
        Map<String, byte[]> tables = new TreeMap<>();
        for (int i = 0; i < numTables; i++) {
            int record = 12 + 16 * i;
            String tag = new String(font, record, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            int offset = in.getInt(record + 8);
            int length = in.getInt(record + 12);
            byte[] table = new byte[length];
            System.arraycopy(font, offset, table, 0, length);
            tables.put(tag, table);
        }
        byte[] head = tables.get("head");
        byte[] loca = tables.get("loca");
        byte[] glyf = tables.get("glyf");
        byte[] maxp = tables.get("maxp");
        if (head == null || loca == null || glyf == null || maxp == null) {
            return font;
        }
        boolean longLoca = ByteBuffer.wrap(head).getShort(50) == 1;
        int glyphs = ByteBuffer.wrap(maxp).getShort(4) & 0xffff;

        ByteArrayOutputStream newGlyf = new ByteArrayOutputStream(glyf.length);
        ByteBuffer newLoca = ByteBuffer.allocate(4 * (glyphs + 1));
        ByteBuffer locaIn = ByteBuffer.wrap(loca);
        for (int g = 0; g < glyphs; g++) {
            int start = longLoca ? locaIn.getInt(4 * g) : (locaIn.getShort(2 * g) & 0xffff) * 2;
            int end = longLoca ? locaIn.getInt(4 * (g + 1)) : (locaIn.getShort(2 * (g + 1)) & 0xffff) * 2;
            newLoca.putInt(newGlyf.size());
            if (end > start) {
                byte[] glyph = withoutInstructions(glyf, start, end);
                newGlyf.write(glyph, 0, glyph.length);
                while (newGlyf.size() % 4 != 0) {
                    newGlyf.write(0);
                }
            }
        }
        newLoca.putInt(newGlyf.size());

        byte[] newHead = head.clone();
        // checksum adjustment below; long offsets
        ByteBuffer.wrap(newHead).putInt(8, 0).putShort(50, (short) 1);
        byte[] newMaxp = maxp.clone();
        if (newMaxp.length >= 32) {
            ByteBuffer.wrap(newMaxp).putShort(26, (short) 0); // maxSizeOfInstructions
        }
        tables.keySet().removeAll(HINTING);
        tables.put("head", newHead);
        tables.put("maxp", newMaxp);
        tables.put("glyf", newGlyf.toByteArray());
        tables.put("loca", newLoca.array());
        return assemble(version, tables);
    }

    /** One glyph's bytes with an empty instruction program. */
    private static byte[] withoutInstructions(byte[] glyf, int start, int end) {
        ByteBuffer g = ByteBuffer.wrap(glyf, start, end - start).slice();
        int contours = g.getShort(0);
        if (contours >= 0) {
            int lengthAt = 10 + 2 * contours;
            int instructions = g.getShort(lengthAt) & 0xffff;
            int rest = lengthAt + 2 + instructions;
            byte[] out = new byte[g.limit() - instructions];
            g.get(0, out, 0, lengthAt);
            // the instruction length stays 0 (new array); flags and coordinates follow it
            g.get(rest, out, lengthAt + 2, g.limit() - rest);
            return out;
        }
        int at = 10;
        int flags;
        int lastFlagsAt;
        do {
            lastFlagsAt = at;
            flags = g.getShort(at) & 0xffff;
            at += 4 + ((flags & ARG_1_AND_2_ARE_WORDS) != 0 ? 4 : 2);
            if ((flags & WE_HAVE_A_SCALE) != 0) {
                at += 2;
            }
            else if ((flags & WE_HAVE_AN_X_AND_Y_SCALE) != 0) {
                at += 4;
            }
            else if ((flags & WE_HAVE_A_TWO_BY_TWO) != 0) {
                at += 8;
            }
        }
        while ((flags & MORE_COMPONENTS) != 0);
        byte[] out = new byte[at];
        g.get(0, out, 0, at);
        if ((flags & WE_HAVE_INSTRUCTIONS) != 0) {
            ByteBuffer.wrap(out).putShort(lastFlagsAt, (short) (flags & ~WE_HAVE_INSTRUCTIONS));
        }
        return out;
    }

    /**
     * The font file: offset table, table records with checksums, tables on 4-byte
     * boundaries.
     */
    private static byte[] assemble(int version, Map<String, byte[]> tables) {
        int numTables = tables.size();
        int entrySelector = 31 - Integer.numberOfLeadingZeros(numTables);
        int searchRange = (1 << entrySelector) * 16;
        int size = 12 + 16 * numTables;
        for (byte[] t : tables.values()) {
            size += (t.length + 3) & ~3;
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.putInt(version)
            .putShort((short) numTables)
            .putShort((short) searchRange)
            .putShort((short) entrySelector)
            .putShort((short) (numTables * 16 - searchRange));
        int offset = 12 + 16 * numTables;
        int headAt = -1;
        for (Map.Entry<String, byte[]> table : tables.entrySet()) {
            byte[] t = table.getValue();
            out.put(table.getKey().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))
                .putInt(checksum(t, 0, t.length))
                .putInt(offset)
                .putInt(t.length);
            if (table.getKey().equals("head")) {
                headAt = offset;
            }
            offset += (t.length + 3) & ~3;
        }
        for (byte[] t : tables.values()) {
            out.put(t);
            out.position((out.position() + 3) & ~3);
        }
        byte[] font = out.array();
        if (headAt >= 0) {
            ByteBuffer.wrap(font).putInt(headAt + 8, 0xB1B0AFBA - checksum(font, 0, font.length));
        }
        return font;
    }

    private static int checksum(byte[] data, int from, int length) {
        int sum = 0;
        for (int i = 0; i < length; i += 4) {
            int word = 0;
            for (int b = 0; b < 4; b++) {
                word = (word << 8) | (i + b < length ? data[from + i + b] & 0xff : 0);
            }
            sum += word;
        }
        return sum;
    }

}
