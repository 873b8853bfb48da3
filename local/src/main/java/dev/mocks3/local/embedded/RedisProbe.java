package dev.mocks3.local.embedded;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

/** Speaks just enough of the Redis protocol to ask a server on 127.0.0.1 whether it is up, and which process it is. */
final class RedisProbe {

    private static final int TIMEOUT_MILLIS = 1000;

    private RedisProbe() {
    }

    /** True when a server on the port answers PING with PONG. */
    static boolean ping(int port) {
        try (Socket socket = connect(port)) {
            send(socket, "PING");
            return "+PONG".equals(reader(socket).readLine());
        } catch (IOException e) {
            return false;
        }
    }

    /** The process id that the server on the port reports, if a Redis server answers there. */
    static OptionalLong serverPid(int port) {
        try (Socket socket = connect(port)) {
            send(socket, "INFO server");
            BufferedReader reader = reader(socket);
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
