package dev.funnel.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import io.restassured.RestAssured;

/**
 * An HTTP/1.1 request written byte for byte, for what rest-assured and java.net.URI refuse to
 * send: a query string with a malformed escape ({@code %zz}), as any client or proxy may.
 */
public final class RawHttp {

    /** The status code and the body of an answer. */
    public record Answer(int status, String body) {
    }

    private RawHttp() {
    }

    public static Answer get(String pathAndQuery, String token) {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(answer.substring(9, 12));
            int body = answer.indexOf("\r\n\r\n");
            return new Answer(status, body < 0 ? "" : answer.substring(body + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
