package dev.articleexporter.delivery;

import java.util.Properties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Makes the mail sender from Spring Boot's own {@code spring.mail.*} properties (so
 * {@code SPRING_MAIL_HOST} and the others work as every Spring user expects), the way
 * Boot's auto-configuration does. Made here rather than taken from Boot's bean: the plain
 * commands' context is recorded ahead of time (cli.AotContext), when no mail host is set,
 * so Boot's conditional bean would never be in it.
 */
@Component
public class MailSenders {

    /** Without a limit a mail server that does not answer would hold the run forever. */
    private static final String TIMEOUT = "60000";

    private final Environment environment;

    public MailSenders(Environment environment) {
        this.environment = environment;
    }

    /**
     * The configured server, or {@code null} when {@code spring.mail.host} is not set.
     */
    public JavaMailSenderImpl sender() {
        MailProperties mail = Binder.get(environment).bind("spring.mail", MailProperties.class).orElse(null);
        if (mail == null || mail.getHost() == null || mail.getHost().isBlank()) {
            return null;
        }
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(mail.getHost());
        if (mail.getPort() != null) {
            sender.setPort(mail.getPort());
        }
        sender.setUsername(mail.getUsername());
        sender.setPassword(mail.getPassword());
        sender.setProtocol(mail.getProtocol());
        if (mail.getDefaultEncoding() != null) {
            sender.setDefaultEncoding(mail.getDefaultEncoding().name());
        }
        Properties properties = new Properties();
        String protocol = mail.getProtocol();
        properties.setProperty("mail." + protocol + ".connectiontimeout", TIMEOUT);
        properties.setProperty("mail." + protocol + ".timeout", TIMEOUT);
        properties.setProperty("mail." + protocol + ".writetimeout", TIMEOUT);
        if (mail.getSsl().isEnabled()) {
            properties.setProperty("mail." + protocol + ".ssl.enable", "true");
        }
        properties.putAll(mail.getProperties());
        sender.setJavaMailProperties(properties);
        return sender;
    }

    /** The server as messages name it: host and port, never the user or password. */
    public static String describe(JavaMailSenderImpl sender) {
        return sender.getHost() + (sender.getPort() > 0 ? ":" + sender.getPort() : "");
    }

}
