package dev.articleexporter.render.epub;

import io.documentnode.epub4j.domain.MediaType;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Safe URLs for the book: web links readers can follow, and file names inside the
 * package.
 */
final class Hrefs {

    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Hrefs() {
    }

    /**
     * An absolute http(s) address with the characters a URL may not hold percent-encoded,
     * or {@code null} for anything else (no scheme, other schemes, no host, unparseable).
     */
    static String web(String url) {
        if (url == null) {
            return null;
        }
        String u = url.strip();
        String lower = u.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            return null;
        }
        StringBuilder b = new StringBuilder(u.length() + 16);
        byte[] bytes = u.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int c = bytes[i] & 0xFF;
            boolean escape = c <= 0x20 || c >= 0x7F || "\"<>\\^`{|}".indexOf(c) >= 0
                    || (c == '%' && !(i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2])));
            if (escape) {
                b.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
            else {
                b.append((char) c);
            }
        }
        try {
            URI uri = new URI(b.toString());
            return uri.getHost() == null || uri.getHost().isEmpty() ? null : b.toString();
        }
        catch (URISyntaxException e) {
            return null;
        }
    }

    private static boolean isHex(byte c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /**
     * The image's own name when it is a plain file name, else {@code image-N} with the
     * type's extension.
     */
    static String fileName(String name, int n, MediaType type) {
        if (name != null && SAFE_NAME.matcher(name).matches()) {
            return name;
        }
        return "image-" + n + type.getDefaultExtension();
    }

}
