package dev.articleexporter.model;

/** {@code --related}: keep the closing "More from <site>" list, or leave it out. */
public enum RelatedMode {

    KEEP, DROP

}
