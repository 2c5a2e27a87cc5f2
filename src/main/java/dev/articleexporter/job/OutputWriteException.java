package dev.articleexporter.job;

import java.io.IOException;

/**
 * A file could not be written to the output folder; the message names it and says why.
 */
public class OutputWriteException extends IOException {

    public OutputWriteException(String message, Throwable cause) {
        super(message, cause);
    }

}
