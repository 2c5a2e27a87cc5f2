package dev.articleexporter.cover;

import java.awt.Color;
import java.util.List;

/**
 * Colours of a typographic cover: flat, and each text colour far from its ground in
 * lightness too, so the cover reads on an e-ink screen in greyscale.
 *
 * @param ground the page
 * @param text on the ground
 * @param accent bands and rules
 * @param onAccent text on the accent
 */
record Palette(Color ground, Color text, Color accent, Color onAccent) {

    private static final Color WHITE = Color.WHITE;

    private static final Color INK = new Color(0x111111);

    static final List<Palette> ALL = List.of(new Palette(new Color(0x1F3A5F), WHITE, new Color(0xF2C14E), INK),
            new Palette(new Color(0x1E4D3A), WHITE, new Color(0xE9C46A), INK),
            new Palette(new Color(0x6B1E2E), WHITE, new Color(0xF4D6A0), INK),
            new Palette(new Color(0xF4EFE6), INK, new Color(0x9B2226), WHITE),
            new Palette(new Color(0x222831), WHITE, new Color(0x7FD1C7), INK));

    /**
     * The palette of {@code key} (the site, else the section): always the same one, so a
     * site's covers look related ({@link String#hashCode} is the same in every JVM).
     */
    static Palette of(String key) {
        return ALL.get(Math.floorMod(key == null ? 0 : key.hashCode(), ALL.size()));
    }

}
