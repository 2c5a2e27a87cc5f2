package dev.articleexporter.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.stereotype.Component;

/** Every {@link OutputFormat}-annotated renderer in the application, found by its annotation. */
@Component
public class OutputFormats {

    /** A renderer with its annotation's facts. */
    public record Format(String name, String extension, String mediaType, String version, Renderer renderer) {
    }

    private final Map<String, Format> byName = new TreeMap<>();

    public OutputFormats(ApplicationContext context) {
        context.getBeansWithAnnotation(OutputFormat.class).values().forEach(bean -> {
            OutputFormat format = AnnotationUtils.findAnnotation(bean.getClass(), OutputFormat.class);
            if (!(bean instanceof Renderer renderer)) {
                throw new IllegalStateException(bean.getClass().getName() + " is an @OutputFormat but not a Renderer");
            }
            byName.put(format.name(), new Format(format.name(), format.extension(), format.mediaType(), format.version(), renderer));
        });
    }

    /** Names of all formats, sorted. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /**
     * The formats named, in the order given, without repeats.
     *
     * @throws IllegalArgumentException naming the unknown format and the known ones
     */
    public List<Format> select(List<String> names) {
        List<Format> selected = new ArrayList<>();
        for (String raw : names) {
            String name = raw.strip().toLowerCase(Locale.ROOT);
            Format format = byName.get(name);
            if (format == null) {
                throw new IllegalArgumentException("unknown format '" + raw.strip() + "'; available: " + String.join(", ", names()));
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
