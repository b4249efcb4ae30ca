package cn.gov.enforcement.portal.lists;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * CSV downloads (RFC 4180, UTF-8 with a byte order mark so that Excel reads Chinese). Headers and the
 * fixed values (risk level, kind, sub-kind, kinds of guidance), the agency's name and each condition's limit (as
 * the detail page states it) are in the reader's language; the entries' own texts (titles, citations, conditions,
 * measures …) in the reader's script, as the pages show them: Traditional characters for zh-TW, as written
 * otherwise.
 */
final class ListsCsv {

    private ListsCsv() {}

    /**
     * The risk points as CSV; when the search left entries out ({@code leftOut}, their titles as written: its text says
     * the business lacks a licence they are about holding), one last row says so ({@link #leftOutNote}).
     */
    static String riskPoints(List<RiskPoint> items, List<String> leftOut, EligibilityTexts.Messages m,
            UnaryOperator<String> agencyNames, UnaryOperator<String> content) {
        return csv(riskPointRows(items, m, agencyNames, content), leftOutNote(leftOut, m, content));
    }

    /** The exemption items as CSV, with the last row of {@link #riskPoints} when the search left entries out. */
    static String exemptions(List<ExemptionItem> items, List<String> leftOut, EligibilityTexts.Messages m,
            UnaryOperator<String> agencyNames, UnaryOperator<String> content) {
        return csv(exemptionRows(items, m, agencyNames, content), leftOutNote(leftOut, m, content));
    }

    /**
     * The rows, then the note (when not null) as one last row: the note in its first cell and the others empty, so
     * that the row has as many cells as the header and a reader of the file that counts them does not fail.
     */
    private static String csv(List<List<String>> rows, String note) {
        StringBuilder out = new StringBuilder();
        rows.forEach(r -> row(out, r));
        if (note != null && !rows.isEmpty()) {
            List<String> last = new java.util.ArrayList<>(java.util.Collections.nCopies(rows.get(0).size(), ""));
            last.set(0, note);
            row(out, last);
        }
        return out.toString();
    }

    /**
     * The sentence saying which entries the search left out, every title quoted in the reader's script (说明：本次搜索说明尚未
     * 取得相关证照，因此没有列出 2 项…：“营业执照未置于醒目位置”、“…”。…); null when it left none out.
     */
    static String leftOutNote(List<String> leftOut, EligibilityTexts.Messages m, UnaryOperator<String> content) {
        if (leftOut.isEmpty()) {
            return null;
        }
        String titles = leftOut.stream().map(t -> m.get("lists.download.leftOutTitle", content.apply(t)))
                .collect(Collectors.joining(m.get("lists.csv.separator")));
        return m.get("lists.download.leftOutNote", leftOut.size(), titles);
    }

    /**
     * The rows of the XLSX download's second sheet when the search left entries out: the sentence saying so, then a
     * column of their titles under its header, in the reader's script; empty when it left none out.
     */
    static List<List<String>> leftOutRows(List<String> leftOut, EligibilityTexts.Messages m,
            UnaryOperator<String> content) {
        if (leftOut.isEmpty()) {
            return List.of();
        }
        List<List<String>> out = new java.util.ArrayList<>();
        out.add(List.of(m.get("lists.download.leftOutSheet", leftOut.size())));
        out.add(List.of(m.get("lists.download.leftOutColumn")));
        leftOut.forEach(t -> out.add(List.of(content.apply(t))));
        return out;
    }

    /**
     * The header row and one row per risk point (shared by the CSV and XLSX downloads).
     *
     * @param agencyNames an agency's id → its name in the download's language
     * @param content an entry's own text → the same in the download's script ({@code ReaderScript.forLocale})
     */
    static List<List<String>> riskPointRows(List<RiskPoint> items, EligibilityTexts.Messages m,
            UnaryOperator<String> agencyNames, UnaryOperator<String> content) {
        List<List<String>> out = new java.util.ArrayList<>();
        out.add(List.of(m.get("lists.csv.id"), m.get("lists.csv.agency"), m.get("lists.csv.sector"),
                m.get("lists.csv.appliesTo"), m.get("lists.csv.title"), m.get("lists.csv.risk"), m.get("lists.csv.level"),
                m.get("lists.csv.basisObligation"), m.get("lists.csv.basisPenalty"), m.get("lists.csv.consequence"),
                m.get("lists.csv.prevention"), m.get("lists.csv.guidance"), m.get("lists.csv.effectiveFrom"),
                m.get("lists.csv.effectiveTo"), m.get("lists.csv.sample")));
        for (RiskPoint r : items) {
            out.add(List.of(r.id(), agencyNames.apply(r.agency()), content.apply(r.sector()),
                    content.apply(r.appliesTo()), content.apply(r.title()), content.apply(r.risk()),
                    m.get(ListsUi.levelKey(r.level())), citations(r.basisObligation(), content),
                    citations(r.basisPenalty(), content), content.apply(r.consequence()),
                    content.apply(String.join("\n", r.prevention())),
                    r.guidance().stream().map(g -> m.get(ListsUi.guidanceKey(g)))
                            .collect(Collectors.joining(m.get("lists.csv.separator"))),
                    r.effectiveFrom().toString(), date(r.effectiveTo()),
                    r.sample() ? m.get("lists.csv.yes") : m.get("lists.csv.no")));
        }
        return out;
    }

    /**
     * The header row and one row per exemption item (shared by the CSV and XLSX downloads).
     *
     * @param agencyNames an agency's id → its name in the download's language
     * @param content an entry's own text → the same in the download's script ({@code ReaderScript.forLocale})
     */
    static List<List<String>> exemptionRows(List<ExemptionItem> items, EligibilityTexts.Messages m,
            UnaryOperator<String> agencyNames, UnaryOperator<String> content) {
        List<List<String>> out = new java.util.ArrayList<>();
        out.add(List.of(m.get("lists.csv.id"), m.get("lists.csv.agency"), m.get("lists.csv.kind"),
                m.get("lists.csv.subkind"), m.get("lists.csv.sector"), m.get("lists.csv.violation"),
                m.get("lists.csv.basisViolation"), m.get("lists.csv.basisPenalty"), m.get("lists.csv.basisExemption"),
                m.get("lists.csv.conditions"), m.get("lists.csv.measure"), m.get("lists.csv.effectiveFrom"),
                m.get("lists.csv.effectiveTo"), m.get("lists.csv.sample")));
        for (ExemptionItem e : items) {
            out.add(List.of(e.id(), agencyNames.apply(e.agency()), m.get(ListsUi.kindKey(e.kind())),
                    e.subkind() == null ? "" : m.get(ListsUi.subkindKey(e.subkind())), content.apply(nz(e.sector())),
                    content.apply(e.violation()), citations(e.basisViolation(), content),
                    citations(e.basisPenalty(), content), citations(e.basisExemption(), content),
                    e.conditions().stream().map(c -> condition(c, m, content)).collect(Collectors.joining("\n")),
                    content.apply(String.join("、", e.measure())), e.effectiveFrom().toString(),
                    date(e.effectiveTo()), e.sample() ? m.get("lists.csv.yes") : m.get("lists.csv.no")));
        }
        return out;
    }

    /**
     * A condition as the detail page states it: the question, that the answer no meets it when so (or the list would
     * read as asking for the harm), and its limit (below 3 people: without it a number question says nothing). The
     * whole statement goes through {@code content}: its translated words are already in the reader's script, and the
     * question and the limit's own words (what is limited, the unit) are the entry's.
     */
    private static String condition(Condition c, EligibilityTexts.Messages m, UnaryOperator<String> content) {
        String question = c.metWhenNo() ? c.question() + m.get("lists.csv.metWhenNo") : c.question();
        return content.apply(EligibilityTexts.threshold(c, m)
                .map(limit -> m.get("lists.csv.conditionWithLimit", question, limit)).orElse(question));
    }

    static byte[] withBom(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] result = new byte[body.length + 3];
        result[0] = (byte) 0xEF;
        result[1] = (byte) 0xBB;
        result[2] = (byte) 0xBF;
        System.arraycopy(body, 0, result, 3, body.length);
        return result;
    }

    /** A date as ISO yyyy-MM-dd, empty when there is none (an entry in force with no end date). */
    private static String date(java.time.LocalDate day) {
        return day == null ? "" : day.toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** The citations as the pages show them, in the reader's script. */
    private static String citations(List<Citation> citations, UnaryOperator<String> content) {
        return citations.stream().map(c -> content.apply(c.display())).collect(Collectors.joining("；"));
    }

    private static void row(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    /** Quotes every cell; a leading =, +, - or @ is neutralised so that spreadsheets do not run it as a formula. */
    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }
}
