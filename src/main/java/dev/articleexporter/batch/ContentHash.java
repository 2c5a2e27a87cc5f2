package dev.articleexporter.batch;

import dev.articleexporter.article.Article;
import dev.articleexporter.article.ArticleJson;
import dev.articleexporter.article.Input;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * What an article's output depends on, as one SHA-256: its content as read, the size and time of
 * each local image it uses, its output name and the render settings. Equal hashes mean the
 * files of the last export are still right.
 */
final class ContentHash {

    private ContentHash() {
    }

    static String of(Input.Parsed parsed, String renderFingerprint, String related) {
        MessageDigest sha = sha256();
        sha.update(ArticleJson.MAPPER.writeValueAsBytes(parsed.article()));
        for (Article.Slide slide : parsed.article().slides()) {
            if (slide.image() != null && slide.image().src() != null) {
                sha.update(imageStamp(parsed.folder(), slide.image().src()).getBytes(StandardCharsets.UTF_8));
            }
        }
        sha.update(("|" + parsed.stem() + "|" + related + "|" + renderFingerprint).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Size and modification time, not the bytes: reading every image on every night would cost more than it saves. */
    private static String imageStamp(Path folder, String src) {
        String lower = src.strip().toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return "|remote:" + src;
        }
        try {
            BasicFileAttributes file = Files.readAttributes(folder.resolve(src.strip()).normalize(), BasicFileAttributes.class);
            return "|" + src + ":" + file.size() + ":" + file.lastModifiedTime().toMillis();
        } catch (IOException | InvalidPathException e) {
            return "|" + src + ":missing";
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
