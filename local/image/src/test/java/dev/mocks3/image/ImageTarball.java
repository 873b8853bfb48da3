package dev.mocks3.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The image tarball jib:buildTar wrote (Docker format: manifest.json, config.json, gzipped layers), read as is. */
record ImageTarball(JsonNode manifest, JsonNode config, List<Map<String, TarArchiveEntry>> layers, Map<String, byte[]> layerBlobs) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static ImageTarball read(Path tar) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(Files.newInputStream(tar))) {
            for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        JsonNode manifest = JSON.readTree(files.get("manifest.json")).get(0);
        JsonNode config = JSON.readTree(files.get(manifest.path("Config").asText()));
        List<Map<String, TarArchiveEntry>> layers = new ArrayList<>();
        Map<String, byte[]> blobs = new HashMap<>();
        for (JsonNode layer : manifest.path("Layers")) {
            byte[] blob = files.get(layer.asText());
            blobs.put(layer.asText(), blob);
            layers.add(entries(new GZIPInputStream(new java.io.ByteArrayInputStream(blob))));
        }
        return new ImageTarball(manifest, config, layers, blobs);
    }

    /** The file at this path in any layer (later layers win), or null. */
    TarArchiveEntry file(String path) {
        TarArchiveEntry found = null;
        for (Map<String, TarArchiveEntry> layer : layers) {
            TarArchiveEntry entry = layer.get(path.replaceFirst("^/", ""));
            found = entry != null ? entry : found;
        }
        return found;
    }

    /** Paths of every layer, with a leading slash. */
    List<String> paths() {
        List<String> paths = new ArrayList<>();
        layers.forEach(layer -> layer.keySet().forEach(name -> paths.add("/" + name)));
        return paths;
    }

    private static Map<String, TarArchiveEntry> entries(InputStream layer) throws IOException {
        Map<String, TarArchiveEntry> entries = new HashMap<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(layer)) {
            for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName().replaceFirst("^\\./", "").replaceFirst("/$", ""), entry);
            }
        }
        return entries;
    }
}
