package dev.articleexporter.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which addresses count as "this machine only". Without credentials the server may only
 * listen there, and then only answers requests addressed to a loopback name: a web page
 * whose own host name has been pointed at 127.0.0.1 (DNS rebinding) cannot read or drive
 * the server.
 */
public final class Loopback {

    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.\\d{1,3}){3}");

    private Loopback() {
    }

    /**
     * Whether the server bound to this address (a name or a literal) can be reached from
     * this machine only.
     */
    public static boolean isLoopbackBind(String address) {
        try {
            InetAddress[] all = InetAddress.getAllByName(address);
            for (InetAddress each : all) {
                if (!each.isLoopbackAddress()) {
                    return false;
                }
            }
            return all.length > 0;
        }
        catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * Whether a request's host name (the Host header, without the port) is a loopback
     * name itself, without asking DNS: {@code localhost}, {@code 127.x.x.x}, {@code ::1}.
     */
    public static boolean isLoopbackHost(String host) {
        if (host == null) {
            return false;
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        return name.equals("localhost") || name.endsWith(".localhost") || IPV4_LOOPBACK.matcher(name).matches()
                || name.equals("::1") || name.equals("0:0:0:0:0:0:0:1");
    }

}
