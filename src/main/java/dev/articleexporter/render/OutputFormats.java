package dev.articleexporter.render;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.stereotype.Component;

/**
 * Every {@link OutputFormat}-annotated renderer in the application, found by its
 * annotation: the one place that knows which formats exist. The export, the nightly
 * digest, downloads, the page and the OPDS catalog all ask it, so none of them names a
 * format.
 */
@Component
public class OutputFormats {

    /** A renderer with its annotation's facts. */
    public record Format(String name, String extension, String mediaType, String version, Renderer renderer) {

        /**
         * {@code stem.extension}: the name of this format's file of an article or digest.
         */
        public String fileName(String stem) {
            return stem + "." + extension;
        }

        /** What downloads are labelled with: the name in capitals ({@code PDF}). */
        public String label() {
            return name.toUpperCase(Locale.ROOT);
        }
    }

    private final Map<String, Format> byName = new TreeMap<>();

    @Autowired
    public OutputFormats(ApplicationContext context) {
        this(context.getBeansWithAnnotation(OutputFormat.class).values());
    }

    private OutputFormats(Collection<?> renderers) {
        Map<String, String> extensions = new TreeMap<>();
        for (Object bean : renderers) {
            OutputFormat format = AnnotationUtils.findAnnotation(bean.getClass(), OutputFormat.class);
            if (format == null || !(bean instanceof Renderer renderer)) {
                throw new IllegalStateException(bean.getClass().getName() + " is not an @OutputFormat Renderer");
            }
            // Two formats with one name or one extension would overwrite each other's
            // files.
            String clash = extensions.putIfAbsent(format.extension(), format.name());
            if (clash != null || byName.containsKey(format.name())) {
                throw new IllegalStateException("output format " + format.name() + " (." + format.extension()
                        + ") clashes with " + (clash != null ? clash : format.name()));
            }
            byName.put(format.name(),
                    new Format(format.name(), format.extension(), format.mediaType(), format.version(), renderer));
        }
    }

    /**
     * The registry of these renderers, for code that builds no application context
     * (tests, tools).
     */
    public static OutputFormats of(Renderer... renderers) {
        return new OutputFormats(List.of(renderers));
    }

    /** Names of all formats, sorted. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /** All formats, by name. */
    public List<Format> all() {
        return List.copyOf(byName.values());
    }

    /**
     * The formats named, in the order given, without repeats.
     * @throws IllegalArgumentException naming the unknown format and the known ones
     */
    public List<Format> select(List<String> names) {
        List<Format> selected = new ArrayList<>();
        for (String raw : names) {
            String name = raw.strip().toLowerCase(Locale.ROOT);
            Format format = byName.get(name);
            if (format == null) {
                throw new IllegalArgumentException(
                        "unknown format '" + raw.strip() + "'; available: " + String.join(", ", names()));
            }
            if (!selected.contains(format)) {
                selected.add(format);
            }
        }
        if (selected.isEmpty()) {
            throw new IllegalArgumentException("no output format selected; available: " + String.join(", ", names()));
        }
        return selected;
    }

}
