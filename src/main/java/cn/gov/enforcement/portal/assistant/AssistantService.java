package cn.gov.enforcement.portal.assistant;

import cn.gov.enforcement.portal.lists.DiscretionBenchmark;
import cn.gov.enforcement.portal.lists.ExemptionItem;
import cn.gov.enforcement.portal.lists.ListsCatalog;
import cn.gov.enforcement.portal.lists.RiskPoint;
import cn.gov.enforcement.portal.platform.SlidingWindowLimiter;
import cn.gov.enforcement.portal.platform.ValidationFailure;
import cn.gov.enforcement.portal.regulation.ChineseScript;
import cn.gov.enforcement.portal.regulation.DocumentStatus;
import cn.gov.enforcement.portal.regulation.LayTerms;
import cn.gov.enforcement.portal.regulation.MissingLicence;
import cn.gov.enforcement.portal.regulation.RegulationCatalog;
import cn.gov.enforcement.portal.regulation.RegulationCatalog.ArticleHit;
import cn.gov.enforcement.portal.regulation.VehicleKinds;
import cn.gov.enforcement.portal.search.TextEmbeddings;
import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.common.Term;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Answers a business's question from the portal's own content: the risk points and exemption items
 * that mean the same (the in-process embedding model) or share its words (character pairs, the title
 * counting three times), and the articles the regulation search finds for it. A configured language
 * model then writes a short answer from exactly those sources; without one, or when it fails or takes
 * too long, the sources are the answer. A follow-up question (see {@link FollowUp}) is answered in the context of
 * the previous one: searched together with it, and the model gets the previous turn as chat history. The
 * conversation is the caller's (the page keeps it per browser tab); nothing is stored here.
 */
@Service
public class AssistantService {

    public static final int MAX_QUESTION = 500;
    static final int MAX_RISKS = 3;
    static final int MAX_EXEMPTIONS = 3;
    static final int MAX_BENCHMARKS = 2;
    static final int MAX_ARTICLES = 5;
    /**
     * Minimum score (shared character pairs, title pairs counting three) for a list entry to be offered on its words:
     * two pairs of its title, or one of its title and two of the rest ({@link #words}).
     */
    static final int MIN_SCORE = 5;
    /**
     * Distinct words of the question an article's marks must cover ({@link #questionWords}): one word alone (医疗 of
     * 医疗废物 in 医疗期, 营业执照 in an article on vehicle makers that have none) says little about what the article is
     * about, however many character pairs the word has.
     */
    static final int MIN_WORDS = 2;
    /** Cosine similarity of question and entry at which an entry is offered on its meaning alone. */
    static final double MIN_SIMILARITY = 0.58;
    /** Cosine similarity an entry that shares words with the question ({@link #MIN_SCORE}) must still reach. */
    static final double MIN_SIMILARITY_WITH_WORDS = 0.47;
    /** Entries further than this behind the best one of their list are not offered. */
    static final double MAX_BEHIND_BEST = 0.10;
    /** Weight of each shared word (up to {@link #MAX_WORDS_COUNTED}) beside the similarity. */
    static final double WORD_WEIGHT = 0.01;
    static final int MAX_WORDS_COUNTED = 15;

    private static final Logger LOG = LoggerFactory.getLogger(AssistantService.class);
    /** Question words and fillers that say nothing about the situation. */
    static final Pattern FILLERS = Pattern.compile(
            "怎么办|怎么样|怎么|怎样|如何|什么|哪些|为什么|是否|能否|能不能|可不可以|可以吗|会不会|要不要|需要|注意|请问|我们|我的|我|你好|吗|呢|吧|了|的|要");

    /**
     * The {@link #FILLERS} of more than one character (怎么办, 能不能, 我的), taken out of a question before it is cut into
     * words, since a segmenter may cut them apart (能|不能).
     */
    private static final Pattern LONG_FILLERS = Pattern.compile(java.util.Arrays.stream(FILLERS.pattern().split("\\|"))
            .filter(f -> f.length() > 1).collect(java.util.stream.Collectors.joining("|")));

    /**
     * Character pairs that say nothing about which violation is meant: how often or when it happened (第一次, 首次,
     * 被发现), the legal boilerplate of every entry (未按规定, 擅自, 违法行为; 未取得 of every licence one lacks; 没有, which
     * says that something is lacking, not what: 没有明码标价 marked 没有明 in 法律没有明文规定 and offered 刑法 第三条) and words
     * that half the entries of a field share (机动车 and its 车驾 of 机动车驾驶人/驾驶证, 劳动者, 经营者, 管理, 个人; the 可证 of every 许可证, whose kind the
     * words before it say; the 人员 of every kind of person, 执法人员, 从业人员, 无证人员, whom the words before it name; the
     * 证件 of every kind of papers, 身份证件, 执法证件, whose kind the words before it say). They are left out of the
     * question's words.
     */
    static final Set<String> GENERIC_PAIRS = Set.of("未按", "按规", "规定", "首次", "初次", "第一", "一次", "发现", "未经",
            "擅自", "行为", "违法", "违反", "违规", "情节", "机动", "动车", "车驾", "动者", "经营", "营者", "管理", "个人", "处罚",
            "罚款", "被罚", "未取", "取得", "没有", "可证", "人员", "证件", "一下", "一点", "现在", "已经", "时候", "一个", "两个", "几个", "个月");

    /** A mark of the search in a snippet; group 1 is the marked text. */
    private static final Pattern MARK = Pattern.compile("<em>([^<]+)</em>");

    private final ListsCatalog lists;
    private final RegulationCatalog regulations;
    private final AssistantSettings settings;
    private final ChatEndpoint model;
    private final SlidingWindowLimiter limiter;
    private final ObjectProvider<TextEmbeddings> embeddings;
    /** Vectors of the list entries' texts, by text; an edited entry gets a new one. */
    private final Map<String, float[]> entryVectors = new ConcurrentHashMap<>();

    @Autowired
    AssistantService(ListsCatalog lists, RegulationCatalog regulations, AssistantSettings settings, Clock clock,
            ObjectProvider<TextEmbeddings> embeddings) {
        this.lists = lists;
        this.regulations = regulations;
        this.settings = settings;
        this.embeddings = embeddings;
        this.model = settings.llmConfigured() ? new ChatEndpoint(settings) : null;
        this.limiter = new SlidingWindowLimiter(settings.questionsPerHour(), Duration.ofHours(1), clock);
    }

    public boolean modelConfigured() {
        return model != null;
    }

    /** Asks a question on its own, as the first of a conversation. */
    public AssistantAnswer answer(String question, Locale language, String client) {
        return answer(question, null, language, client);
    }

    /**
     * Answers a question completely, waiting for a configured model's text (at most {@code llm-timeout}): {@link #draft}
     * and then {@link #write}.
     *
     * @throws ValidationFailure as {@link #draft}
     */
    public AssistantAnswer answer(String question, AssistantAnswer previous, Locale language, String client) {
        return write(draft(question, previous, language, client), previous, language);
    }

    /**
     * Finds the sources of a question's answer, in the context of the previous answer of the conversation when
     * {@link FollowUp} says it depends on it: its sources are then those found for the previous searched text and the
     * question together. The question counts once against the per-hour limit however many searches the decision
     * takes. The model's text, when a model is configured and there are sources, is left to write: the answer says
     * so ({@link AssistantAnswer#writing()}), and {@link #writeLater} or {@link #write} adds it.
     *
     * @param previous the previous answer of the conversation; null for none
     * @param client the client's address for the per-hour limit; null for a trusted caller
     * @throws ValidationFailure (field {@code question}) for an empty question, one without a letter or digit, a too long one or when the limit is reached
     */
    public AssistantAnswer draft(String question, AssistantAnswer previous, Locale language, String client) {
        String q = question == null ? "" : question.strip();
        if (q.isEmpty()) {
            throw ValidationFailure.of("question", "assistant.error.empty");
        }
        if (q.codePoints().noneMatch(Character::isLetterOrDigit)) {
            // ？？？ or 😀: something was typed, so "please enter your question" would read as if nothing had been
            throw ValidationFailure.of("question", "assistant.error.noWords");
        }
        if (q.length() > MAX_QUESTION) {
            throw ValidationFailure.of("question", "assistant.error.tooLong", MAX_QUESTION);
        }
        if (!limiter.tryAcquire(client)) {
            throw ValidationFailure.of("question", "assistant.error.tooMany", settings.questionsPerHour());
        }
        if (previous == null) {
            return found(q, null, q, sources(q));
        }
        String together = FollowUp.combine(previous.searched(), q, MAX_QUESTION);
        Once<Sources> alone = new Once<>(() -> sources(q));
        Once<Sources> both = new Once<>(() -> sources(together));
        if (FollowUp.dependsOnPrevious(q, () -> alone.get().empty() && !both.get().empty())) {
            return found(q, previous, together, both.get());
        }
        return found(q, null, q, alone.get());
    }

    /**
     * Answers a follow-up's question again on its own, without the previous question (the reader's choice), waiting
     * for a model's text. It was checked and counted against the per-hour limit when it was asked.
     */
    public AssistantAnswer answerAlone(AssistantAnswer followUp, Locale language) {
        return write(draftAlone(followUp), null, language);
    }

    /** The sources of a follow-up's question on its own, as {@link #draft} finds them, without counting it again. */
    public AssistantAnswer draftAlone(AssistantAnswer followUp) {
        String q = followUp.question();
        return found(q, null, q, sources(q));
    }

    /** The answer's text written by the model, waiting for it; the draft itself when there is nothing to write. */
    public AssistantAnswer write(AssistantAnswer draft, AssistantAnswer previous, Locale language) {
        return writeLater(draft, previous, language).join();
    }

    /**
     * Asks the model to write the draft's text and returns at once. The result never completes exceptionally: when
     * the model fails or takes longer than {@code llm-timeout}, it is the draft with {@link AssistantAnswer#modelFailed()}.
     *
     * @param previous the previous answer of the conversation, whose turn the model gets as chat history when the
     *     draft is its follow-up
     */
    public CompletableFuture<AssistantAnswer> writeLater(AssistantAnswer draft, AssistantAnswer previous, Locale language) {
        if (!draft.writing()) {
            return CompletableFuture.completedFuture(draft);
        }
        CompletableFuture<String> text;
        try {
            text = model.completeLater(systemPrompt(language), draft.followUp() ? history(previous) : List.of(),
                    userPrompt(draft));
        } catch (RuntimeException e) { // a base URL that is no URL, say: the sources alone, as for any failure
            text = CompletableFuture.failedFuture(e);
        }
        return text.handle((written, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                LOG.warn("The language model gave no answer ({}); answering from the sources alone", cause.toString());
                return draft.written(null);
            }
            return draft.written(written);
        });
    }

    /** The sources found for a text. */
    private record Sources(List<RiskPoint> risks, List<ExemptionItem> exemptions, List<DiscretionBenchmark> benchmarks,
            List<ArticleHit> articles, boolean lawsUnavailable) {
        boolean empty() {
            return risks.isEmpty() && exemptions.isEmpty() && benchmarks.isEmpty() && articles.isEmpty();
        }
    }

    /** A value computed when first asked for, at most once. */
    private static final class Once<T> {
        private final Supplier<T> compute;
        private T value;

        Once(Supplier<T> compute) {
            this.compute = compute;
        }

        T get() {
            if (value == null) {
                value = compute.get();
            }
            return value;
        }
    }

    private Sources sources(String text) {
        String simplified = ChineseScript.toSimplified(text);
        Set<String> pairs = questionPairs(simplified);
        List<Set<String>> words = questionWords(simplified);
        // the legal terms of its everyday words count as the question's words too (社保 → 社会保险), as in the lists' and
        // the regulation search
        for (String term : LayTerms.bundled().expand(simplified)) {
            pairs.addAll(hanPairs(term));
            questionWords(term).stream().filter(w -> !words.contains(w)).forEach(words::add);
        }
        float[] meaning = questionVector(simplified);
        // someone without a licence is not helped by the entries and articles about one held: displaying, carrying
        // or reporting under it (MissingLicence)
        Set<String> lacked = MissingLicence.lacked(simplified);
        // a question about one kind of vehicle is not answered by what concerns the other kind only (VehicleKinds): 我开车闯红灯了
        // is no e-bike's red light, 骑电动车闯红灯 no car driver's
        Set<VehicleKinds.Kind> vehicles = VehicleKinds.ofQuestion(simplified);
        List<Scored<RiskPoint>> risks = best(withoutOtherVehicle(withoutHeld(lists.publicRiskPoints(), lacked, RiskPoint::title),
                vehicles, r -> String.join("|", r.title(), r.risk(), r.appliesTo() == null ? "" : r.appliesTo())),
                pairs, words, meaning, true, RiskPoint::title,
                r -> String.join(" ", r.sector(), r.appliesTo(), r.risk(), r.consequence(), String.join(" ", r.prevention())),
                r -> r.title() + "。" + r.risk());
        List<Scored<ExemptionItem>> exemptions = best(withoutOtherVehicle(withoutHeld(lists.publicExemptions(), lacked,
                ExemptionItem::violation), vehicles, e -> e.violation() + "|" + (e.scope() == null ? "" : e.scope())),
                pairs, words, meaning, true,
                ExemptionItem::violation,
                e -> String.join(" ", e.sector() == null ? "" : e.sector(), e.scope() == null ? "" : e.scope(),
                        String.join(" ", e.measure())),
                e -> e.violation() + (e.scope() == null ? "" : "。" + e.scope()));
        // how much the fine would be: the benchmarks of the violations the question describes, never on meaning alone
        // (the range of a neighbouring violation, another food offence say, would be a wrong answer to 罚多少)
        List<Scored<DiscretionBenchmark>> benchmarks = best(withoutOtherVehicle(withoutHeld(lists.discretion(null), lacked,
                DiscretionBenchmark::violation), vehicles, DiscretionBenchmark::violation), pairs, words, meaning, false,
                DiscretionBenchmark::violation,
                d -> String.join(" ", d.circumstances().stream().map(c -> c.description() + " " + c.penalty()).toList()),
                DiscretionBenchmark::violation);
        // an entry offered on its meaning alone must be close to the best entry of the whole answer, not only of its
        // list: the best exemption of 电子秤没拿去检定 (进货查验) is far behind the scale's own risk
        double top = Math.max(top(risks), Math.max(top(exemptions), top(benchmarks)));
        // only articles that share words with the question (their snippet marks two of its words): the vector half of
        // the search always finds something, however far from the question, which an answer must not offer
        Set<String> seen = new HashSet<>();
        RegulationCatalog.Results laws = regulations.search(new RegulationCatalog.Query(text, 2 * MAX_ARTICLES, null,
                null, DocumentStatus.CURRENT));
        List<ArticleHit> articles = laws.results().stream()
                // a news or work report about enforcement is found by the search but is no source of an answer
                .filter(h -> h.level() != cn.gov.enforcement.portal.regulation.LegalLevel.OTHER_MATERIAL)
                .filter(h -> sharesWords(h.snippet(), words))
                .filter(h -> !MissingLicence.aboutOneHeld(lacked, h.snippet()))
                .filter(h -> h.snippet() == null
                        || !VehicleKinds.otherKindOnly(vehicles, h.snippet().replaceAll("</?em>", "")))
                .filter(h -> seen.add(h.url()))
                .limit(MAX_ARTICLES).toList();
        // an entry on meaning alone beside articles the question's words found must share one of its words: 执法人员来检查不出示证件
        // comes within 0.6 to 0.68 of 进货查验 and of health certificates in meaning, but shares no word with them, while
        // 第一次违法后果轻微会被罚款吗 keeps 情节轻微…违法行为 (轻微) beside 行政处罚法 第三十三条
        boolean articlesFound = !articles.isEmpty();
        return new Sources(offered(risks, top, articlesFound, MAX_RISKS), offered(exemptions, top, articlesFound,
                MAX_EXEMPTIONS), offered(benchmarks, top, articlesFound, MAX_BENCHMARKS), articles, laws.unavailable());
    }

    /** The entries that are not about one of the licences a question says the business lacks as held. */
    private static <T> List<T> withoutHeld(List<T> entries, Set<String> lacked, Function<T, String> title) {
        return lacked.isEmpty() ? entries
                : entries.stream().filter(e -> !MissingLicence.aboutOneHeld(lacked, title.apply(e))).toList();
    }

    /** The entries that are not about the other kind of vehicle only, when the question names one ({@link VehicleKinds}). */
    private static <T> List<T> withoutOtherVehicle(List<T> entries, Set<VehicleKinds.Kind> vehicles,
            Function<T, String> text) {
        return vehicles.isEmpty() ? entries
                : entries.stream().filter(e -> !VehicleKinds.otherKindOnly(vehicles, text.apply(e))).toList();
    }

    /** The answer from the sources, for the model to write its text when one is configured and there are sources. */
    private AssistantAnswer found(String q, AssistantAnswer previous, String searched, Sources found) {
        return new AssistantAnswer(q, previous == null ? null : previous.searched(), searched, null, false,
                model != null && !found.empty(), found.risks(), found.exemptions(), found.benchmarks(), found.articles(),
                found.lawsUnavailable());
    }

    /**
     * The previous turn as chat messages: its searched text as the user's, the model's answer (or a note that there
     * was none) as the assistant's, so that roles alternate as every chat template expects.
     */
    static List<ChatEndpoint.Message> history(AssistantAnswer previous) {
        if (previous == null) {
            return List.of();
        }
        return List.of(new ChatEndpoint.Message("user", previous.searched()),
                new ChatEndpoint.Message("assistant", previous.summary() != null
                        ? CITATION_MARKS.matcher(previous.summary()).replaceAll("")
                        : "（上一轮没有文字回答，只列出了资料。）"));
    }

    /**
     * A citation of sources as models write it: [2], [1, 3], [1][2] (one at a time), 【2】; at most 30 numbers in one
     * (a bounded repetition: thousands of numbers in one pair of brackets overflowed the regex stack). Groups: the
     * opening bracket, the numbers, the closing bracket. The page links them ({@link AssistantView}).
     */
    static final Pattern CITATION = Pattern.compile("([\\[【])(\\d{1,3}(?:\\s*[,，、]\\s*\\d{1,3}){0,29})([\\]】])");

    /**
     * The {@link #CITATION}s of a model's text with the space before them: the previous answer goes to the model
     * without them, since this turn's sources are numbered afresh and an old [2] would name another source.
     */
    private static final Pattern CITATION_MARKS = Pattern.compile("\\s*" + CITATION.pattern());

    /** The character pairs of the Chinese runs of a text, and its Latin words and numbers. */
    static Set<String> pairs(String text) {
        Set<String> out = new LinkedHashSet<>();
        StringBuilder run = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (Character.isLetterOrDigit(cp)) {
                run.appendCodePoint(Character.toLowerCase(cp));
            } else {
                addPairs(run.toString(), out);
                run.setLength(0);
            }
        });
        addPairs(run.toString(), out);
        return out;
    }

    private static void addPairs(String run, Set<String> out) {
        int[] cps = run.codePoints().toArray();
        for (int i = 0; i + 1 < cps.length; i++) {
            out.add(new String(cps, i, 2));
        }
    }

    /** The question's vector, or null when the embedding model is off or fails (words alone then decide). */
    private float[] questionVector(String question) {
        TextEmbeddings model = embeddings.getIfAvailable();
        if (model == null || !model.enabled()) {
            return null;
        }
        try {
            return model.query(question);
        } catch (RuntimeException e) {
            LOG.warn("No question vector ({}); matching list entries by their words alone", e.toString());
            return null;
        }
    }

    /** The vectors of the entries' texts in their order (from memory, else the model's cache), or null on failure. */
    private List<float[]> entryVectors(List<String> texts) {
        List<String> missing = texts.stream().filter(t -> !entryVectors.containsKey(t)).distinct().toList();
        if (!missing.isEmpty()) {
            try {
                List<float[]> computed = embeddings.getObject().documents(missing, done -> { });
                if (entryVectors.size() + missing.size() > 4 * Math.max(texts.size(), 100)) {
                    entryVectors.keySet().retainAll(Set.copyOf(texts)); // entries edited many times over
                }
                for (int i = 0; i < missing.size(); i++) {
                    entryVectors.put(missing.get(i), computed.get(i));
                }
            } catch (RuntimeException e) {
                LOG.warn("No vectors for the list entries ({}); matching them by their words alone", e.toString());
                return null;
            }
        }
        return texts.stream().map(entryVectors::get).toList();
    }

    /**
     * A list entry that may be offered and its score: similarity plus a little for each shared word, or the shared
     * words alone when there are no vectors.
     *
     * @param aloneByMeaning offered on its meaning alone, without sharing enough words with the question
     * @param sharesAWord whether the entry holds a pair of one of the question's words ({@link #questionWords})
     */
    private record Scored<T>(T entry, double score, boolean aloneByMeaning, boolean sharesAWord) {}

    /**
     * The entries to offer, best first: those offered on meaning alone only when near the answer's best entry and,
     * when the question's words found articles, only when they share one of its words.
     */
    private static <T> List<T> offered(List<Scored<T>> scored, double top, boolean articlesFound, int max) {
        return scored.stream().filter(s -> !s.aloneByMeaning()
                        || (s.score() >= top - MAX_BEHIND_BEST && (!articlesFound || s.sharesAWord())))
                .limit(max).map(Scored::entry).toList();
    }

    /** The score of the best of the entries, 0 for none. */
    private static double top(List<? extends Scored<?>> scored) {
        return scored.isEmpty() ? 0 : scored.get(0).score();
    }

    /**
     * The entries that may be offered, best first. With vectors: those whose meaning is close to the question's, or
     * which share its words and are not far from it in meaning, ranked by similarity plus a little for each shared
     * word, and none far behind the best. Without: those sharing enough words, by the number shared.
     *
     * @param byMeaning whether an entry close enough in meaning is offered without sharing words
     */
    private <T> List<Scored<T>> best(List<T> entries, Set<String> pairs, List<Set<String>> questionWords,
            float[] meaning, boolean byMeaning, Function<T, String> title, Function<T, String> body,
            Function<T, String> embedded) {
        List<float[]> vectors = meaning == null || entries.isEmpty() ? null
                : entryVectors(entries.stream().map(embedded).toList());
        List<Scored<T>> scored = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            T e = entries.get(i);
            int words = words(pairs, title.apply(e), body.apply(e));
            if (vectors == null) {
                if (words >= MIN_SCORE) {
                    scored.add(new Scored<>(e, words, false, true));
                }
                continue;
            }
            double similarity = cosine(meaning, vectors.get(i));
            boolean byWords = words >= MIN_SCORE && similarity >= MIN_SIMILARITY_WITH_WORDS;
            if (byWords || (byMeaning && similarity >= MIN_SIMILARITY)) {
                scored.add(new Scored<>(e, similarity + WORD_WEIGHT * Math.min(words, MAX_WORDS_COUNTED), !byWords,
                        byWords || sharesAWord(questionWords, title.apply(e) + " " + body.apply(e))));
            }
        }
        scored.sort(Comparator.comparingDouble((Scored<T> s) -> s.score()).reversed());
        if (vectors != null && !scored.isEmpty()) {
            double floor = scored.get(0).score() - MAX_BEHIND_BEST;
            scored.removeIf(s -> s.score() < floor);
        }
        return scored;
    }

    /**
     * The words of a question already in Simplified characters: its pairs of Chinese characters without its fillers
     * and without the {@link #GENERIC_PAIRS}, folded ({@link ChineseScript#fold}) as the entries' pairs are, so that a
     * zh-TW 回覆 meets the 回复 of an entry. Numbers and Latin words are no words here: "15" of a 15-year-old meets
     * every article with a 15 in it.
     */
    static Set<String> questionPairs(String simplified) {
        return hanPairs(FILLERS.matcher(simplified).replaceAll(" "));
    }

    /**
     * The words of a text already in Simplified characters, as a word segmenter (HanLP's, whose dictionary ships with
     * the library the portal already uses for zh-TW text) cuts it, each as its {@link #hanPairs}: a pair that spans
     * two words (照会 of 执照|会怎样, 款决 of 罚款|决定) belongs to no word, and the pairs of one long word (营业执照) make
     * one word. The question's fillers of more than one character (怎么办, 能不能) are taken out first, words made of
     * fillers only (吗, 要) and words without such a pair (single characters, generic pairs) are left out; a filler
     * inside a word stays (the 要 of 要求).
     */
    static List<Set<String>> questionWords(String simplified) {
        List<Set<String>> out = new ArrayList<>();
        for (Term term : HanLP.segment(LONG_FILLERS.matcher(simplified).replaceAll(" "))) {
            if (FILLERS.matcher(term.word).replaceAll("").isBlank()) {
                continue; // 吗, 了, 要: a filler on its own, while the 要 of 要求 is part of a word
            }
            Set<String> word = hanPairs(term.word);
            if (!word.isEmpty() && !out.contains(word)) {
                out.add(word);
            }
        }
        return out;
    }

    /** The folded pairs of adjacent Chinese characters of a text, without the {@link #GENERIC_PAIRS}. */
    static Set<String> hanPairs(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (String p : pairs(ChineseScript.fold(text))) {
            if (p.codePoints().allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)
                    && !GENERIC_PAIRS.contains(p)) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * Shared character pairs of question and entry, those of the title counting three; 0 unless the entry's title
     * shares two, or one and the rest of the entry two more, so that no single pair (过期, 电子) offers an entry.
     */
    static int words(Set<String> pairs, String title, String body) {
        Set<String> inTitle = pairs(ChineseScript.fold(ChineseScript.toSimplified(title)));
        Set<String> inBody = pairs(ChineseScript.fold(ChineseScript.toSimplified(body)));
        int ofTitle = 0;
        int ofBody = 0;
        for (String p : pairs) {
            if (inTitle.contains(p)) {
                ofTitle++;
            } else if (inBody.contains(p)) {
                ofBody++;
            }
        }
        return ofTitle >= 2 || (ofTitle == 1 && ofBody >= 2) ? 3 * ofTitle + ofBody : 0;
    }

    /** Whether a text holds a pair of one of the question's words ({@link #questionWords}). */
    static boolean sharesAWord(List<Set<String>> questionWords, String text) {
        Set<String> inText = pairs(ChineseScript.fold(ChineseScript.toSimplified(text)));
        return questionWords.stream().anyMatch(w -> w.stream().anyMatch(inText::contains));
    }

    /**
     * Whether the search's marks in a snippet cover {@link #MIN_WORDS} of the question's words ({@link
     * #questionWords}), a word being covered when a mark holds one of its pairs: a marked number, a single character,
     * a single pair (医疗 of 医疗废物 in 医疗期), a pair across two words of the question (款决 of 罚款决定 marked in
     * 作出罚款决定) or one long word (营业执照, three pairs) is no sign that the article concerns the question.
     */
    static boolean sharesWords(String snippet, List<Set<String>> words) {
        if (snippet == null) {
            return false;
        }
        Set<String> marked = new HashSet<>();
        var m = MARK.matcher(snippet);
        while (m.find()) {
            marked.addAll(hanPairs(m.group(1)));
        }
        return words.stream().filter(w -> w.stream().anyMatch(marked::contains)).count() >= MIN_WORDS;
    }

    /** Cosine similarity of two L2-normalised vectors. */
    static double cosine(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /**
     * The model's instructions, asking for an answer in the page's language: English on an English page, Traditional
     * Chinese on a zh-TW one, else Simplified Chinese. The page relies on it: it marks no model text as a whole with a
     * language of its own, only the runs of Chinese in an answer on a page in another language ({@link MarkedText}).
     */
    private static String systemPrompt(Locale language) {
        String reply = language != null && "en".equals(language.getLanguage()) ? "English"
                : language != null && "TW".equals(language.getCountry()) ? "繁體中文" : "简体中文";
        return "你是行政执法公共服务平台的法律风险自查助手，面向企业和群众。只根据用户消息中编号的资料回答，"
                + "用平实的话说明可能涉及的法律风险、可能适用的不予处罚或从轻减轻处罚事项以及应当怎样做；每句话后用 [编号] 注明依据。"
                + "有上一轮对话时，当前问题可能承接上一个问题，资料是按两个问题合起来查找的。"
                + "标注“示例内容”的资料是演示用的示例，回答时要说明。资料不足以回答时直接说明，不要编造法条或处罚标准。不要给出确定的处罚结论，提醒以法律原文和执法机关的意见为准。"
                + "请用" + reply + "回答，不超过 300 字。";
    }

    private static String userPrompt(AssistantAnswer found) {
        List<RiskPoint> risks = found.risks();
        List<ExemptionItem> exemptions = found.exemptions();
        List<ArticleHit> articles = found.articles();
        StringBuilder out = new StringBuilder(found.followUp() ? "问题（接着上一个问题问）：" : "问题：").append(found.question())
                .append("\n\n资料：\n");
        int n = 1;
        for (RiskPoint r : risks) {
            out.append('[').append(n++).append("] 法律风险：").append(r.title()).append("。").append(r.risk())
                    .append(" 后果：").append(r.consequence()).append(" 防范：").append(String.join("；", r.prevention()))
                    .append(r.sample() ? "（示例内容）" : "").append('\n');
        }
        for (ExemptionItem e : exemptions) {
            out.append('[').append(n++).append("] ").append(e.kind()).append("事项：").append(e.violation())
                    .append("。条件：").append(String.join("；", e.conditions().stream()
                            .map(c -> c.metWhenNo() ? c.question() + "（回答“否”才符合）" : c.question()).toList()))
                    .append(e.sample() ? "（示例内容）" : "").append('\n');
        }
        for (DiscretionBenchmark d : found.benchmarks()) {
            out.append('[').append(n++).append("] 处罚裁量基准：").append(d.violation()).append("。")
                    .append(String.join("；", d.circumstances().stream()
                            .map(c -> c.level() + "（" + c.description() + "）：" + c.penalty()).toList()))
                    .append(d.sample() ? "（示例内容）" : "").append('\n');
        }
        for (ArticleHit a : articles) {
            out.append('[').append(n++).append("] ").append(a.documentTitle()).append(' ')
                    .append(a.article() == null ? "" : a.article()).append("：")
                    .append(a.snippet() == null ? "" : a.snippet().replaceAll("</?em>", "")).append('\n');
        }
        return out.toString();
    }
}
