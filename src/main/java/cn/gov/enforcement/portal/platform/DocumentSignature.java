package cn.gov.enforcement.portal.platform;

import com.vaadin.flow.component.html.Div;

/**
 * The closing of a printed document (落款): the issuing agency's name on one line and the date under it, the two
 * centred on each other and set at the right end of the page, as an official Chinese document closes (GB/T 9704);
 * before, the name and the date ran on one line ({@code 示例市市场监督管理局 2026-12-07}). The layout is in the theme
 * ({@code .document-signature} in {@code styles.css}), on screen and on paper.
 */
public final class DocumentSignature {

    private DocumentSignature() {
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
