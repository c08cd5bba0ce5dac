package io.sinter.core.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The address rules of downloads; every address is built from bytes or a literal, nothing is connected or looked up in DNS. */
class AddressGuardTest {
    private static final List<AddressGuard.Listener> SINTER = HttpListeners.listeners("127.0.0.1", 8080, "");

    /** A resolver that answers from a table and records what it was asked; unknown names fail. */
    private static final class FakeDns implements AddressGuard.Resolver {
        final Map<String, InetAddress[]> table;
        final List<String> asked = new ArrayList<>();

        FakeDns(Map<String, InetAddress[]> table) {
            this.table = table;
        }

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            asked.add(host);
            InetAddress[] answer = table.get(host);
            if (answer == null) {
                throw new UnknownHostException(host);
            }
            return answer;
        }
    }

    private static InetAddress ip(String literal) {
        InetAddress address = AddressGuard.literal(literal);
        assertNotNull(address, literal);
        return address;
    }

    private static InetAddress v4(int a, int b, int c, int d) throws UnknownHostException {
        return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
    }

    /** An IPv6 address object that keeps its 16-byte form even for IPv4-mapped addresses. */
    private static InetAddress v6(String literal) throws UnknownHostException {
        byte[] bytes = new byte[16];
        InetAddress parsed = ip(literal);
        byte[] raw = parsed.getAddress();
        if (raw.length == 4) { // the JDK turns ::ffff:a.b.c.d into an Inet4Address
            bytes[10] = (byte) 0xff;
            bytes[11] = (byte) 0xff;
            System.arraycopy(raw, 0, bytes, 12, 4);
        } else {
            bytes = raw;
        }
        return Inet6Address.getByAddress(null, bytes, -1);
    }

    private static AddressGuard guard(List<String> allowPrivate, FakeDns dns) {
        return new AddressGuard(AddressGuard.entries(allowPrivate), () -> SINTER, a -> false, dns);
    }

    private static AddressGuard guard(String... allowPrivate) {
        return guard(List.of(allowPrivate), new FakeDns(Map.of()));
    }

    @Test
    void refusesLoopbackPrivateLinkLocalMulticastAndTheirIpv6Forms() throws Exception {
        Map<String, String> refused = Map.ofEntries(
                Map.entry("169.254.169.254", "a link-local address"),
                Map.entry("10.0.0.1", "a private address"),
                Map.entry("172.16.5.4", "a private address"),
                Map.entry("172.31.255.255", "a private address"),
                Map.entry("192.168.1.1", "a private address"),
                Map.entry("fd00::1", "a private (unique local) address"),
                Map.entry("fc00::1", "a private (unique local) address"),
                Map.entry("fe80::1", "a link-local address"),
                Map.entry("224.0.0.1", "a multicast address"),
                Map.entry("239.255.255.250", "a multicast address"),
                Map.entry("ff02::1", "a multicast address"),
                Map.entry("100.64.1.1", "a shared (carrier-grade NAT) address"),
                Map.entry("127.0.0.1", "a loopback address"),
                Map.entry("127.8.9.10", "a loopback address"),
                Map.entry("::1", "a loopback address"),
                Map.entry("::ffff:127.0.0.1", "a loopback address"),
                Map.entry("::ffff:10.1.2.3", "a private address"),
                Map.entry("64:ff9b::a9fe:a9fe", "a link-local address"),
                Map.entry("0.0.0.0", "an unspecified address"),
                Map.entry("::", "an unspecified address"),
                Map.entry("255.255.255.255", "a broadcast address"),
                Map.entry("240.0.0.1", "a reserved address"));
        AddressGuard guard = guard();
        refused.forEach((literal, kind) -> {
            assertEquals(kind, AddressGuard.kind(ip(literal)), literal);
            assertNotNull(guard.refusal("example.com", 80, ip(literal), true), literal);
        });
        // the 16-byte forms the JDK would otherwise shorten
        assertEquals("a loopback address", AddressGuard.kind(v6("::ffff:127.0.0.1")));
        assertEquals("a loopback address", AddressGuard.kind(Inet6Address.getByAddress(null,
                new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 127, 0, 0, 1}, -1)), "IPv4-compatible ::127.0.0.1");
        assertEquals("a link-local address", AddressGuard.kind(v6("::ffff:169.254.169.254")));
        assertEquals("a private address", AddressGuard.kind(v4(172, 16, 5, 4)));
    }

    @Test
    void acceptsPublicAddresses() throws Exception {
        AddressGuard guard = guard();
        for (InetAddress address : List.of(v4(8, 8, 8, 8), ip("2001:4860:4860::8888"), v4(93, 184, 216, 34), ip("172.32.0.1"),
                ip("100.128.0.1"), ip("169.253.1.1"), v6("::ffff:8.8.8.8"))) {
            assertNull(AddressGuard.kind(address), address.toString());
            assertNull(guard.refusal("example.com", 443, address, true), address.toString());
        }
    }

    @Test
    void literalsParseWithoutDns() throws Exception {
        assertEquals(v4(127, 0, 0, 1), AddressGuard.literal("127.1"));
        assertEquals(v4(127, 0, 0, 1), AddressGuard.literal("2130706433"));
        assertEquals(v4(10, 1, 0, 5), AddressGuard.literal("10.1.5"));
        assertEquals(ip("::1"), AddressGuard.literal("[::1]"));
        assertNull(AddressGuard.literal("256.1.1.1"));
        assertNull(AddressGuard.literal("1.2.3.4.5"));
        assertNull(AddressGuard.literal("example.com"));
        assertNull(AddressGuard.literal("0x7f.1"));
    }

    @Test
    void requestTimeMessageNamesTheAddressClass() {
        AddressGuard guard = guard();
        assertEquals("127.0.0.1 is a loopback address; Sinter does not fetch from loopback, private, link-local or multicast addresses "
                + "unless sinter.sync.download.allowPrivate lists it.", guard.refusalWithoutDns(URI.create("http://127.0.0.1:9000/a.csv")));
        assertTrue(guard.refusalWithoutDns(URI.create("http://[::1]:9000/a.csv")).startsWith("::1 is a loopback address;"));
        assertTrue(guard.refusalWithoutDns(URI.create("http://169.254.169.254/latest/meta-data/")).startsWith("169.254.169.254 is a link-local address;"));
        assertTrue(guard.refusalWithoutDns(URI.create("http://LocalHost:9000/a.csv")).startsWith("LocalHost resolves to 127.0.0.1, which is a loopback address;"));
        assertNull(guard.refusalWithoutDns(URI.create("https://files.example.com/a.csv")), "names need DNS: decided at download time");
        assertNull(guard.refusalWithoutDns(URI.create("https://8.8.8.8/a.csv")));
    }

    @Test
    void allowPrivateMatchesHostsAddressesRangesAndPorts() throws Exception {
        assertNull(guard("127.0.0.1").refusal("127.0.0.1", 9000, ip("127.0.0.1"), false));
        assertNotNull(guard("127.0.0.1").refusal("127.0.0.2", 9000, ip("127.0.0.2"), false));
        assertNull(guard("127.0.0.0/8").refusal("127.0.0.2", 9000, ip("127.0.0.2"), false));
        assertNull(guard("10.0.0.0/8").refusal("internal.example", 443, ip("10.200.3.4"), true));
        assertNotNull(guard("10.0.0.0/16").refusal("internal.example", 443, ip("10.200.3.4"), true));
        assertNull(guard("172.16.0.0/12").refusal("x", 80, ip("172.31.1.1"), true));
        assertNotNull(guard("172.16.0.0/12").refusal("x", 80, ip("192.168.1.1"), true));
        assertNull(guard("::1/128").refusal("::1", 80, ip("::1"), false));
        assertNull(guard("::1").refusal("::1", 80, ip("::1"), false));
        assertNotNull(guard("::1/128").refusal("127.0.0.1", 80, ip("127.0.0.1"), false), "an IPv6 range does not cover IPv4");
        assertNull(guard("fd00::/8").refusal("x", 80, ip("fd12:3456::1"), true));
        assertNotNull(guard("fd00::/8").refusal("x", 80, ip("fe80::1"), true));
        assertNull(guard("127.0.0.1").refusal("x", 80, v6("::ffff:127.0.0.1"), true), "a mapped address matches its IPv4 entry");
        // host names are compared with the URL's host, never resolved
        assertNull(guard("localhost").refusal("LOCALHOST", 9000, ip("127.0.0.1"), true));
        assertNotNull(guard("localhost").refusal("other.local", 9000, ip("127.0.0.1"), true));
        // ports
        assertNull(guard("127.0.0.1:9000").refusal("127.0.0.1", 9000, ip("127.0.0.1"), false));
        assertNotNull(guard("127.0.0.1:9000").refusal("127.0.0.1", 9001, ip("127.0.0.1"), false));
        assertNull(guard("localhost:9000").refusal("localhost", 9000, ip("127.0.0.1"), true));
        assertNotNull(guard("localhost:9000").refusal("localhost", 9001, ip("127.0.0.1"), true));
        assertNull(guard("[::1]:9000").refusal("::1", 9000, ip("::1"), false));
        assertNotNull(guard("[::1]:9000").refusal("::1", 9001, ip("::1"), false));
        assertNull(guard("10.0.0.0/8:8443").refusal("x", 8443, ip("10.0.0.9"), true));
        assertNotNull(guard("10.0.0.0/8:8443").refusal("x", 443, ip("10.0.0.9"), true));
        assertNull(guard("[fd00::/8]:81").refusal("x", 81, ip("fd00::1"), true));
        // default ports of the URL
        assertNull(guard("localhost:80").refusalWithoutDns(URI.create("http://localhost/a")));
        assertNotNull(guard("localhost:80").refusalWithoutDns(URI.create("https://localhost/a")));
    }

    @Test
    void malformedEntriesAreRejected() {
        for (String bad : List.of("10.0.0.0/33", "::1/129", "10.0.0.0/x", "local host", "a/b", "127.0.0.1:0", "127.0.0.1:70000", "[::1]:x")) {
            assertThrows(IllegalArgumentException.class, () -> AddressGuard.entry(bad), bad);
        }
        assertEquals(-1, AddressGuard.entry("localhost").port());
        assertEquals(8080, AddressGuard.entry("[::1]:8080").port());
        assertEquals(128, AddressGuard.entry("::1").prefix());
    }

    @Test
    void ownListenerIsRefusedUnlessItsExactPortIsListed() throws Exception {
        assertTrue(guard().refusal("127.0.0.1", 8080, ip("127.0.0.1"), false).contains("own HTTP listener"));
        assertTrue(guard("127.0.0.1").refusal("127.0.0.1", 8080, ip("127.0.0.1"), false).contains("own HTTP listener"),
                "an entry without port does not cover the listener");
        assertTrue(guard("127.0.0.0/8").refusal("localhost", 8080, ip("127.0.0.1"), true).contains("own HTTP listener"));
        assertTrue(guard("127.0.0.1").refusal("x", 8080, v6("::ffff:127.0.0.1"), true).contains("own HTTP listener"));
        assertNull(guard("127.0.0.1:8080").refusal("127.0.0.1", 8080, ip("127.0.0.1"), false));
        assertNull(guard("127.0.0.1").refusal("127.0.0.1", 8081, ip("127.0.0.1"), false), "other ports of the listener's host are ordinary");

        // bound to all interfaces: every address of this machine with that port is Sinter
        InetAddress lan = ip("192.168.7.7");
        AddressGuard wildcard = new AddressGuard(AddressGuard.entries(List.of("192.168.0.0/16")), () -> HttpListeners.listeners("0.0.0.0", 8080, ""),
                lan::equals, new FakeDns(Map.of()));
        assertTrue(wildcard.refusal("box", 8080, lan, true).contains("own HTTP listener"));
        assertTrue(wildcard.refusal("127.0.0.1", 8080, ip("127.0.0.1"), false).contains("own HTTP listener"));
        assertNull(wildcard.refusal("other", 8080, ip("192.168.7.8"), true));

        // the public base URL counts by name, without resolving it
        FakeDns dns = new FakeDns(Map.of("sinter.example.com", new InetAddress[] {v4(8, 8, 4, 4)}));
        AddressGuard behindProxy = new AddressGuard(List.of(), () -> HttpListeners.listeners("127.0.0.1", 8080, "https://Sinter.example.com"),
                a -> false, dns);
        assertTrue(behindProxy.refusal(URI.create("https://sinter.example.com/health")).contains("sinter.example.com:443 is this server's own HTTP listener"));
        assertNull(behindProxy.refusal(URI.create("http://sinter.example.com/health")), "port 80 is not the public base URL");
    }

    @Test
    void everyResolvedAddressMustBeAcceptable() throws Exception {
        FakeDns dns = new FakeDns(Map.of("mixed.example", new InetAddress[] {v4(93, 184, 216, 34), ip("10.0.0.1")},
                "public.example", new InetAddress[] {v4(93, 184, 216, 34), ip("2001:4860:4860::8888")},
                "metadata.example", new InetAddress[] {ip("169.254.169.254")}));
        AddressGuard guard = guard(List.of(), dns);
        assertEquals("mixed.example resolves to 10.0.0.1, which is a private address; " + AddressGuard.RULE,
                guard.refusal(URI.create("https://mixed.example/a.csv")));
        assertNull(guard.refusal(URI.create("https://public.example/a.csv")));
        assertTrue(guard.refusal(URI.create("http://metadata.example/latest")).contains("a link-local address"));
        assertThrows(UnknownHostException.class, () -> guard.refusal(URI.create("http://nowhere.example/a")));
        assertTrue(guard.refusal(URI.create("http://127.0.0.1:1/a")).startsWith("127.0.0.1 is a loopback address"));
        assertFalse(dns.asked.contains("127.0.0.1"), "literals are not resolved");
    }

    @Test
    void downloadEndsRefusedBeforeConnecting(@TempDir Path folder) {
        // files.example resolves to loopback port 1: a connection attempt would fail differently (retryable)
        FakeDns dns = new FakeDns(Map.of("files.example", new InetAddress[] {ip("127.0.0.1")}));
        Download download = new Download(new Download.Limits(1000, Duration.ofSeconds(1), Duration.ofSeconds(5), List.of()), guard(List.of(), dns));
        Download.Failure failure = assertThrows(Download.Failure.class, () -> download.fetch("http://files.example:1/a.csv", folder.resolve("a.csv"), () -> false));
        assertEquals("SourceFileNotAccessible", failure.errorKey());
        assertFalse(failure.retryable());
        assertEquals("GET http://files.example:1/a.csv: files.example resolves to 127.0.0.1, which is a loopback address; " + AddressGuard.RULE,
                failure.details());
        assertEquals(List.of("files.example"), dns.asked);
    }
}
