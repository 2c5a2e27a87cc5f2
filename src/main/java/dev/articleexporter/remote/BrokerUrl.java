package dev.articleexporter.remote;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Where the broker is: {@code tcp://HOST:PORT}, an Artemis broker that runs already, or
 * {@code embedded://HOST:PORT}, one the manager starts in its own process with a TCP
 * acceptor there.
 *
 * @param embedded started by the manager
 * @param host a name or an address, IPv6 without brackets
 */
public record BrokerUrl(boolean embedded, String host, int port) {

    static final String USAGE = "--broker must be tcp://HOST:PORT or embedded://HOST:PORT";

    public BrokerUrl {
        if (host == null || host.isBlank() || port < 1 || port > 65535) {
            throw new IllegalArgumentException(
                    USAGE + ", not " + (embedded ? "embedded" : "tcp") + "://" + host + ":" + port);
        }
    }

    /**
     * @throws IllegalArgumentException in plain words, naming the value
     */
    public static BrokerUrl parse(String text) {
        String value = text == null ? "" : text.strip();
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean bare = uri.getPath() == null || uri.getPath().isEmpty();
            if ((scheme.equals("tcp") || scheme.equals("embedded")) && uri.getHost() != null && uri.getPort() > 0
                    && bare && uri.getQuery() == null && uri.getUserInfo() == null) {
                String host = uri.getHost();
                if (host.startsWith("[") && host.endsWith("]")) {
                    host = host.substring(1, host.length() - 1);
                }
                return new BrokerUrl(scheme.equals("embedded"), host, uri.getPort());
            }
        }
        catch (URISyntaxException e) {
            // said below, in the same words as any other wrong value
        }
        throw new IllegalArgumentException(USAGE + ", not \"" + value + "\"");
    }

    /** The address clients connect to, also for an embedded broker. */
    public String tcp() {
        return "tcp://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /**
     * Whether only this machine can reach the broker: then it may run without
     * credentials.
     */
    public boolean isLoopback() {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        }
        catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return (embedded ? "embedded://" : "tcp://") + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

}
