package dev.articleexporter.render.epub;

/**
 * Writing direction of pieces of text (from their first strong character); an article's
 * own is {@code Meta.rightToLeft()}.
 */
final class TextDirection {

    /**
     * Direction of a piece of text: of its first strong character, or none when it has
     * none (digits, punctuation).
     */
    enum Direction {

        LTR, RTL, NEUTRAL

    }

    private TextDirection() {
    }

    /**
     * The direction of the first strongly directional character (Unicode bidi classes L,
     * R, AL).
     */
    static Direction firstStrong(String text) {
        if (text == null) {
            return Direction.NEUTRAL;
        }
        for (int i = 0; i < text.length();) {
            int cp = text.codePointAt(i);
            switch (Character.getDirectionality(cp)) {
                case Character.DIRECTIONALITY_LEFT_TO_RIGHT -> {
                    return Direction.LTR;
                }
                case Character.DIRECTIONALITY_RIGHT_TO_LEFT, Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC -> {
                    return Direction.RTL;
                }
                default -> i += Character.charCount(cp);
            }
        }
        return Direction.NEUTRAL;
    }

    /**
     * {@code dir} attribute (with its leading space) for an element holding {@code text}
     * when its direction differs from the page's, else the empty string: the element
     * inherits the page's direction. Explicit rather than {@code auto}: the direction is
     * decided here once, the same for every format and every reader.
     */
    static String dirAttribute(String text, boolean pageRtl) {
        String dir = dir(text, pageRtl);
        return dir == null ? "" : dir.equals("rtl") ? " dir=\"rtl\"" : " dir=\"ltr\"";
    }

    /**
     * The value of {@link #dirAttribute}: {@code rtl}, {@code ltr}, or {@code null} when
     * the element inherits the page's.
     */
    static String dir(String text, boolean pageRtl) {
        return switch (firstStrong(text)) {
            case RTL -> pageRtl ? null : "rtl";
            case LTR -> pageRtl ? "ltr" : null;
            case NEUTRAL -> null;
        };
    }

}
