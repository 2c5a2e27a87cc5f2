package dev.articleexporter.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Nightly digests of test stories, assembled as the digest step would. */
public final class TestDigests {

    private TestDigests() {
    }

    /**
     * Digest number 7 of {@code date}, in English: a section per section name in order of
     * first appearance, stories without one under {@code otherSection}.
     */
    public static Digest of(List<Story> stories, LocalDate date, String otherSection) {
        Map<String, List<Story>> bySection = new LinkedHashMap<>();
        for (Story story : stories) {
            String name = story.meta().section() == null ? otherSection : story.meta().section();
            bySection.computeIfAbsent(name, k -> new ArrayList<>()).add(story);
        }
        List<Digest.Section> sections = new ArrayList<>();
        int n = 0;
        for (var e : bySection.entrySet()) {
            List<Digest.Entry> entries = new ArrayList<>();
            for (Story story : e.getValue()) {
                entries.add(new Digest.Entry(++n, story.id(), story.meta().title(), story.meta().section(),
                        story.meta().language(), () -> story));
            }
            sections.add(new Digest.Section(sections.size() + 1, e.getKey(), entries));
        }
        return new Digest(Digest.fileStem(date, 7), Digest.title(date), date, "en", sections, 0, 200);
    }

}
