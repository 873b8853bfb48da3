package dev.mocks3.local.s3;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A separate process that stages an upload as a MockS3 process does: its own temporary folder with
 * a locked lock file. It says "locked" and holds the lock until it is killed.
 */
public final class HoldsTempFolder {
    private HoldsTempFolder() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        try (FileChannel channel = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.lock()) {
            Files.writeString(dir.resolve("upload-in-progress"), "bytes of an upload still arriving");
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // held until killed
            }
        }
    }
}
