package dev.articleexporter.delivery;

import java.util.List;

/**
 * One entry of the subscribers file.
 *
 * @param address where the mail goes
 * @param formats file extensions to send, in order ({@code epub}, {@code pdf})
 * @param sections empty for the nightly digest; else the sections whose articles are
 * sent, each as its own files
 * @param maxSize the largest mail, in bytes as sent (attachments grow by a third in
 * transit)
 */
public record Subscriber(String address, List<String> formats, List<String> sections, long maxSize) {

    public Subscriber {
        formats = List.copyOf(formats);
        sections = List.copyOf(sections);
    }

    public boolean digest() {
        return sections.isEmpty();
    }

    /**
     * What this subscriber receives of a run, as the history keys it: "digest epub,pdf",
     * "sections World,Sport pdf".
     */
    public String item() {
        return (digest() ? "digest" : "sections " + String.join(",", sections)) + " " + String.join(",", formats);
    }

}
