package cn.gov.enforcement.portal.regulation;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Component;

/** Plain JDBC access to the regulation tables (see V4__regulation.sql). */
@Component
class RegulationStore {

    /** What the status decision needs of a stored version. */
    record StoredVersion(long id, String title, String subtitle, LegalLevel level, LocalDate versionDate,
                         LocalDate inForce, LocalDate repealed, DocumentStatus status, String contentHash) {}

    /** One stored document without its articles. */
    record StoredDocument(long id, String title, String subtitle, LegalLevel level, String issuer, String region,
                          String documentNumber, LocalDate versionDate, DocumentStatus status, String sourcePath,
                          String versionKey, LocalDate inForceDate, LocalDate repealedDate, String contentHash) {

        String displayTitle() {
            return subtitle.isEmpty() ? title : title + " " + subtitle;
        }

        /** The date this version applies from: its in-force date (施行) when known, else its version date. */
        LocalDate effectiveDate() {
            return inForceDate != null ? inForceDate : versionDate;
        }
    }

    /** One stored article. */
    record StoredArticle(int sequence, String number, int ordinal, int ordinalSub, String headingPath, String text) {}

    static final String HEADING_SEPARATOR = " / ";

    private final JdbcTemplate jdbc;
    private final SimpleJdbcInsert insertDocument;
    /** Told when documents were added, removed or changed their status: now, and again once the change committed. */
    private final List<Runnable> changeListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    RegulationStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.insertDocument = new SimpleJdbcInsert(jdbc).withTableName("regulation_document")
                .usingColumns("title", "subtitle", "version_key", "level", "issuer", "region", "document_number",
                        "version_date", "in_force_date", "repealed_date", "status", "content_hash", "source_path",
                        "imported_at")
                .usingGeneratedKeyColumns("id");
    }

    /** Runs the listener after every change of the documents (see {@link #changed}). */
    void onChange(Runnable listener) {
        changeListeners.add(listener);
    }

    /**
     * Tells the listeners that documents changed: at once, and in a transaction again after it committed (a reader
     * between the two may still have read the old rows).
     */
    private void changed() {
        changeListeners.forEach(Runnable::run);
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            changeListeners.forEach(Runnable::run);
                        }
                    });
        }
    }

    /**
     * For a file whose text is stored already (documents with this content hash): sets their in-force and repeal
     * dates where they differ (a file imported before the portal read its dates as it does now) and returns how many
     * rows changed; empty when no stored document has this content hash. One query for an unchanged file.
     */
    java.util.OptionalInt updateDatesIfStored(String contentHash, LocalDate inForce, LocalDate repealed) {
        List<Long> stored = new ArrayList<>();
        List<Long> differing = new ArrayList<>();
        jdbc.query("select id, in_force_date, repealed_date from regulation_document where content_hash = ?", rs -> {
            long id = rs.getLong("id");
            stored.add(id);
            if (!java.util.Objects.equals(date(rs, "in_force_date"), inForce)
                    || !java.util.Objects.equals(date(rs, "repealed_date"), repealed)) {
                differing.add(id);
            }
        }, contentHash);
        if (stored.isEmpty()) {
            return java.util.OptionalInt.empty();
        }
        for (long id : differing) {
            jdbc.update("update regulation_document set in_force_date = ?, repealed_date = ? where id = ?",
                    inForce == null ? null : Date.valueOf(inForce), repealed == null ? null : Date.valueOf(repealed), id);
        }
        if (!differing.isEmpty()) {
            changed();
        }
        return java.util.OptionalInt.of(differing.size());
    }

    /**
     * Sets the region of the documents stored with this content hash whose stored region differs (an import by an
     * earlier portal, which took the short name 河南 from the corpus's folder, or 全国 for a file outside the layout).
     *
     * @return the ids of the documents changed
     */
    List<Long> updateRegionIfStored(String contentHash, String region) {
        List<Long> differing = jdbc.queryForList("select id from regulation_document where content_hash = ? and "
                + "region <> ?", Long.class, contentHash, cut(region, 200));
        for (long id : differing) {
            jdbc.update("update regulation_document set region = ? where id = ?", cut(region, 200), id);
        }
        if (!differing.isEmpty()) {
            changed();
        }
        return differing;
    }

    /** Inserts the document and its articles; call inside a transaction. */
    long insert(LegalDocument d, LocalDate inForce, LocalDate repealed, Instant now) {
        changed();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("title", cut(d.title(), 500));
        row.put("subtitle", cut(d.subtitle(), 300));
        row.put("version_key", cut(d.versionKey(), 900));
        row.put("level", d.level().name());
        row.put("issuer", cut(d.issuer(), 500));
        row.put("region", cut(d.region(), 200));
        row.put("document_number", cut(d.documentNumber(), 200));
        row.put("version_date", d.versionDate() == null ? null : Date.valueOf(d.versionDate()));
        row.put("in_force_date", inForce == null ? null : Date.valueOf(inForce));
        row.put("repealed_date", repealed == null ? null : Date.valueOf(repealed));
        row.put("status", d.status().name());
        row.put("content_hash", d.contentHash());
        row.put("source_path", cut(d.source(), 1000));
        row.put("imported_at", Timestamp.from(now));
        long id = insertDocument.executeAndReturnKey(row).longValue();
        insertArticles(id, d);
        return id;
    }

    /**
     * Replaces the stored document {@code id} by {@code d} (a corrected text of the same version): its row takes the
     * new text's facts and hash, its articles are replaced; the id, and so every address of the document, stays.
     * Call inside a transaction.
     */
    void replace(long id, LegalDocument d, LocalDate inForce, LocalDate repealed, Instant now) {
        changed();
        jdbc.update("update regulation_document set title = ?, subtitle = ?, version_key = ?, level = ?, issuer = ?, "
                + "region = ?, document_number = ?, version_date = ?, in_force_date = ?, repealed_date = ?, status = ?, "
                + "content_hash = ?, source_path = ?, imported_at = ? where id = ?", cut(d.title(), 500),
                cut(d.subtitle(), 300), cut(d.versionKey(), 900), d.level().name(), cut(d.issuer(), 500),
                cut(d.region(), 200), cut(d.documentNumber(), 200),
                d.versionDate() == null ? null : Date.valueOf(d.versionDate()),
                inForce == null ? null : Date.valueOf(inForce), repealed == null ? null : Date.valueOf(repealed),
                d.status().name(), d.contentHash(), cut(d.source(), 1000), Timestamp.from(now), id);
        jdbc.update("delete from regulation_article where document_id = ?", id);
        insertArticles(id, d);
    }

    private void insertArticles(long id, LegalDocument d) {
        List<Object[]> articles = new ArrayList<>(d.articles().size());
        for (Article a : d.articles()) {
            articles.add(new Object[] {id, a.sequence(), cut(a.number(), 100), a.ordinal().number(),
                    a.ordinal().sub(), cut(String.join(HEADING_SEPARATOR, a.headingPath()), 2000), a.text()});
        }
        jdbc.batchUpdate("insert into regulation_article (document_id, sequence, number, ordinal, ordinal_sub, "
                + "heading_path, body) values (?, ?, ?, ?, ?, ?, ?)", articles);
    }

    List<StoredVersion> versions(String versionKey) {
        return jdbc.query("select id, title, subtitle, level, version_date, in_force_date, repealed_date, status, "
                // in the order of import: versions of one date keep the same order (and so the same status) on
                // every database and after every update, which moves a row on PostgreSQL
                + "content_hash from regulation_document where version_key = ? order by id", (rs, i) -> new StoredVersion(
                rs.getLong("id"), rs.getString("title"), rs.getString("subtitle"),
                LegalLevel.valueOf(rs.getString("level")), date(rs, "version_date"), date(rs, "in_force_date"),
                date(rs, "repealed_date"), DocumentStatus.valueOf(rs.getString("status")),
                rs.getString("content_hash")), versionKey);
    }

    void updateStatus(long id, DocumentStatus status) {
        changed();
        jdbc.update("update regulation_document set status = ? where id = ?", status.name(), id);
    }

    long documentCount() {
        Long n = jdbc.queryForObject("select count(*) from regulation_document", Long.class);
        return n == null ? 0 : n;
    }

    long articleCount() {
        Long n = jdbc.queryForObject("select count(*) from regulation_article", Long.class);
        return n == null ? 0 : n;
    }

    /** Every version key (one per title), sorted. */
    List<String> versionKeys() {
        return jdbc.queryForList("select distinct version_key from regulation_document order by version_key",
                String.class);
    }

    /** The number of articles of each document that has any, by document id. */
    Map<Long, Integer> articleCounts() {
        Map<Long, Integer> counts = new java.util.HashMap<>();
        jdbc.query("select document_id, count(*) from regulation_article group by document_id",
                rs -> {
                    counts.put(rs.getLong(1), rs.getInt(2));
                });
        return counts;
    }

    List<StoredDocument> documents() {
        return jdbc.query("select * from regulation_document order by id", (rs, i) -> document(rs));
    }

    /** The documents in force by id, from the offset on, at most limit of them; the database returns only those. */
    List<RegulationCatalog.ListedDocument> currentDocuments(long offset, int limit) {
        return jdbc.query("select id, imported_at from regulation_document where status = ? order by id"
                        + " offset ? rows fetch next ? rows only",
                (rs, i) -> new RegulationCatalog.ListedDocument(rs.getLong(1),
                        rs.getObject(2, java.time.OffsetDateTime.class).atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai"))
                                .toLocalDate()), DocumentStatus.CURRENT.name(), offset, limit);
    }

    long currentDocumentCount() {
        Long n = jdbc.queryForObject("select count(*) from regulation_document where status = ?", Long.class,
                DocumentStatus.CURRENT.name());
        return n == null ? 0 : n;
    }

    Optional<StoredDocument> document(long id) {
        return jdbc.query("select * from regulation_document where id = ?", (rs, i) -> document(rs), id)
                .stream().findFirst();
    }

    /** Every version stored under the version key, newest first (undated last). */
    List<StoredDocument> documentsByVersionKey(String versionKey) {
        return jdbc.query("select * from regulation_document where version_key = ? "
                + "order by case when version_date is null then 1 else 0 end, version_date desc, id desc",
                (rs, i) -> document(rs), versionKey);
    }

    /** The documents imported from this source path (guides use the path as their identity). */
    List<StoredDocument> documentsBySource(String sourcePath) {
        return jdbc.query("select * from regulation_document where source_path = ? order by id",
                (rs, i) -> document(rs), sourcePath);
    }

    /** The documents of one level, e.g. every guide. */
    List<StoredDocument> documentsByLevel(LegalLevel level) {
        return jdbc.query("select * from regulation_document where level = ? order by id",
                (rs, i) -> document(rs), level.name());
    }

    /** The current (else newest) version of the title, if imported; for links from guides to the law. */
    Optional<StoredDocument> currentByTitle(String title) {
        return jdbc.query("select * from regulation_document where title = ? and subtitle = '' order by "
                + "case status when 'CURRENT' then 0 else 1 end, "
                + "case when version_date is null then 1 else 0 end, version_date desc, id desc",
                (rs, i) -> document(rs), title).stream().findFirst();
    }

    /** The ids of the stored versions of this title and version date imported from {@code sourcePath}, oldest first. */
    List<Long> sameVersionFrom(String versionKey, LocalDate versionDate, String sourcePath) {
        return jdbc.queryForList("select id from regulation_document where version_key = ? and source_path = ? and "
                + (versionDate == null ? "version_date is null" : "version_date = ?") + " order by id", Long.class,
                versionDate == null ? new Object[] {cut(versionKey, 900), cut(sourcePath, 1000)}
                        : new Object[] {cut(versionKey, 900), cut(sourcePath, 1000), Date.valueOf(versionDate)});
    }

    void delete(long id) {
        changed();
        jdbc.update("delete from regulation_article where document_id = ?", id);
        jdbc.update("delete from regulation_document where id = ?", id);
    }

    /** The distinct non-empty values of a filter column ({@code level}, {@code region}, {@code issuer}), sorted. */
    List<String> distinct(String column) {
        if (!List.of("level", "region", "issuer").contains(column)) {
            throw new IllegalArgumentException("Not a filter column: " + column);
        }
        return jdbc.queryForList("select distinct " + column + " from regulation_document where " + column
                + " <> '' order by " + column, String.class);
    }

    /**
     * For the given documents, the first sequence of each of {@code numbers} that occurs in them, keyed
     * {@code documentId + "|" + number}: an article whose sequence is later repeats an earlier number.
     */
    Map<String, Integer> firstSequences(java.util.Collection<Long> documentIds, java.util.Collection<String> numbers) {
        Map<String, Integer> first = new java.util.HashMap<>();
        if (documentIds.isEmpty() || numbers.isEmpty()) {
            return first;
        }
        String docs = String.join(",", java.util.Collections.nCopies(documentIds.size(), "?"));
        String nums = String.join(",", java.util.Collections.nCopies(numbers.size(), "?"));
        List<Object> args = new java.util.ArrayList<>(documentIds);
        args.addAll(numbers);
        jdbc.query("select document_id, number, min(sequence) from regulation_article where document_id in (" + docs
                + ") and number in (" + nums + ") group by document_id, number",
                rs -> {
                    first.put(rs.getLong(1) + "|" + rs.getString(2), rs.getInt(3));
                }, args.toArray());
        return first;
    }

    List<StoredArticle> articles(long documentId) {
        return jdbc.query("select sequence, number, ordinal, ordinal_sub, heading_path, body from regulation_article "
                + "where document_id = ? order by sequence", (rs, i) -> article(rs), documentId);
    }

    /** Streams every article with its document, document by document. */
    void forEachArticle(Map<Long, StoredDocument> documents, ArticleVisitor visitor) {
        jdbc.query("select document_id, sequence, number, ordinal, ordinal_sub, heading_path, body "
                + "from regulation_article order by document_id, sequence", rs -> {
                    StoredDocument d = documents.get(rs.getLong("document_id"));
                    if (d != null) {
                        visitor.visit(d, article(rs));
                    }
                });
    }

    /**
     * Hands the document id and body of every article of the given documents to {@code visitor}, one query per
     * document, so that no result set holds more than one document's articles (the PostgreSQL driver keeps a
     * whole result in memory); for corpus statistics such as {@link Citations}.
     */
    void forEachArticleBody(Iterable<Long> documentIds, java.util.function.BiConsumer<Long, String> visitor) {
        for (long id : documentIds) {
            jdbc.query("select body from regulation_article where document_id = ? order by sequence",
                    rs -> {
                        visitor.accept(id, rs.getString(1));
                    }, id);
        }
    }

    /** Where a cited article lives: its document and sequence. */
    record ArticleRef(long documentId, String number, int sequence) {}

    /**
     * The article with this number in the newest CURRENT document whose title is one of the given titles;
     * empty when none is imported.
     */
    Optional<ArticleRef> currentArticle(List<String> titles, String number) {
        if (titles.isEmpty() || number == null || number.isBlank()) {
            return Optional.empty();
        }
        String placeholders = String.join(", ", java.util.Collections.nCopies(titles.size(), "?"));
        List<Object> args = new ArrayList<>(titles);
        args.add(number);
        return jdbc.query("select a.document_id, a.number, a.sequence from regulation_article a "
                        + "join regulation_document d on d.id = a.document_id "
                        + "where d.status = 'CURRENT' and d.title in (" + placeholders + ") and a.number = ? "
                        + "order by d.version_date desc nulls last, d.id desc",
                (rs, i) -> new ArticleRef(rs.getLong(1), rs.getString(2), rs.getInt(3)), args.toArray())
                .stream().findFirst();
    }

    /** One stored version of a title, as a citation check names it: its title, version date and status. */
    record TitledVersion(String title, LocalDate versionDate, DocumentStatus status) {}

    /** Every stored version of the documents with one of these titles, whatever their status or articles. */
    List<TitledVersion> versionsTitled(java.util.Collection<String> titles) {
        if (titles.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", java.util.Collections.nCopies(titles.size(), "?"));
        return jdbc.query("select distinct title, version_date, status from regulation_document where title in ("
                + marks + ")", (rs, i) -> new TitledVersion(rs.getString(1), date(rs, "version_date"),
                        DocumentStatus.valueOf(rs.getString(3))), titles.toArray());
    }

    /** One article number held by a version that is not CURRENT: the version, and the number. */
    record ArticleInVersion(TitledVersion version, String number) {}

    /**
     * The article numbers among these that the versions which are not CURRENT (superseded, repealed, pending) of the
     * documents with one of these titles hold, one row per version and number, in one query.
     */
    List<ArticleInVersion> articlesOutsideCurrent(java.util.Collection<String> titles,
            java.util.Collection<String> numbers) {
        if (titles.isEmpty() || numbers.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select distinct d.title, d.version_date, d.status, a.number from regulation_article a "
                + "join regulation_document d on d.id = a.document_id "
                + "where d.status <> 'CURRENT' and " + titlesAndNumbers(titles, numbers),
                (rs, i) -> new ArticleInVersion(new TitledVersion(rs.getString(1), date(rs, "version_date"),
                        DocumentStatus.valueOf(rs.getString(3))), rs.getString(4)), arguments(titles, numbers));
    }

    /** A cited article found: the title of its document, and where it lives. */
    record TitledArticle(String title, ArticleRef article) {}

    /**
     * The articles with one of these numbers in the CURRENT documents with one of these titles, in one query: the
     * newest document first (as {@link #currentArticle} takes it), and within a document in their order.
     */
    List<TitledArticle> currentArticles(java.util.Collection<String> titles, java.util.Collection<String> numbers) {
        return titledArticles(titles, numbers, "d.status = 'CURRENT' and ",
                "d.version_date desc nulls last, d.id desc, a.sequence");
    }

    /**
     * The articles with one of these numbers in the documents, of any status, with one of these titles: the CURRENT
     * documents first, then the newest; within a document in their order. At most {@code limit} rows.
     */
    List<TitledArticle> articlesTitled(java.util.Collection<String> titles, java.util.Collection<String> numbers,
            int limit) {
        return titledArticles(titles, numbers, "", "case when d.status = 'CURRENT' then 0 else 1 end, "
                + "d.version_date desc nulls last, d.id desc, a.sequence fetch first " + Math.max(1, limit) + " rows only");
    }

    /** The articles with one of these numbers in the documents with one of these titles, the condition and order given. */
    private List<TitledArticle> titledArticles(java.util.Collection<String> titles, java.util.Collection<String> numbers,
            String condition, String order) {
        if (titles.isEmpty() || numbers.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select d.title, a.document_id, a.number, a.sequence from regulation_article a "
                + "join regulation_document d on d.id = a.document_id "
                + "where " + condition + titlesAndNumbers(titles, numbers) + " "
                + "order by " + order,
                (rs, i) -> new TitledArticle(rs.getString(1), new ArticleRef(rs.getLong(2), rs.getString(3),
                        rs.getInt(4))), arguments(titles, numbers));
    }

    /** The condition of a document title among {@code titles} and an article number among {@code numbers}, as marks. */
    private static String titlesAndNumbers(java.util.Collection<String> titles, java.util.Collection<String> numbers) {
        return "d.title in (" + String.join(", ", java.util.Collections.nCopies(titles.size(), "?"))
                + ") and a.number in (" + String.join(", ", java.util.Collections.nCopies(numbers.size(), "?")) + ")";
    }

    /** The values of {@link #titlesAndNumbers}'s marks, in their order. */
    private static Object[] arguments(java.util.Collection<String> titles, java.util.Collection<String> numbers) {
        List<Object> args = new ArrayList<>(titles);
        args.addAll(numbers);
        return args.toArray();
    }

    interface ArticleVisitor {
        void visit(StoredDocument document, StoredArticle article);
    }

    private static StoredArticle article(ResultSet rs) throws SQLException {
        return new StoredArticle(rs.getInt("sequence"), rs.getString("number"), rs.getInt("ordinal"),
                rs.getInt("ordinal_sub"), rs.getString("heading_path"), rs.getString("body"));
    }

    private static StoredDocument document(ResultSet rs) throws SQLException {
        return new StoredDocument(rs.getLong("id"), rs.getString("title"), rs.getString("subtitle"),
                // a region stored by a portal that did not normalise it (河南) reads as it is stored now (河南省)
                LegalLevel.valueOf(rs.getString("level")), rs.getString("issuer"), Regions.normalize(rs.getString("region")),
                rs.getString("document_number"), date(rs, "version_date"),
                DocumentStatus.valueOf(rs.getString("status")), rs.getString("source_path"),
                rs.getString("version_key"), date(rs, "in_force_date"), date(rs, "repealed_date"),
                rs.getString("content_hash"));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

}
