package dev.articleexporter.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.PathIterator;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.GlyphData;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hints go; every outline, advance and character mapping stays exactly as it was. */
class UnhintedTest {

    @ParameterizedTest
    @ValueSource(strings = { "LiberationSerif-Regular.ttf", "LiberationSans-Bold.ttf", "LiberationSerif-Italic.ttf" })
    void onlyTheHintsAreGone(String file) throws IOException {
        byte[] original;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("liberation/" + file)) {
            original = in.readAllBytes();
        }
        byte[] stripped = Unhinted.of(original);
        assertThat(stripped.length).isLessThan(original.length * 3 / 4);

        try (TrueTypeFont before = new TTFParser().parse(new RandomAccessReadBuffer(original));
                TrueTypeFont after = new TTFParser().parse(new RandomAccessReadBuffer(stripped))) {
            assertThat(after.getTableMap().keySet()).doesNotContain("fpgm", "prep", "cvt ")
                .contains("glyf", "loca", "cmap");
            assertThat(after.getNumberOfGlyphs()).isEqualTo(before.getNumberOfGlyphs());
            assertThat(after.getTableMap().get("glyf").getLength()).as("glyph programs removed")
                .isLessThan(before.getTableMap().get("glyf").getLength() * 3 / 4);
            int composites = 0;
            for (int gid = 0; gid < before.getNumberOfGlyphs(); gid++) {
                GlyphData was = before.getGlyph().getGlyph(gid);
                GlyphData is = after.getGlyph().getGlyph(gid);
                assertThat(is == null).as("glyph %d present", gid).isEqualTo(was == null);
                if (was != null) {
                    assertThat(outline(is)).as("outline of glyph %d", gid).isEqualTo(outline(was));
                    composites += was.getDescription().isComposite() ? 1 : 0;
                }
                assertThat(after.getAdvanceWidth(gid)).isEqualTo(before.getAdvanceWidth(gid));
            }
            assertThat(composites).as("composite glyphs (accented letters) were checked too").isPositive();
            for (int cp : new int[] { 'A', 'g', 0xE9, 0x2019, 0x20AC }) {
                assertThat(after.getUnicodeCmapLookup().getGlyphId(cp))
                    .isEqualTo(before.getUnicodeCmapLookup().getGlyphId(cp));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "not a font at all", "OTTO and then some" })
    void anythingElseIsReturnedAsItIs(String junk) {
        byte[] bytes = junk.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(Unhinted.of(bytes)).isSameAs(bytes);
    }

    private static List<Double> outline(GlyphData glyph) {
        List<Double> points = new ArrayList<>();
        double[] coords = new double[6];
        for (PathIterator it = glyph.getPath().getPathIterator(null); !it.isDone(); it.next()) {
            int type = it.currentSegment(coords);
            points.add((double) type);
            for (int i = 0; i < 6; i++) {
                points.add(coords[i]);
            }
        }
        return points;
    }

}
