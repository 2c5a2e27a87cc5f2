package dev.articleexporter.model;

import com.github.slugify.Slugify;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * File-name stems for outputs: the article's {@code id} made safe for a file name, else a
 * slug of its title. Safe means letters, digits, '.', '_' and '-' only, no leading dot,
 * no Windows device name, bounded length, so nothing taken from input can point outside
 * the output folder. An id that had to be changed gets a short hash of the original, so
 * two ids that clean up the same ({@code a/b} and {@code a:b}) still get different,
 * stable names.
 *
 * <p>
 * Canonically equivalent ids and titles ({@code Caf\u00e9} and {@code Cafe\u0301}) give
 * the same stem: text is put in NFC first. A name a nightly digest may have
 * ({@code digest-2026-12-06-run-5}, see {@code Digest.fileStem}) is never an article's:
 * it gets the hash too, as a changed id does ({@code digest-2026-12-06-run-5-1a2b3c4d}).
 */
public final class FileNames {

    /**
     * Leaves room for an extension and a de-duplicating suffix within common 255-byte
     * limits.
     */
    public static final int MAX_LENGTH = 120;

    private static final Slugify SLUGIFY = Slugify.builder().build();

    private static final Pattern UNSAFE = Pattern.compile("[^\\p{L}\\p{N}._-]+");

    private static final Pattern DASHES = Pattern.compile("-{2,}");

    private static final Set<String> DEVICE_NAMES = Set.of("con", "prn", "aux", "nul", "com1", "com2", "com3", "com4",
            "com5", "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8",
            "lpt9");

    private static final int HASH_LENGTH = 8;

    /**
     * What {@code Digest.fileStem} makes of a run's date and id. Only ASCII digits: dates
     * and run ids print no others.
     */
    private static final Pattern DIGEST_NAME = Pattern.compile("digest-[0-9]{4}-[0-9]{2}-[0-9]{2}-run-[0-9]+");

    private FileNames() {
    }

    /**
     * The stem for an article, or {@code null} when neither id nor title gives a usable
     * one.
     */
    public static String stem(String id, String title) {
        String rawId = id == null ? "" : nfc(id).strip();
        if (!rawId.isEmpty()) {
            String safe = safe(rawId, MAX_LENGTH);
            if (safe != null && safe.equals(rawId) && !isDigestName(safe)) {
                return safe;
            }
            return withHash(safe == null ? "article" : safe, rawId);
        }
        if (title == null) {
            return null;
        }
        String text = nfc(title);
        String slug = safe(SLUGIFY.slugify(text), MAX_LENGTH);
        return slug != null && isDigestName(slug) ? withHash(slug, text) : slug;
    }

    /**
     * {@code base} cut to leave room, a dash and a hash of {@code original}; never a
     * digest's name.
     */
    private static String withHash(String base, String original) {
        String hash = hash(original);
        String name = safe(base, MAX_LENGTH - HASH_LENGTH - 1) + "-" + hash;
        // "...-run" and eight hex digits that happen to be all digits: a second hash
        // follows a dash, which ends the match.
        return isDigestName(name) ? safe(name, MAX_LENGTH - HASH_LENGTH - 1) + "-" + hash : name;
    }

    /**
     * Whether {@code name} is, ignoring case, one a nightly digest may have. Case as file
     * systems fold it: upper then lower case, so "DIGEST" and "dige\u017Ft" (long s,
     * which folds to s) match too.
     */
    static boolean isDigestName(String name) {
        char last = name.charAt(name.length() - 1);
        return last >= '0' && last <= '9' // most names fail here, before any case folding
                && DIGEST_NAME.matcher(name.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT)).matches();
    }

    /**
     * NFC, so canonically equivalent text gives the same name; only text with a
     * combining-range character can change.
     */
    private static String nfc(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= '\u0300') {
                return Normalizer.normalize(text, Normalizer.Form.NFC);
            }
        }
        return text;
    }

    /** The name made safe, or {@code null} when nothing usable is left. */
    static String safe(String raw, int maxLength) {
        String name = UNSAFE.matcher(raw.strip()).replaceAll("-");
        name = DASHES.matcher(name).replaceAll("-");
        name = trimEnds(name);
        if (name.length() > maxLength) {
            name = trimEnds(name.substring(0, maxLength));
        }
        if (name.isEmpty()) {
            return null;
        }
        String device = name.toLowerCase(Locale.ROOT);
        int dot = device.indexOf('.');
        if (DEVICE_NAMES.contains(dot < 0 ? device : device.substring(0, dot))) {
            name = "_" + name; // CON, con.txt and friends cannot be files on Windows
        }
        return name;
    }

    /**
     * Without leading and trailing dots and dashes (a loop: this runs for every article
     * of every partition).
     */
    private static String trimEnds(String name) {
        int start = 0;
        int end = name.length();
        while (start < end && (name.charAt(start) == '.' || name.charAt(start) == '-')) {
            start++;
        }
        while (end > start && (name.charAt(end - 1) == '.' || name.charAt(end - 1) == '-')) {
            end--;
        }
        return name.substring(start, end);
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_LENGTH);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

}
