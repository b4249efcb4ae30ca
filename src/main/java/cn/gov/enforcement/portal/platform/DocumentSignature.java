package cn.gov.enforcement.portal.platform;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The closing of a printed document (落款): the issuing agency's name on one line and the date under it, the two
 * centred on each other and set at the right end of the page, as an official Chinese document closes (GB/T 9704);
 * before, the name and the date ran on one line ({@code 示例市市场监督管理局 2026-12-07}). The layout is in the theme
 * ({@code .document-signature} in {@code styles.css}), on screen and on paper.
 */
public final class DocumentSignature {

    private DocumentSignature() {
    }

    /** The key of the pattern a printed document dates itself by, in each language. */
    public static final String DATE_PATTERN_KEY = "platform.document.datePattern";

    /**
     * A day as a printed document in this language writes it: 2026年12月7日 in Chinese, as official documents date
     * themselves (not 2026-12-07 as the lists and mails do), 7 December 2026 in English ({@value #DATE_PATTERN_KEY});
     * empty for none. Every printed document (the mediation notices, agreement and letter, the guidance document)
     * dates itself so, in its closing and in its text.
     */
    public static String date(Component view, Locale language, LocalDate day) {
        return day == null ? ""
                : DateTimeFormatter.ofPattern(view.getTranslation(language, DATE_PATTERN_KEY), language).format(day);
    }

    /** The closing with this agency name and this date, each as the document's language writes it. */
    public static Div of(String agencyName, String date) {
        Div agency = new Div(agencyName);
        agency.addClassName("document-signature-agency");
        Div day = new Div(date);
        day.addClassName("document-signature-date");
        Div block = new Div(agency, day);
        block.addClassName("document-signature-block");
        Div signature = new Div(block);
        signature.addClassName("document-signature");
        return signature;
    }
}
