package dev.mocks3.drive.search;

import java.net.FileNameMap;
import java.net.URLConnection;
import java.util.Locale;
import java.util.Set;

/**
 * What a file is, for search filters and statistics: from its extension and the content type that
 * extension stands for (the drive keeps no content type of its own: browsers and clients send
 * none it could trust).
 */
public enum FileKind {
    DOCUMENT, IMAGE, VIDEO, AUDIO, ARCHIVE, OTHER, FOLDER;

    private static final FileNameMap CONTENT_TYPES = URLConnection.getFileNameMap();
    private static final Set<String> DOCUMENTS = Set.of("pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods",
            "odp", "rtf", "txt", "md", "csv", "tsv", "epub", "pages", "numbers", "key", "wps", "et", "dps", "html", "htm",
            "xml", "json", "tex", "log");
    private static final Set<String> IMAGES = Set.of("jpg", "jpeg", "png", "gif", "bmp", "webp", "svg", "tif", "tiff", "heic",
            "heif", "ico", "raw", "cr2", "nef", "psd");
    private static final Set<String> VIDEOS = Set.of("mp4", "mkv", "avi", "mov", "wmv", "flv", "webm", "m4v", "mpg", "mpeg",
            "3gp", "ts", "rmvb", "rm");
    private static final Set<String> SOUNDS = Set.of("mp3", "wav", "flac", "aac", "ogg", "m4a", "wma", "opus", "ape", "amr", "mid",
            "midi");
    private static final Set<String> ARCHIVES = Set.of("zip", "rar", "7z", "tar", "gz", "tgz", "bz2", "xz", "zst", "iso", "jar",
            "apk", "dmg", "cab", "lz", "lzma");

    /** The name the API uses: {@code document}, {@code image}, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FileKind of(String name, boolean folder) {
        if (folder) {
            return FOLDER;
        }
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (DOCUMENTS.contains(ext)) {
            return DOCUMENT;
        }
        if (IMAGES.contains(ext)) {
            return IMAGE;
        }
        if (VIDEOS.contains(ext)) {
            return VIDEO;
        }
        if (SOUNDS.contains(ext)) {
            return AUDIO;
        }
        if (ARCHIVES.contains(ext)) {
            return ARCHIVE;
        }
        return ofContentType(dot < 0 ? null : CONTENT_TYPES.getContentTypeFor(name));
    }

    static FileKind ofContentType(String contentType) {
        if (contentType == null) {
            return OTHER;
        }
        if (contentType.startsWith("image/")) {
            return IMAGE;
        }
        if (contentType.startsWith("video/")) {
            return VIDEO;
        }
        if (contentType.startsWith("audio/")) {
            return AUDIO;
        }
        if (contentType.startsWith("text/")) {
            return DOCUMENT;
        }
        return OTHER;
    }

    /** The kind named {@code label}, or null. */
    public static FileKind ofLabel(String label) {
        for (FileKind kind : values()) {
            if (kind.label().equals(label)) {
                return kind;
            }
        }
        return null;
    }
}
