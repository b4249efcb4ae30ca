package cn.gov.enforcement.portal.knowledge.citations;

import cn.gov.enforcement.portal.knowledge.citations.CorpusIndex.Citation;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Finds every citation in a YAML tree, in both forms used by the knowledge base:
 * <ul>
 *   <li>structured: any mapping with a {@code law} or {@code article} key, e.g.
 *       {@code {law: 中华人民共和国行政处罚法, article: 第三十三条, paragraph: 1}};</li>
 *   <li>string: {@code 《中华人民共和国行政处罚法》第十八条} anywhere inside any scalar (used by
 *       knowledge-base/agencies in {@code legal_basis}); a trailing 第…款 is read as the paragraph.</li>
 * </ul>
 */
final class CitationScanner {

    static final Pattern STRING_FORM = Pattern.compile(
            "《([^》]+)》\\s*(第[零〇一二三四五六七八九十百千]+条(?:之[一二三四五六七八九十]+)?)(?:\\s*第([一二三四五六七八九十]+)款)?");

    private CitationScanner() {
    }

    static List<Citation> scan(String file, Node root) {
        List<Citation> found = new ArrayList<>();
        walk(file, root, found);
        return found;
    }

    private static void walk(String file, Node node, List<Citation> found) {
        if (node instanceof MappingNode mapping) {
            List<String> keys = YamlFiles.keys(mapping);
            if (keys.contains("law") || keys.contains("article")) {
                found.add(structured(file, mapping));
                return;
            }
            for (NodeTuple tuple : mapping.getValue()) {
                walk(file, tuple.getValueNode(), found);
            }
        } else if (node instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                walk(file, item, found);
            }
        } else if (node instanceof ScalarNode scalar) {
            Matcher m = STRING_FORM.matcher(scalar.getValue());
            while (m.find()) {
                Integer paragraph = m.group(3) == null ? null : ChineseNumerals.parse(m.group(3));
                found.add(new Citation(m.group(1), m.group(2), paragraph, file, YamlFiles.line(scalar), m.group()));
            }
        }
    }

    private static Citation structured(String file, MappingNode mapping) {
        String law = YamlFiles.scalar(mapping, "law").orElse(null);
        String article = YamlFiles.scalar(mapping, "article").orElse(null);
        Integer paragraph = null;
        String text = "{law: " + law + ", article: " + article;
        var p = YamlFiles.scalar(mapping, "paragraph");
        if (p.isPresent()) {
            text += ", paragraph: " + p.get();
            try {
                paragraph = Integer.parseInt(p.get().trim());
            } catch (NumberFormatException e) {
                paragraph = -1; // reported as a missing paragraph
            }
        }
        return new Citation(law, article, paragraph, file, YamlFiles.line(mapping), text + "}");
    }

    /** Small numerals only (paragraph numbers). */
    static final class ChineseNumerals {
        private static final String DIGITS = "零一二三四五六七八九";

        private ChineseNumerals() {
        }

        static int parse(String s) {
            if (s.equals("十")) {
                return 10;
            }
            int ten = s.indexOf('十');
            if (ten < 0) {
                return DIGITS.indexOf(s.charAt(0));
            }
            int tens = ten == 0 ? 1 : DIGITS.indexOf(s.charAt(0));
            int ones = ten == s.length() - 1 ? 0 : DIGITS.indexOf(s.charAt(ten + 1));
            return tens * 10 + ones;
        }
    }
}
