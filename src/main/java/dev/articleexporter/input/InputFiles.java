package dev.articleexporter.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The one rule for which files of the input may be opened: a path is read only when,
 * after its symbolic links are resolved, it is a regular file inside the real path of its
 * folder. Everything is checked from the file's attributes, without following links,
 * before anything is opened, so a link leading out of the folder is never read and a
 * named pipe never blocks a run.
 *
 * <p>
 * Used for the input's JSON files (the folder is the input folder) and for the images
 * they name (the folder is the JSON file's folder):
 * {@code InputFiles.check(folder, "photos/a.jpg")}. A {@link Verdict} that
 * {@link Verdict#readable() is readable} gives the real path to open with
 * {@link Verdict#open()}; any other one says why not, in plain words, and never repeats
 * anything read from a file.
 */
public final class InputFiles {

    /** What a path turned out to be. */
    public enum Kind {

        /**
         * A regular file inside the folder (perhaps through links that stay inside): the
         * only kind that is read.
         */
        REGULAR,
        /** Nothing there (or a link to nothing). */
        MISSING,
        /**
         * A folder (or a link to one inside the folder). The input folder skips these
         * silently.
         */
        FOLDER,
        /** The path, or a link on the way, leads outside the folder. */
        OUTSIDE,
        /**
         * A named pipe, socket or device: opening one can block forever, so it never is.
         */
        SPECIAL,
        /** The path cannot be a file name here, or its attributes cannot be read. */
        UNREADABLE

    }

    /**
     * The outcome of {@link #check}.
     *
     * @param kind what the path is
     * @param path the real path (links resolved) when {@link Kind#REGULAR}, else the path
     * as given (resolved against the folder)
     * @param size the file's size in bytes when {@link Kind#REGULAR}, else -1
     * @param reason why it is not read, in plain words (e.g. "not a regular file (a named
     * pipe)"); {@code null} when it is
     */
    public record Verdict(Kind kind, Path path, long size, String reason) {

        /** True when the file may be opened. */
        public boolean readable() {
            return kind == Kind.REGULAR;
        }

        /**
         * Opens the file checked, without following links: one put in its place since the
         * check makes this fail instead of leading elsewhere.
         * @throws IllegalStateException when the verdict is not {@link #readable()}
         */
        public InputStream open() throws IOException {
            if (!readable()) {
                throw new IllegalStateException(reason);
            }
            return Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS);
        }
    }

    /**
     * Reason given for a path that leads outside the folder without a symbolic link
     * ("../x", an absolute path).
     */
    public static final String LEADS_OUTSIDE = "the path leads outside the input folder";

    /**
     * Reason given for a symbolic link (the file itself, or a folder on its path) whose
     * target is outside the folder.
     */
    public static final String LINK_OUTSIDE = "a symbolic link to a file outside the input folder";

    /** Reason given for a symbolic link whose target does not exist. */
    public static final String LINK_TO_NOTHING = "a symbolic link to a file that does not exist";

    /** Reason given for a path where nothing is. */
    public static final String NOT_FOUND = "not found";

    private final Path folder;

    private Path realFolder;

    /**
     * @param folder the folder files must be inside (the input folder, or a JSON file's
     * folder for its images)
     */
    public InputFiles(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    /**
     * Checks one path; see {@link #check(Path)}. For many paths in one folder, make one
     * {@code InputFiles} and call {@link #check(Path)}.
     */
    public static Verdict check(Path folder, Path file) {
        return new InputFiles(folder).check(file);
    }

    /**
     * Like {@link #check(Path, Path)} for a path written in an article (an image
     * {@code src}): one that is not a valid path gets a verdict too.
     */
    public static Verdict check(Path folder, String file) {
        InputFiles files = new InputFiles(folder);
        try {
            return files.check(Path.of(file));
        }
        catch (InvalidPathException e) {
            return new Verdict(Kind.UNREADABLE, files.folder, -1, "not a valid file path");
        }
    }

    /**
     * What {@code file} is, and whether it may be read.
     * @param file relative to the folder (an image {@code src}), or absolute (a path
     * resolved against the folder: make one resolved against a relative folder absolute
     * first)
     */
    public Verdict check(Path file) {
        Path path = folder.resolve(file).normalize();
        if (!path.startsWith(folder) || path.equals(folder)) {
            return new Verdict(Kind.OUTSIDE, path, -1, LEADS_OUTSIDE);
        }
        BasicFileAttributes own;
        try {
            own = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        }
        catch (NoSuchFileException e) {
            return new Verdict(Kind.MISSING, path, -1, NOT_FOUND);
        }
        catch (IOException e) {
            return new Verdict(Kind.UNREADABLE, path, -1, "its attributes cannot be read (" + problem(e) + ")");
        }
        Path real;
        try {
            // resolves links without opening anything (realpath)
            real = path.toRealPath();
            if (realFolder == null) {
                realFolder = folder.toRealPath();
            }
        }
        catch (NoSuchFileException e) {
            return own.isSymbolicLink() ? new Verdict(Kind.MISSING, path, -1, LINK_TO_NOTHING)
                    : new Verdict(Kind.MISSING, path, -1, NOT_FOUND);
        }
        catch (IOException e) {
            return new Verdict(Kind.UNREADABLE, path, -1,
                    own.isSymbolicLink() ? "a symbolic link that cannot be followed (" + problem(e) + ")"
                            : "cannot be read (" + problem(e) + ")");
        }
        if (!real.startsWith(realFolder) || real.equals(realFolder)) {
            // Said without looking at the target: what lies outside is none of the
            // input's business.
            return new Verdict(Kind.OUTSIDE, path, -1, own.isSymbolicLink() ? LINK_OUTSIDE : LEADS_OUTSIDE);
        }
        BasicFileAttributes target;
        try {
            target = own.isSymbolicLink() || !real.equals(path)
                    ? Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS) : own;
        }
        catch (NoSuchFileException e) {
            return new Verdict(Kind.MISSING, path, -1, NOT_FOUND);
        }
        catch (IOException e) {
            return new Verdict(Kind.UNREADABLE, path, -1, "its attributes cannot be read (" + problem(e) + ")");
        }
        if (target.isRegularFile()) {
            return new Verdict(Kind.REGULAR, real, target.size(), null);
        }
        if (target.isDirectory()) {
            return new Verdict(Kind.FOLDER, path, -1, "not a regular file (a folder)");
        }
        return new Verdict(Kind.SPECIAL, path, -1, "not a regular file (" + special(real) + ")");
    }

    /**
     * What a file that is neither a regular file nor a folder is: "a named pipe", "a
     * socket", ...
     */
    private static String special(Path real) {
        try {
            int mode = (Integer) Files.getAttribute(real, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            return switch (mode & 0170000) {
                case 0010000 -> "a named pipe";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0140000 -> "a socket";
                default -> "a special file";
            };
        }
        // Windows has no "unix" attribute view
        catch (IOException | RuntimeException noUnixView) {
            return "a special file";
        }
    }

    /** An I/O problem in words, without Java class names: "permission denied", ... */
    static String problem(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? "input/output error" : e.getMessage();
    }

}
