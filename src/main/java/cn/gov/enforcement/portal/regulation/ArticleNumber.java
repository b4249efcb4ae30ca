package cn.gov.enforcement.portal.regulation;

import java.util.Comparator;

/**
 * The sortable value of an article number: {@code 第十条之一} is (10, 1), {@code 第三十三条} is (33, 0).
 * Unnumbered text (a preamble, a document without articles) is (0, 0).
 */
public record ArticleNumber(int number, int sub) implements Comparable<ArticleNumber> {

    public static final ArticleNumber NONE = new ArticleNumber(0, 0);

    private static final Comparator<ArticleNumber> ORDER =
            Comparator.comparingInt(ArticleNumber::number).thenComparingInt(ArticleNumber::sub);

    public ArticleNumber {
        if (number < 0 || sub < 0) {
            throw new IllegalArgumentException("negative article number: " + number + "/" + sub);
        }
    }

    /** Parses {@code 第十条之一}, {@code 第10条}, {@code 第一百條} (Traditional) or {@code 十条之二}. */
    public static ArticleNumber parse(String written) {
        return ChineseNumerals.parseArticle(written);
    }

    /** Prints the number the way laws write it: {@code 第三十三条}, {@code 第十条之一}. */
    public String toChinese() {
        return ChineseNumerals.formatArticle(this);
    }

    @Override
    public int compareTo(ArticleNumber other) {
        return ORDER.compare(this, other);
    }
}
