package dev.articleexporter.render.epub;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Set;

/** Writing direction of languages (from their BCP 47 tag) and of pieces of text (from their first strong character). */
final class TextDirection {

    /** Languages written right to left when the tag names no script (Arabic, Hebrew, Persian, Urdu, Yiddish, ...). */
    private static final Set<String> RTL_LANGUAGES = Set.of(
            "ar", "arc", "azb", "bal", "bqi", "ckb", "dv", "fa", "glk", "he", "iw", "ji", "khw", "ks", "lrc",
            "mzn", "nqo", "pnb", "ps", "sd", "skr", "syr", "ug", "ur", "yi");

    /** ISO 15924 codes of right-to-left scripts, for tags that name one ({@code az-Arab}, {@code pa-Arab}). */
    private static final Set<String> RTL_SCRIPTS = Set.of(
            "Adlm", "Arab", "Aran", "Armi", "Avst", "Chrs", "Cprt", "Elym", "Hatr", "Hebr", "Hung", "Khar", "Lydi",
            "Mand", "Mani", "Mend", "Narb", "Nbat", "Nkoo", "Orkh", "Ougr", "Palm", "Phli", "Phlp", "Phnx", "Prti",
            "Rohg", "Samr", "Sarb", "Sogd", "Sogo", "Syrc", "Thaa", "Yezi");

    /** Direction of a piece of text: of its first strong character, or none when it has none (digits, punctuation). */
    enum Direction { LTR, RTL, NEUTRAL }

    private TextDirection() {
    }

    /** Whether a BCP 47 tag names a language written right to left: by its script subtag if any, else by its language. */
    static boolean isRtlLanguage(String tag) {
        if (tag == null || tag.isBlank()) {
            return false;
        }
        String t = tag.strip().replace('_', '-');
        try {
            String script = new Locale.Builder().setLanguageTag(t).build().getScript();
            if (!script.isEmpty()) {
                return RTL_SCRIPTS.contains(script);
            }
        } catch (IllformedLocaleException e) {
            // not well-formed: decide from the primary subtag alone
        }
        int dash = t.indexOf('-');
        return RTL_LANGUAGES.contains((dash < 0 ? t : t.substring(0, dash)).toLowerCase(Locale.ROOT));
    }

    /** The direction of the first strongly directional character (Unicode bidi classes L, R, AL). */
    static Direction firstStrong(String text) {
        if (text == null) {
            return Direction.NEUTRAL;
        }
        for (int i = 0; i < text.length(); ) {
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
     * {@code dir} attribute (with its leading space) for an element holding {@code text} when its
     * direction differs from the page's, else the empty string: the element inherits the page's
     * direction. XHTML 1.1 knows only {@code ltr} and {@code rtl} (no {@code auto}).
     */
    static String dirAttribute(String text, boolean pageRtl) {
        String dir = dir(text, pageRtl);
        return dir == null ? "" : dir.equals("rtl") ? " dir=\"rtl\"" : " dir=\"ltr\"";
    }

    /** The value of {@link #dirAttribute}: {@code rtl}, {@code ltr}, or {@code null} when the element inherits the page's. */
    static String dir(String text, boolean pageRtl) {
        return switch (firstStrong(text)) {
            case RTL -> pageRtl ? null : "rtl";
            case LTR -> pageRtl ? "ltr" : null;
            case NEUTRAL -> null;
        };
    }
}
