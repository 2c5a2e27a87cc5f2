package dev.articleexporter.fonts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where an operating system keeps its fonts: the PDF and the covers look in the same
 * places, so an article's scripts are drawn by the same fonts in both.
 */
public final class FontFolders {

    private FontFolders() {
    }

    /** The usual font folders of Linux, macOS and Windows; those missing are ignored. */
    public static List<Path> system() {
        String home = System.getProperty("user.home", "");
        List<Path> dirs = new ArrayList<>(List.of(Path.of("/usr/share/fonts"), Path.of("/usr/local/share/fonts")));
        if (!home.isEmpty()) {
            dirs.add(Path.of(home, ".fonts"));
            dirs.add(Path.of(home, ".local", "share", "fonts"));
            dirs.add(Path.of(home, "Library", "Fonts"));
        }
        dirs.add(Path.of("/Library/Fonts"));
        dirs.add(Path.of("/System/Library/Fonts"));
        String windir = System.getenv("WINDIR");
        dirs.add(Path.of(windir != null ? windir : "C:\\Windows", "Fonts"));
        return dirs;
    }

}
