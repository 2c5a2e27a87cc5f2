package dev.articleexporter.web.opds;

/**
 * Text as XML 1.0 can hold it. Input is cleaned when it is read, but the catalog writes what the
 * database holds (older runs, other writers), and one control character would make a whole feed
 * unreadable to a reader app: such characters are dropped here too.
 */
final class XmlText {

    private XmlText() {
    }

    /** {@code text} without C0 controls other than tab, LF and CR, U+FFFE, U+FFFF and lone surrogates. */
    static String clean(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder kept = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                if (kept != null) {
                    kept.append(c).append(text.charAt(i + 1));
                }
                i++;
            } else if (allowed(c)) {
                if (kept != null) {
                    kept.append(c);
                }
            } else if (kept == null) {
                kept = new StringBuilder(text.length()).append(text, 0, i);
            }
        }
        return kept == null ? text : kept.toString();
    }

    private static boolean allowed(char c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0xD800) || (c > 0xDFFF && c < 0xFFFE);
    }
}
