package cn.gov.enforcement.portal.regulation;

import java.util.Map;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the regulation module.
 *
 * @param importOnStart a folder imported when the portal starts (LawRefBook layout and/or plain-text
 *     files); empty (the default) imports nothing
 * @param maxResults the largest number of results one search may ask for
 * @param ranking how the lexical and the semantic result lists are fused
 * @param upload limits of the administrators' import page
 */
@ConfigurationProperties(prefix = "portal.regulation")
public record RegulationSettings(String importOnStart, Integer maxResults, Ranking ranking, Upload upload) {

    @ConstructorBinding
    public RegulationSettings {
        importOnStart = importOnStart == null ? "" : importOnStart.strip();
        if (maxResults == null || maxResults < 1) {
            maxResults = 100;
        }
        if (ranking == null) {
            ranking = new Ranking(null, null, null, null, null, null, null, null, null, null, null);
        }
        if (upload == null) {
            upload = new Upload(null, null, null);
        }
    }

    public RegulationSettings(String importOnStart, Integer maxResults) {
        this(importOnStart, maxResults, null, null);
    }

    public RegulationSettings(String importOnStart, Integer maxResults, Upload upload) {
        this(importOnStart, maxResults, null, upload);
    }

    /**
     * Reciprocal-rank fusion of the BM25 list and the dense-vector list: an article's score is
     * {@code lexicalWeight / (k + lexical rank) + denseWeight / (k + dense rank)}. Before fusion each list is
     * re-ordered by score times its document's priors: the level prior (BM25 list only: the dense list ranks
     * better without it) and the citation prior {@code (1 + ln(1 + citations))^weight}, where citations counts how
     * often the other documents cite this one. Articles of documents with several good hits may gain
     * {@code documentWeight} of their document's score. The defaults were chosen on the STARD development questions
     * (bench/README.md); each setting is a general signal, not a rule for particular questions.
     *
     * @param lexicalWeight weight of the BM25 list (0 switches it off)
     * @param denseWeight weight of the dense-vector list (0 switches it off)
     * @param k the rank constant
     * @param depth articles taken from each list before fusion (at least the page asked for)
     * @param minSimilarity dense hits below this cosine similarity are dropped (so nonsense finds nothing)
     * @param levelPriors multiplier per level; levels not listed count 1.0. The default favours laws, which
     *     answer most questions of the public, over the rules that implement them; set an empty map to rank
     *     all levels alike
     * @param documentWeight how much an article gains from its document's other good hits (0: nothing)
     * @param citationWeight exponent of the citation prior on BM25 scores (0: no prior)
     * @param denseCitationWeight exponent of the citation prior on cosine similarities, which vary far less than
     *     BM25 scores (0: no prior)
     * @param layTermWeight boost of the legal terms a question's everyday words stand for ({@link LayTerms}) in the
     *     BM25 query, relative to the question's own words; the terms are also appended to the question that is
     *     embedded for the dense list (0: neither)
     * @param candidates how many nearest-neighbour candidates the dense search gathers per index segment
     *     ({@code num_candidates}; at least the list's depth). It matters for a graph index ({@code int8_hnsw});
     *     the shipped mapping ({@code int8_flat}) compares the question with every vector, so its nearest
     *     articles are exact whatever this is
     */
    public record Ranking(Double lexicalWeight, Double denseWeight, Integer k, Integer depth, Double minSimilarity,
                          Map<LegalLevel, Double> levelPriors, Double documentWeight, Double citationWeight,
                          Double denseCitationWeight, Double layTermWeight, Integer candidates) {

        /**
         * Laws first, then judicial interpretations, administrative regulations and the constitution, rules, and
         * reports about enforcement (other material) last.
         */
        static final Map<LegalLevel, Double> DEFAULT_PRIORS = Map.of(LegalLevel.LAW, 1.0,
                LegalLevel.JUDICIAL_INTERPRETATION, 0.8, LegalLevel.ADMINISTRATIVE_REGULATION, 0.7,
                LegalLevel.CONSTITUTION, 0.7, LegalLevel.DEPARTMENTAL_RULE, 0.5, LegalLevel.NORMATIVE_DOCUMENT, 0.5,
                LegalLevel.OTHER_MATERIAL, 0.3);

        public Ranking {
            lexicalWeight = lexicalWeight == null ? 1.0 : lexicalWeight;
            denseWeight = denseWeight == null ? 1.0 : denseWeight;
            k = k == null || k < 1 ? 20 : k;
            depth = depth == null || depth < 1 ? 400 : depth;
            minSimilarity = minSimilarity == null ? 0.0 : minSimilarity;
            levelPriors = levelPriors == null ? DEFAULT_PRIORS : Map.copyOf(levelPriors);
            documentWeight = documentWeight == null ? 0.0 : documentWeight;
            citationWeight = citationWeight == null || citationWeight < 0 ? 0.2 : citationWeight;
            denseCitationWeight = denseCitationWeight == null || denseCitationWeight < 0 ? 0.02 : denseCitationWeight;
            layTermWeight = layTermWeight == null || layTermWeight < 0 ? 1.0 : layTermWeight;
            candidates = candidates == null || candidates < 1 ? Math.max(5 * depth, 200) : candidates;
        }

        double prior(LegalLevel level) {
            return level == null ? 1.0 : levelPriors.getOrDefault(level, 1.0);
        }
    }

    /**
     * Limits of one upload on the import page.
     *
     * @param maxFileSize the largest file the browser may send (a .zip, .md or .txt file)
     * @param maxUncompressed the most bytes all files of one upload may hold once unpacked
     * @param maxEntries the most entries (files and folders) all archives of one upload may hold
     */
    public record Upload(DataSize maxFileSize, DataSize maxUncompressed, Integer maxEntries) {

        public Upload {
            if (maxFileSize == null || maxFileSize.toBytes() < 1) {
                maxFileSize = DataSize.ofMegabytes(32);
            }
            if (maxUncompressed == null || maxUncompressed.toBytes() < 1) {
                maxUncompressed = DataSize.ofMegabytes(500);
            }
            if (maxEntries == null || maxEntries < 1) {
                maxEntries = 10_000;
            }
        }
    }
}
