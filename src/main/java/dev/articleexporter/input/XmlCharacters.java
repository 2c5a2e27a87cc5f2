package dev.articleexporter.input;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Removes characters XML 1.0 cannot hold (C0 controls other than tab, line feed and
 * carriage return; U+FFFE, U+FFFF; lone surrogates) from every string of an article as it
 * is read, so no format meets them, and says where they were.
 */
public final class XmlCharacters {

    private XmlCharacters() {
    }

    /**
     * Cleans {@code node} in place; returns one warning per field that had such
     * characters.
     */
    static List<String> clean(JsonNode node) {
        List<String> warnings = new ArrayList<>();
        clean(node, "$", warnings);
        return warnings;
    }

    private static void clean(JsonNode node, String path, List<String> warnings) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : List.copyOf(object.properties())) {
                String at = path + "." + field.getKey();
                if (field.getValue().isString()) {
                    String cleaned = cleanText(field.getValue().asString(), at, warnings);
                    if (cleaned != null) {
                        object.set(field.getKey(), StringNode.valueOf(cleaned));
                    }
                }
                else {
                    clean(field.getValue(), at, warnings);
                }
            }
        }
        else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                String at = path + "[" + i + "]";
                if (array.get(i).isString()) {
                    String cleaned = cleanText(array.get(i).asString(), at, warnings);
                    if (cleaned != null) {
                        array.set(i, StringNode.valueOf(cleaned));
                    }
                }
                else {
                    clean(array.get(i), at, warnings);
                }
            }
        }
    }

    /**
     * The text as {@link #clean} leaves it, without the warning. Also for text that did
     * not come through the reader: the catalog writes what the database holds, and one
     * control character would make a whole feed unreadable.
     */
    public static String cleaned(String text) {
        if (text == null) {
            return null;
        }
        String cleaned = cleanText(text, "", new java.util.ArrayList<>());
        return cleaned == null ? text : cleaned;
    }

    /** The text without the offending characters, or {@code null} when it had none. */
    private static String cleanText(String text, String path, List<String> warnings) {
        StringBuilder kept = null;
        Set<String> removed = new LinkedHashSet<>();
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                if (kept != null) {
                    kept.append(c).append(text.charAt(i + 1));
                }
                i++;
            }
            else if (allowed(c)) {
                if (kept != null) {
                    kept.append(c);
                }
            }
            else {
                if (kept == null) {
                    kept = new StringBuilder(text.length()).append(text, 0, i);
                }
                count++;
                removed.add(String.format(Locale.ROOT, "U+%04X", (int) c));
            }
        }
        if (kept == null) {
            return null;
        }
        warnings.add("removed " + count + " character" + (count == 1 ? "" : "s") + " not allowed in XML ("
                + String.join(", ", removed) + ") from " + path);
        return kept.toString();
    }

    private static boolean allowed(char c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0xD800) || (c > 0xDFFF && c < 0xFFFE);
    }

}
