package dev.articleexporter.model;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Set;

/**
 * Whether an article's language is written right to left, from its BCP 47 tag: decided
 * here once for every format (the PDF and the EPUB of one article must never disagree, as
 * they did when each kept a list of its own).
 */
public final class WritingDirection {

    /**
     * Languages written right to left when the tag names no script (Arabic, Hebrew,
     * Persian, Urdu, Yiddish, ...).
     */
    private static final Set<String> RTL_LANGUAGES = Set.of("ar", "arc", "azb", "bal", "bqi", "ckb", "dv", "fa", "glk",
            "he", "iw", "ji", "khw", "ks", "lrc", "mzn", "nqo", "pnb", "ps", "sd", "skr", "syr", "ug", "ur", "yi");

    /**
     * ISO 15924 codes of right-to-left scripts, for tags that name one ({@code az-Arab},
     * {@code pa-Arab}).
     */
    private static final Set<String> RTL_SCRIPTS = Set.of("Adlm", "Arab", "Aran", "Armi", "Avst", "Chrs", "Cprt",
            "Elym", "Hatr", "Hebr", "Hung", "Khar", "Lydi", "Mand", "Mani", "Mend", "Narb", "Nbat", "Nkoo", "Orkh",
            "Ougr", "Palm", "Phli", "Phlp", "Phnx", "Prti", "Rohg", "Samr", "Sarb", "Sogd", "Sogo", "Syrc", "Thaa",
            "Yezi");

    private WritingDirection() {
    }

    /**
     * Whether a BCP 47 tag names a language written right to left: by its script subtag
     * if any, else by its language.
     */
    public static boolean rightToLeft(String tag) {
        if (tag == null || tag.isBlank()) {
            return false;
        }
        String t = tag.strip().replace('_', '-');
        try {
            String script = new Locale.Builder().setLanguageTag(t).build().getScript();
            if (!script.isEmpty()) {
                return RTL_SCRIPTS.contains(script);
            }
        }
        catch (IllformedLocaleException e) {
            // not well-formed: decide from the primary subtag alone
        }
        int dash = t.indexOf('-');
        return RTL_LANGUAGES.contains((dash < 0 ? t : t.substring(0, dash)).toLowerCase(Locale.ROOT));
    }

}
