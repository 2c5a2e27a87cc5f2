package dev.articleexporter.digest;

import com.github.slugify.Slugify;
import java.util.regex.Pattern;

/**
 * File-name stems for outputs: the article's {@code id} made safe for a file name, else a slug
 * of its title. Safe means letters, digits, '.', '_' and '-' only, no leading dot, bounded length,
 * so nothing taken from input can point outside the output folder.
 */
public final class FileNames {

    /** Leaves room for an extension and a de-duplicating suffix within common 255-byte limits. */
    public static final int MAX_LENGTH = 120;

    private static final Slugify SLUGIFY = Slugify.builder().build();
    private static final Pattern UNSAFE = Pattern.compile("[^\\p{L}\\p{N}._-]+");
    private static final Pattern DASHES = Pattern.compile("-{2,}");

    private FileNames() {
    }

    /** The stem for an article, or {@code null} when neither id nor title gives a usable one. */
    public static String stem(String id, String title) {
        String fromId = id == null ? null : safe(id);
        if (fromId != null) {
            return fromId;
        }
        return title == null ? null : safe(SLUGIFY.slugify(title));
    }

    static String safe(String raw) {
        String name = UNSAFE.matcher(raw.strip()).replaceAll("-");
        name = DASHES.matcher(name).replaceAll("-");
        name = name.replaceAll("^[.-]+", "").replaceAll("[.-]+$", "");
        if (name.length() > MAX_LENGTH) {
            name = name.substring(0, MAX_LENGTH).replaceAll("[.-]+$", "");
        }
        return name.isEmpty() ? null : name;
    }
}
