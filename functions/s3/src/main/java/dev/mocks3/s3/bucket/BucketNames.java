package dev.mocks3.s3.bucket;

import java.util.regex.Pattern;

import dev.mocks3.core.error.S3Error;

/** S3's general-purpose bucket naming rules. */
public final class BucketNames {
    private static final Pattern ALLOWED = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern IP_ADDRESS = Pattern.compile("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    private BucketNames() {
    }

    public static void requireValid(String name) {
        if (!isValid(name)) {
            throw S3Error.INVALID_BUCKET_NAME.exception().with("BucketName", name);
        }
    }

    public static boolean isValid(String name) {
        return name != null && ALLOWED.matcher(name).matches()
                && !name.contains("..") && !name.contains(".-") && !name.contains("-.")
                && !IP_ADDRESS.matcher(name).matches()
                && !name.startsWith("xn--") && !name.startsWith("sthree-")
                && !name.endsWith("-s3alias") && !name.endsWith("--ol-s3");
    }
}
