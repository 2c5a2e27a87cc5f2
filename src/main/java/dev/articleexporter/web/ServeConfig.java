package dev.articleexporter.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * {@code serve}'s settings exist only in the server; the other commands start no web
 * beans at all.
 */
@Configuration
@ConditionalOnWebApplication
@EnableConfigurationProperties(ServeSettings.class)
public class ServeConfig {

}
