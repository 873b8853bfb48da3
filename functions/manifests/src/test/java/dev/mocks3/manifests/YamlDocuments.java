package dev.mocks3.manifests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The Kubernetes objects in committed YAML files, read the way kubectl would see them. */
final class YamlDocuments {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private YamlDocuments() {
    }

    /** A repository file as text, e.g. {@code gateway-config/httproutes.yaml}. */
    static String text(String relativePath) {
        try {
            return Files.readString(RepoRoot.find().resolve(relativePath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every object in a multi-document YAML file of the repository. */
    static List<JsonNode> read(String relativePath) {
        List<JsonNode> objects = new ArrayList<>();
        try (var documents = YAML.readerFor(JsonNode.class).<JsonNode>readValues(text(relativePath))) {
            while (documents.hasNext()) {
                JsonNode object = documents.next();
                if (object != null && object.isObject() && !object.isEmpty()) {
                    objects.add(object);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return objects;
    }

    /** Every object in the YAML files of a repository folder (not its subfolders). */
    static List<JsonNode> readFolder(String relativeFolder) {
        Path root = RepoRoot.find();
        try (Stream<Path> files = Files.list(root.resolve(relativeFolder))) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted()
                    .flatMap(f -> read(root.relativize(f).toString()).stream()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
