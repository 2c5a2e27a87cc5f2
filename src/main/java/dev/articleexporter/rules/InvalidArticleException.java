package dev.articleexporter.rules;

/**
 * The article cannot be exported at all (e.g. it has no title); the message says why, in
 * plain words.
 */
public class InvalidArticleException extends RuntimeException {

    public InvalidArticleException(String message) {
        super(message);
    }

}
