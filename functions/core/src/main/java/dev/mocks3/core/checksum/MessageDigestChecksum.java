package dev.mocks3.core.checksum;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-1, SHA-256 and MD5 through the JDK's {@link MessageDigest}. */
final class MessageDigestChecksum implements RunningChecksum {
    private final MessageDigest digest;

    MessageDigestChecksum(String jdkName) {
        try {
            this.digest = MessageDigest.getInstance(jdkName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK ships " + jdkName, e);
        }
    }

    @Override
    public void update(ByteBuffer bytes) {
        digest.update(bytes);
    }

    @Override
    public byte[] finish() {
        return digest.digest();
    }
}
