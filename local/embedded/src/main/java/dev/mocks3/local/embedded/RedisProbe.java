package dev.mocks3.local.embedded;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

/**
 * Speaks just enough of the Redis protocol to ask a server on 127.0.0.1 whether it is up, and which process
 * it is, logging in with the password first.
 */
final class RedisProbe {

    private static final int TIMEOUT_MILLIS = 1000;

    private RedisProbe() {
    }

    /** True when a server on the port takes the password and answers PING with PONG. */
    static boolean ping(int port, String password) {
        try (Socket socket = connect(port)) {
            BufferedReader reader = reader(socket);
            if (!authenticated(socket, reader, password)) {
                return false;
            }
            send(socket, "PING");
            return "+PONG".equals(reader.readLine());
        } catch (IOException e) {
            return false;
        }
    }

    /** The process id that the server on the port reports, if a Redis server answers there. */
    static OptionalLong serverPid(int port, String password) {
        try (Socket socket = connect(port)) {
            BufferedReader reader = reader(socket);
            if (!authenticated(socket, reader, password)) {
                return OptionalLong.empty();
            }
            send(socket, "INFO server");
            String header = reader.readLine(); // a bulk string: $<length>, then the text
            if (header == null || !header.startsWith("$")) {
                return OptionalLong.empty();
            }
            for (String line = reader.readLine(); line != null && !line.isEmpty(); line = reader.readLine()) {
                if (line.startsWith("process_id:")) {
                    return OptionalLong.of(Long.parseLong(line.substring("process_id:".length()).strip()));
                }
            }
            return OptionalLong.empty();
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static boolean authenticated(Socket socket, BufferedReader reader, String password) throws IOException {
        send(socket, "AUTH " + password);
        return "+OK".equals(reader.readLine());
    }

    private static Socket connect(int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    private static void send(Socket socket, String inlineCommand) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write((inlineCommand + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static BufferedReader reader(Socket socket) throws IOException {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
    }
}
