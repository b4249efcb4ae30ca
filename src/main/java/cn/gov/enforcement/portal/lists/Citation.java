package cn.gov.enforcement.portal.lists;

/**
 * One legal citation: document title, article heading as written ({@code 第三十三条}) and an
 * optional 1-based paragraph (款).
 */
public record Citation(String law, String article, Integer paragraph) implements java.io.Serializable {

    /** The plain Chinese citation, e.g. {@code 《中华人民共和国行政处罚法》第三十三条第一款}. */
    public String display() {
        return "《" + law + "》" + article + (paragraph == null ? "" : "第" + ChineseNumbers.of(paragraph) + "款");
    }

    /** The article with its paragraph, e.g. {@code 第三十三条第一款}. */
    public String articleDisplay() {
        return article + (paragraph == null ? "" : "第" + ChineseNumbers.of(paragraph) + "款");
    }
}
