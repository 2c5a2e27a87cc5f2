package dev.articleexporter.delivery;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a subscribers file (YAML, SnakeYAML's safe loader: no types are made from it):
 *
 * <pre>
 * subscribers:
 *   - address: reader@kindle.com
 *     formats: [epub]
 *     content: digest
 *     max-size: 50MB
 *   - address: editor@example.org
 *     formats: [pdf]
 *     content:
 *       sections: [World, Sport]
 * </pre>
 *
 * Every problem is reported in plain words naming the file and the entry.
 */
public final class SubscribersFile {

    /** Send to Kindle's limit for a mail's attachments. */
    public static final long DEFAULT_MAX_SIZE = 50L * 1000 * 1000;

    private static final Set<String> FORMATS = Set.of("epub", "pdf");

    private static final Set<String> KEYS = Set.of("address", "formats", "content", "max-size");

    private static final Pattern SIZE = Pattern.compile("(\\d{1,9})\\s*(B|KB|MB|GB)?", Pattern.CASE_INSENSITIVE);

    private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>,;\"]+@[^@\\s<>,;\"]+");

    private SubscribersFile() {
    }

    /** The problem with a subscribers file, as the user is told it. */
    public static final class InvalidException extends Exception {

        InvalidException(String message) {
            super(message);
        }

    }

    public static List<Subscriber> read(Path file) throws InvalidException {
        Object root;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
        catch (IOException e) {
            throw new InvalidException("cannot read the subscribers file " + file + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        catch (YAMLException e) {
            throw new InvalidException("the subscribers file " + file + " is not valid YAML: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        if (!(root instanceof Map<?, ?> top) || !(top.get("subscribers") instanceof List<?> entries)) {
            throw new InvalidException(
                    "the subscribers file " + file + " must have a 'subscribers:' list (see docs/operations.md)");
        }
        List<Subscriber> subscribers = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            subscribers.add(entry(file, i + 1, entries.get(i)));
        }
        return subscribers;
    }

    private static Subscriber entry(Path file, int number, Object value) throws InvalidException {
        String where = "the subscribers file " + file + ", entry " + number;
        if (!(value instanceof Map<?, ?> map)) {
            throw new InvalidException(where + ": expected 'address', 'formats', 'content' and 'max-size'");
        }
        String address = map.get("address") == null ? "" : String.valueOf(map.get("address")).strip();
        if (!ADDRESS.matcher(address).matches()) {
            throw new InvalidException(where + ": 'address' must be one e-mail address, not '" + address + "'");
        }
        where = where + " (" + address + ")";
        for (Object key : map.keySet()) {
            if (!KEYS.contains(String.valueOf(key))) {
                throw new InvalidException(
                        where + ": unknown setting '" + key + "' (expected address, formats, content, max-size)");
            }
        }
        List<String> formats = strings(map.get("formats"), where, "formats");
        formats = formats.isEmpty() ? List.of("epub") : formats.stream().map(f -> f.toLowerCase(Locale.ROOT)).toList();
        for (String format : formats) {
            if (!FORMATS.contains(format)) {
                throw new InvalidException(
                        where + ": unknown format '" + format + "' (expected [epub], [pdf] or both)");
            }
        }
        List<String> sections = sections(map.get("content"), where);
        return new Subscriber(address, formats.stream().distinct().toList(), sections,
                size(map.get("max-size"), where));
    }

    private static List<String> sections(Object content, String where) throws InvalidException {
        if (content == null || "digest".equals(content)) {
            return List.of();
        }
        if (content instanceof Map<?, ?> map && map.size() == 1 && map.containsKey("sections")) {
            List<String> sections = strings(map.get("sections"), where, "content: sections");
            if (!sections.isEmpty()) {
                return sections;
            }
        }
        throw new InvalidException(
                where + ": 'content' must be 'digest' or 'sections: [..]' with at least one section");
    }

    private static List<String> strings(Object value, String where, String name) throws InvalidException {
        if (value == null) {
            return List.of();
        }
        if (value instanceof String one) {
            return List.of(one.strip());
        }
        if (value instanceof List<?> list && list.stream().allMatch(v -> v instanceof String)) {
            return list.stream().map(v -> ((String) v).strip()).toList();
        }
        throw new InvalidException(where + ": '" + name + "' must be a list of names, like [epub, pdf]");
    }

    private static long size(Object value, String where) throws InvalidException {
        if (value == null) {
            return DEFAULT_MAX_SIZE;
        }
        Matcher m = SIZE.matcher(String.valueOf(value).strip());
        long bytes = m.matches()
                ? Long.parseLong(m.group(1)) * switch (m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT)) {
                    case "KB" -> 1000L;
                    case "MB" -> 1000L * 1000;
                    case "GB" -> 1000L * 1000 * 1000;
                    default -> 1L;
                } : -1;
        if (bytes < 10_000) {
            throw new InvalidException(
                    where + ": 'max-size' must be a size such as 25MB or 50MB (at least 10KB), not '" + value + "'");
        }
        return bytes;
    }

}
