package cn.gov.enforcement.portal.mediation;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.dom.Element;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Small helpers shared by the mediation views. */
final class ViewSupport {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** Print styles of the documents: the portal's frame and the buttons are not printed. */
    static final String PRINT_CSS = """
            .mediation-document { max-width: 42rem; margin: 1rem auto; font-family: serif; line-height: 1.8; }
            .mediation-document h1 { text-align: center; font-size: 1.6rem; }
            .mediation-document .document-number { text-align: right; }
            .mediation-document .document-signature { margin-top: 3rem; }
            .mediation-document .sample-label { color: #a00; font-weight: bold; }
            @media print {
              .portal-header, nav, footer, .no-print { display: none !important; }
              .mediation-document { margin: 0; max-width: none; font-size: 12pt; }
            }
            """;

    private ViewSupport() {}

    /**
     * The translation key of a document type as the applicant chose it: an organisation's other document is a
     * registration document (境外组织等), a person's a passport or similar.
     */
    static String idTypeKey(String applicantKind, String idType) {
        return MediationApplication.ApplicantKind.ORGANISATION.name().equals(applicantKind)
                && MediationApplication.IdType.OTHER.name().equals(idType)
                ? "mediation.idType.OTHER.ORGANISATION" : "mediation.idType." + idType;
    }

    static String format(Instant instant, ZoneId zone) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(zone));
    }

    /** A {@code <style>} element with the print styles. */
    static Component printStyles() {
        Div holder = new Div();
        Element style = new Element("style");
        style.setText(PRINT_CSS);
        holder.getElement().appendChild(style);
        return holder;
    }
}
