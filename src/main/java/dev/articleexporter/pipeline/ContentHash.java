package dev.articleexporter.pipeline;

import dev.articleexporter.input.Article;
import dev.articleexporter.input.Input;
import dev.articleexporter.input.XmlCharacters;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Map.Entry;
import tools.jackson.databind.JsonNode;

/**
 * What an article's output depends on, as one SHA-256: its content as read, the size and
 * time of each local image it uses, its output name and the render settings. Equal hashes
 * mean the files of the last export are still right.
 *
 * <p>
 * The content is the article's JSON tree as read, walked straight into the SHA-256 (no
 * serialization), so an article found unchanged is never bound nor cleaned
 * ({@link dev.articleexporter.input.ArticleNode}). Every value is tagged with its type
 * and every text and name with its length, so different trees never give the same bytes.
 * Only fields the {@link Article} records have count: binding ignores the others, so
 * feeds may carry extras that change every night. Strings count as read, before cleaning
 * (which works on a copy): equal as read, equal once cleaned. Local images are found
 * where binding finds them (slides' image src).
 *
 * <p>
 * These hashes are not those of releases that hashed the bound article: the first run
 * after the upgrade finds no article unchanged and renders everything once.
 */
public final class ContentHash {

    /** Changes with the way of hashing, so no hash of another way can ever match. */
    private static final String FORMAT = "article-tree-1";

    private ContentHash() {
    }

    public static String of(Input.Parsed parsed, String renderFingerprint, String related) {
        Feed feed = new Feed();
        feed.text(FORMAT);
        feed.node(parsed.node().tree(), Article.class);
        for (String src : feed.images) {
            feed.text(imageStamp(parsed.folder(), src));
        }
        feed.text(parsed.stem());
        feed.text(related);
        feed.text(renderFingerprint);
        return feed.hex();
    }

    /**
     * The local images an article uses, each with the stamp its fingerprint takes of it
     * ({@code {path, stamp}}): what a file's stamp keeps, so that an image changed since
     * makes its file read again.
     */
    public static List<String[]> images(Path folder, JsonNode tree) {
        Feed feed = new Feed();
        feed.node(tree, Article.class);
        List<String[]> images = new ArrayList<>(feed.images.size());
        for (String src : feed.images) {
            images.add(new String[] { src, imageStamp(folder, src) });
        }
        return images;
    }

    /**
     * The SHA-256 being fed, through a buffer (one call per value would cost more than
     * the hashing), and the images met.
     */
    private static final class Feed {

        private final MessageDigest sha = sha256();

        private final byte[] buffer = new byte[8192];

        private int used;

        private final List<String> images = new ArrayList<>(4);

        /**
         * @param type what binding makes of the node: a record of {@link Article}, a
         * list, or a plain value
         */
        void node(JsonNode node, Type type) {
            if (node.isString()) {
                tag('s');
                text(node.asString());
            }
            else if (node.isObject()) {
                Map<String, Type> fields = type instanceof Class<?> c ? FIELDS.get(c) : null;
                tag('{');
                for (Entry<String, JsonNode> field : node.properties()) {
                    Type fieldType = fields == null ? Object.class : fields.get(field.getKey());
                    if (fieldType != null) {
                        text(field.getKey());
                        node(field.getValue(), fieldType);
                    }
                }
                tag('}');
                JsonNode src = type == Article.Image.class ? node.get("src") : null;
                if (src != null && src.isValueNode() && !src.isNull()) {
                    // the path binding gives the story
                    images.add(XmlCharacters.cleaned(src.asString()));
                }
            }
            else if (node.isArray()) {
                Type element = type instanceof ParameterizedType list ? list.getActualTypeArguments()[0] : Object.class;
                tag('[');
                for (JsonNode item : node) {
                    node(item, element);
                }
                tag(']');
            }
            else if (node.isNumber()) {
                tag(node.isIntegralNumber() ? 'i' : 'f');
                text(node.asString());
            }
            else if (node.isBoolean()) {
                tag(node.booleanValue() ? 'T' : 'F');
            }
            else if (node.isNull()) {
                tag('z');
            }
            else {
                tag('?'); // nothing parsing JSON makes
                text(node.toString());
            }
        }

        /**
         * Length first, so "ab","c" and "a","bc" differ; {@code null} differs from every
         * text.
         */
        void text(String text) {
            if (text == null) {
                tag('\u00ff');
                return;
            }
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            int n = bytes.length;
            if (used + 4 + n > buffer.length) {
                flush();
            }
            buffer[used++] = (byte) (n >>> 24);
            buffer[used++] = (byte) (n >>> 16);
            buffer[used++] = (byte) (n >>> 8);
            buffer[used++] = (byte) n;
            if (n > buffer.length - used) {
                flush();
                sha.update(bytes);
            }
            else {
                System.arraycopy(bytes, 0, buffer, used, n);
                used += n;
            }
        }

        private void tag(char tag) {
            if (used == buffer.length) {
                flush();
            }
            buffer[used++] = (byte) tag;
        }

        private void flush() {
            sha.update(buffer, 0, used);
            used = 0;
        }

        String hex() {
            flush();
            return HexFormat.of().formatHex(sha.digest());
        }

    }

    /**
     * Each record an article is made of, with its fields by JSON name (the component
     * names) and their types.
     */
    private static final Map<Class<?>, Map<String, Type>> FIELDS = new HashMap<>();

    static {
        for (Class<?> record : List.of(Article.class, Article.Slide.class, Article.Image.class,
                Article.RelatedLink.class)) {
            Map<String, Type> fields = new HashMap<>();
            for (RecordComponent component : record.getRecordComponents()) {
                fields.put(component.getName(), component.getGenericType());
            }
            FIELDS.put(record, Map.copyOf(fields));
        }
    }

    /**
     * Size and modification time, not the bytes: reading every image on every night would
     * cost more than it saves.
     */
    static String imageStamp(Path folder, String src) {
        String lower = src.strip().toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return "remote:" + src;
        }
        try {
            BasicFileAttributes file = Files.readAttributes(folder.resolve(src.strip()).normalize(),
                    BasicFileAttributes.class);
            return src + ":" + file.size() + ":" + file.lastModifiedTime().toMillis();
        }
        catch (IOException | InvalidPathException e) {
            return src + ":missing";
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

}
