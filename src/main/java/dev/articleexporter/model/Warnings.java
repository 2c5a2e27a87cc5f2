package dev.articleexporter.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Problems met while making one article into a story that do not stop its export (a
 * missing image, a bad date).
 */
public final class Warnings {

    private final List<String> messages = new ArrayList<>();

    public void add(String message) {
        messages.add(message);
    }

    public List<String> list() {
        return List.copyOf(messages);
    }

}
