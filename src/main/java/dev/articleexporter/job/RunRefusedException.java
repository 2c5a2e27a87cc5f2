package dev.articleexporter.job;

/** A run was not started because another one holds what it needs (its output folder). */
public class RunRefusedException extends RuntimeException {

    public RunRefusedException(String message) {
        super(message);
    }

}
