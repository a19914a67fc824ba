package dev.funnel.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which addresses a webhook may go to when private destinations are not allowed (production). */
class DestinationsTest {

    @ParameterizedTest
    @ValueSource(strings = { "127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
            "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "::", "fe80::1", "fd00:ec2::254", "fc00::1",
            "::ffff:10.0.0.1", "::ffff:169.254.169.254", "198.18.0.1" })
    void nonPublicAddressesAreRefused(String address) throws Exception {
        assertFalse(Destinations.isPublic(InetAddress.getByName(address)), address);
        String host = address.contains(":") ? "[" + address + "]" : address;
        assertTrue(Destinations.refused("http://" + host + "/hook").isPresent(), address);
    }

    @ParameterizedTest
    @ValueSource(strings = { "93.184.215.14", "8.8.8.8", "2606:4700:4700::1111", "100.128.0.1", "172.32.0.1" })
    void publicAddressesAreAccepted(String address) throws Exception {
        assertTrue(Destinations.isPublic(InetAddress.getByName(address)), address);
    }

    @ParameterizedTest
    @ValueSource(strings = { "ftp://example.com/x", "https://u:p@example.com/", "https:///x", "example.com/x",
            "https://example.com/#frag" })
    void malformedUrlsAreRefused(String url) {
        assertTrue(Destinations.malformed(url).isPresent(), url);
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://example.com/hooks", "http://example.com:8080/a?b=c" })
    void wellFormedUrlsPass(String url) {
        assertEquals(Optional.empty(), Destinations.malformed(url));
    }
}
