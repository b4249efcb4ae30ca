package cn.gov.enforcement.portal.knowledge.citations;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the YAML files of the knowledge base with SnakeYAML's node API, so that every finding can
 * name the file and the line it comes from.
 */
final class YamlFiles {

    private YamlFiles() {
    }

    /** A parsed file: its path relative to the knowledge-base parent, its root node or its parse error. */
    record Parsed(Path file, String displayName, Node root, String error) {
    }

    /** Every *.yaml / *.yml file below {@code dir}, sorted, parsed. */
    static List<Parsed> parseAll(Path dir, Path displayBase) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".yaml")
                            || p.getFileName().toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Parsed> result = new ArrayList<>();
        for (Path file : files) {
            String display = displayBase.relativize(file).toString().replace('\\', '/');
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                result.add(new Parsed(file, display, new Yaml().compose(reader), null));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (RuntimeException e) {
                result.add(new Parsed(file, display, null, "not valid YAML: " + e.getMessage()));
            }
        }
        return result;
    }

    /** 1-based line of a node. */
    static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    static Optional<Node> child(MappingNode mapping, String key) {
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return Optional.of(tuple.getValueNode());
            }
        }
        return Optional.empty();
    }

    static List<String> keys(MappingNode mapping) {
        List<String> keys = new ArrayList<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode k) {
                keys.add(k.getValue());
            }
        }
        return keys;
    }

    static Optional<String> scalar(MappingNode mapping, String key) {
        return child(mapping, key).filter(ScalarNode.class::isInstance).map(n -> ((ScalarNode) n).getValue());
    }

    static List<Node> items(Node node) {
        return node instanceof SequenceNode seq ? seq.getValue() : List.of();
    }
}
