package io.sinter.core.internal.run;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The address rules of outgoing downloads (SSRF guard): a manifest URL must not make Sinter fetch from
 * loopback, unspecified, link-local, private, shared (carrier-grade NAT), multicast, broadcast or
 * reserved addresses, nor from its own HTTP listener, unless {@code sinter.sync.download.allowPrivate}
 * lists the destination. IPv4-mapped, IPv4-compatible and NAT64 IPv6 forms are judged by the IPv4
 * address they carry.
 *
 * <p>An allowPrivate entry is a host name ({@code localhost}, compared with the URL's host, never
 * resolved), a literal address ({@code 127.0.0.1}, {@code ::1}) or a CIDR range ({@code 10.0.0.0/8},
 * {@code fd00::/8}), optionally with a port ({@code localhost:8080}, {@code 127.0.0.1:8080},
 * {@code 10.0.0.0/8:8080}, {@code [::1]:8080}, {@code [fd00::/8]:8080}). A destination matching an
 * entry is exempt from the address rules. Sinter's own listener (its HTTP host and port, and the host
 * and port of its public base URL) is only exempt when an entry with that exact port matches it.
 *
 * <p>Nothing here opens a connection; host names are resolved only by {@link #refusal(URI)}.
 */
final class AddressGuard {
    static final String RULE = "Sinter does not fetch from loopback, private, link-local or multicast addresses unless "
            + "sinter.sync.download.allowPrivate lists it.";
    static final String OWN_RULE = "Sinter does not fetch from itself unless sinter.sync.download.allowPrivate lists that host with this port.";

    /** Resolves a host name to all its addresses (InetAddress.getAllByName in production). */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /**
     * A place where this server listens.
     *
     * @param resolve whether {@code host} is resolved to compare addresses (the bind host), or only
     *        compared by name and literal address (the public base URL, which may be a shared proxy)
     */
    record Listener(String host, int port, boolean resolve) {
    }

    /** One allowPrivate entry: a host name, or a network; {@code port} -1 for any port. */
    record Entry(String text, String host, byte[] network, int prefix, int port) {
        boolean matches(String urlHost, InetAddress address, int destinationPort) {
            if (port >= 0 && port != destinationPort) {
                return false;
            }
            if (host != null) {
                return host.equalsIgnoreCase(urlHost);
            }
            byte[] a = address == null ? null : address.getAddress();
            if (a == null) {
                return false;
            }
            if (a.length != network.length) {
                byte[] embedded = embeddedIpv4(a);
                a = embedded != null && network.length == 4 ? embedded : a;
            }
            return a.length == network.length && inPrefix(a, network, prefix);
        }
    }

    private static final Pattern BRACKETED = Pattern.compile("\\[([^\\]]+)\\](?::(\\d{1,5}))?");
    private static final Pattern WITH_PORT = Pattern.compile("([^:]+):(\\d{1,5})");
    private static final Pattern HOST_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\\.?");
    private static final Pattern IPV4_FORM = Pattern.compile("\\d+(\\.\\d+){0,3}");

    private final List<Entry> allowPrivate;
    private final Supplier<List<Listener>> listeners;
    private final Predicate<InetAddress> localAddress;
    private final Resolver resolver;

    /**
     * @param listeners where this server listens now (read at each check, so a moved port counts)
     * @param localAddress whether an address belongs to this machine (for a listener bound to all interfaces)
     */
    AddressGuard(List<Entry> allowPrivate, Supplier<List<Listener>> listeners, Predicate<InetAddress> localAddress, Resolver resolver) {
        this.allowPrivate = List.copyOf(allowPrivate);
        this.listeners = listeners;
        this.localAddress = localAddress;
        this.resolver = resolver;
    }

    /** Parses allowPrivate entries; a malformed one is an {@link IllegalArgumentException} naming it. */
    static List<Entry> entries(List<String> values) {
        List<Entry> entries = new ArrayList<>();
        for (String value : values) {
            entries.add(entry(value));
        }
        return entries;
    }

    static Entry entry(String value) {
        String text = value.trim();
        String target = text;
        int port = -1;
        Matcher bracketed = BRACKETED.matcher(text);
        Matcher withPort = WITH_PORT.matcher(text);
        if (bracketed.matches()) {
            target = bracketed.group(1);
            port = bracketed.group(2) == null ? -1 : port(bracketed.group(2), text);
        } else if (withPort.matches()) {
            target = withPort.group(1);
            port = port(withPort.group(2), text);
        }
        int slash = target.indexOf('/');
        String addressText = slash < 0 ? target : target.substring(0, slash);
        InetAddress address = literal(addressText);
        if (address == null) {
            String host = addressText.toLowerCase(Locale.ROOT);
            if (slash >= 0 || !HOST_NAME.matcher(host).matches()) {
                throw new IllegalArgumentException("'" + text + "' is no host name, address or CIDR range");
            }
            return new Entry(text, host, null, 0, port);
        }
        byte[] network = address.getAddress();
        int prefix = network.length * 8;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(target.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("'" + text + "' has no valid prefix length");
            }
        }
        return new Entry(text, null, network, prefix, port);
    }

    private static int port(String digits, String text) {
        int port = Integer.parseInt(digits);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("'" + text + "' has no valid port");
        }
        return port;
    }

    /**
     * The refusal that can be decided without DNS, at request time: for a literal address, or for
     * {@code localhost} (which always means loopback).
     *
     * @return why {@code uri} is refused, or null when it is acceptable or needs DNS to decide
     */
    String refusalWithoutDns(URI uri) {
        String host = host(uri);
        int port = port(uri);
        InetAddress address = literal(host);
        if (address != null) {
            return refusal(host, port, address, false);
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (name.equals("localhost") || name.equals("localhost.") || name.endsWith(".localhost") || name.endsWith(".localhost.")) {
            // resolved at download time; here refused only when neither the name nor IPv4 loopback is listed
            return refusal(host, port, InetAddress.getLoopbackAddress(), true);
        }
        return null;
    }

    /**
     * The full check before a connection: the host is resolved and every address it resolves to must be
     * acceptable.
     *
     * <p>DNS rebinding: the JDK HttpClient resolves the host again when it connects, so a name whose
     * answer changes between this check and the connection could still reach a refused address. The
     * JVM's positive DNS cache ({@code networkaddress.cache.ttl}, 30 s by default without a security
     * manager) narrows that window to names whose cache entry expires in between; operators who need
     * more can fetch through an egress proxy that applies the same rules.
     *
     * @return why {@code uri} is refused, or null when it may be fetched
     * @throws UnknownHostException when the host does not resolve
     */
    String refusal(URI uri) throws UnknownHostException {
        String host = host(uri);
        int port = port(uri);
        InetAddress literal = literal(host);
        InetAddress[] addresses = literal != null ? new InetAddress[] {literal} : resolver.resolve(host);
        if (addresses.length == 0) {
            throw new UnknownHostException(host);
        }
        for (InetAddress address : addresses) {
            String refusal = refusal(host, port, address, literal == null);
            if (refusal != null) {
                return refusal;
            }
        }
        return null;
    }

    /** @return why {@code address} (for URL host {@code host}) is refused, or null */
    String refusal(String host, int port, InetAddress address, boolean resolved) {
        String shown = resolved ? host + " resolves to " + address.getHostAddress() + ", which" : host;
        if (ownListener(host, port, address)) {
            for (Entry entry : allowPrivate) {
                if (entry.port() >= 0 && entry.matches(host, address, port)) {
                    return null;
                }
            }
            String where = host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
            return where + " is this server's own HTTP listener; " + OWN_RULE;
        }
        String kind = kind(address);
        if (kind == null) {
            return null;
        }
        for (Entry entry : allowPrivate) {
            if (entry.matches(host, address, port)) {
                return null;
            }
        }
        return shown + " is " + kind + "; " + RULE;
    }

    private boolean ownListener(String host, int port, InetAddress address) {
        for (Listener listener : listeners.get()) {
            if (listener.port() != port) {
                continue;
            }
            if (address.isAnyLocalAddress() || listener.host().equalsIgnoreCase(host)) {
                return true; // connecting to 0.0.0.0 or :: reaches this machine
            }
            InetAddress bound = literal(listener.host());
            if (bound != null && bound.isAnyLocalAddress() || listener.host().isBlank()) {
                if (address.isLoopbackAddress() || isLoopback(address) || localAddress.test(address)) {
                    return true;
                }
                continue;
            }
            List<InetAddress> boundAddresses = new ArrayList<>();
            if (bound != null) {
                boundAddresses.add(bound);
            } else if (listener.resolve()) {
                try {
                    boundAddresses.addAll(Arrays.asList(resolver.resolve(listener.host())));
                } catch (UnknownHostException e) {
                    // a listener host that does not resolve cannot be reached through it either
                }
            }
            for (InetAddress b : boundAddresses) {
                if (Arrays.equals(normalized(b.getAddress()), normalized(address.getAddress()))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isLoopback(InetAddress address) {
        return "a loopback address".equals(kind(address));
    }

    /**
     * @return the class of a refused address with its article ("a loopback address"), or null for an
     *         address Sinter may fetch from
     */
    static String kind(InetAddress address) {
        byte[] a = address.getAddress();
        if (a.length == 16) {
            byte[] embedded = embeddedIpv4(a);
            if (embedded == null) {
                return kindV6(a);
            }
            a = embedded;
        }
        int b0 = a[0] & 0xff;
        int b1 = a[1] & 0xff;
        if (b0 == 0) {
            return "an unspecified address";
        } else if (b0 == 127) {
            return "a loopback address";
        } else if (b0 == 10 || b0 == 172 && (b1 & 0xf0) == 16 || b0 == 192 && b1 == 168) {
            return "a private address";
        } else if (b0 == 100 && (b1 & 0xc0) == 64) {
            return "a shared (carrier-grade NAT) address";
        } else if (b0 == 169 && b1 == 254) {
            return "a link-local address";
        } else if ((b0 & 0xf0) == 224) {
            return "a multicast address";
        } else if (b0 == 255 && b1 == 255 && (a[2] & 0xff) == 255 && (a[3] & 0xff) == 255) {
            return "a broadcast address";
        } else if ((b0 & 0xf0) == 240) {
            return "a reserved address";
        }
        return null;
    }

    private static String kindV6(byte[] a) {
        boolean zeroPrefix = true;
        for (int i = 0; i < 15; i++) {
            zeroPrefix &= a[i] == 0;
        }
        if (zeroPrefix && a[15] == 0) {
            return "an unspecified address";
        } else if (zeroPrefix && a[15] == 1) {
            return "a loopback address";
        }
        int b0 = a[0] & 0xff;
        int b1 = a[1] & 0xff;
        if (b0 == 0xfe && (b1 & 0xc0) == 0x80) {
            return "a link-local address";
        } else if (b0 == 0xfe && (b1 & 0xc0) == 0xc0) {
            return "a site-local address";
        } else if ((b0 & 0xfe) == 0xfc) {
            return "a private (unique local) address";
        } else if (b0 == 0xff) {
            return "a multicast address";
        }
        return null;
    }

    /** @return the IPv4 address an IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) or NAT64 (64:ff9b::a.b.c.d) address carries, else null */
    static byte[] embeddedIpv4(byte[] a) {
        if (a.length != 16) {
            return null;
        }
        boolean zero10 = true;
        for (int i = 0; i < 10; i++) {
            zero10 &= a[i] == 0;
        }
        boolean mapped = zero10 && (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff;
        boolean compatible = zero10 && a[10] == 0 && a[11] == 0 && !(a[12] == 0 && a[13] == 0 && a[14] == 0 && (a[15] == 0 || a[15] == 1));
        boolean nat64 = a[0] == 0 && a[1] == 0x64 && (a[2] & 0xff) == 0xff && (a[3] & 0xff) == 0x9b;
        for (int i = 4; nat64 && i < 12; i++) {
            nat64 = a[i] == 0;
        }
        return mapped || compatible || nat64 ? Arrays.copyOfRange(a, 12, 16) : null;
    }

    private static byte[] normalized(byte[] a) {
        byte[] embedded = embeddedIpv4(a);
        return embedded != null ? embedded : a;
    }

    private static boolean inPrefix(byte[] a, byte[] network, int prefix) {
        for (int bit = 0; bit < prefix; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((a[bit / 8] & mask) != (network[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A literal address, parsed without any DNS query: IPv6 (with or without brackets) and the IPv4
     * forms the JDK accepts (a.b.c.d, a.b.c, a.b, a, decimal).
     *
     * @return the address, or null when {@code host} is no literal address
     */
    static InetAddress literal(String host) {
        if (host == null || host.isEmpty()) {
            return null;
        }
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        try {
            if (h.contains(":")) {
                // with a colon the JDK parses an IPv6 literal and never queries DNS
                return h.matches("[0-9A-Fa-f:.]+(%[\\w.-]+)?") ? InetAddress.getByName(h) : null;
            }
            byte[] v4 = ipv4(h);
            return v4 == null ? null : InetAddress.getByAddress(v4);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static byte[] ipv4(String h) {
        if (!IPV4_FORM.matcher(h).matches() || h.length() > 15) {
            return null;
        }
        String[] parts = h.split("\\.");
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = Long.parseLong(parts[i]);
        }
        long value = 0;
        for (int i = 0; i < parts.length - 1; i++) {
            if (values[i] > 255) {
                return null;
            }
            value = value << 8 | values[i];
        }
        int restBits = 8 * (4 - parts.length + 1);
        long last = values[parts.length - 1];
        if (last >= 1L << restBits) {
            return null;
        }
        value = value << restBits | last;
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }

    private static String host(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            throw new IllegalArgumentException(uri + " has no host");
        }
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
