package cn.gov.enforcement.portal.agency;

import cn.gov.enforcement.portal.platform.ClientAddress;
import cn.gov.enforcement.portal.platform.LabelSpacing;
import cn.gov.enforcement.portal.platform.ReaderScript;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * Anyone can check an enforcement certificate number: valid, revoked or unknown. A number in the address
 * ({@code certificate-check?number=SJ-990100-2024-0017}, as the agency pages link it) is filled in and checked at once.
 */
@Route("certificate-check")
@Menu(order = 20, title = "menu.certificate")
@AnonymousAllowed
public class CertificateCheckView extends Div implements HasDynamicTitle, com.vaadin.flow.router.BeforeEnterObserver {

    /** The query parameter that carries a certificate number to check. */
    public static final String NUMBER_PARAMETER = "number";
    /** Longer values from an address are cut to this length before they are checked (and refused as too long). */
    private static final int MAX_URL_INPUT = 200;

    /** The address of this page with a certificate number filled in. */
    public static String url(String certificate) {
        return "certificate-check?" + com.vaadin.flow.router.QueryParameters.of(NUMBER_PARAMETER, certificate).getQueryString();
    }


    private final transient AgencyDirectory directory;
    private final TextField input = new TextField();
    private final Div result = new Div();

    public CertificateCheckView(AgencyDirectory directory) {
        this.directory = directory;
        addClassName("certificate-check-view");
        add(new H1(getTranslation("agency.certificate.title")), new Paragraph(getTranslation("agency.certificate.lead")));

        input.setId("certificate-input");
        input.setLabel(getTranslation("agency.certificate.label"));
        input.setPlaceholder("SJ-990100-2024-0017");
        input.setHelperText(getTranslation("agency.certificate.helper"));
        input.setClearButtonVisible(true);
        input.addKeyPressListener(Key.ENTER, e -> check());
        Button submit = new Button(getTranslation("agency.certificate.submit"), e -> check());
        submit.setId("certificate-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(input, submit);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        add(form);

        result.setId("certificate-result");
        result.getElement().setAttribute("role", "status");
        result.getElement().setAttribute("aria-live", "polite");
        add(result);
    }

    @Override
    public void beforeEnter(com.vaadin.flow.router.BeforeEnterEvent event) {
        java.util.List<String> numbers = event.getLocation().getQueryParameters().getParameters()
                .getOrDefault(NUMBER_PARAMETER, java.util.List.of());
        if (!numbers.isEmpty() && numbers.get(0) != null && !numbers.get(0).isBlank()) {
            String number = numbers.get(0);
            input.setValue(number.length() > MAX_URL_INPUT ? number.substring(0, MAX_URL_INPUT) : number);
            check();
        }
    }

    private void check() {
        CertificateAnswer answer = directory.checkCertificate(input.getValue(), clientKey());
        result.removeAll();
        result.getElement().setAttribute("data-outcome", answer.outcome().name().toLowerCase(java.util.Locale.ROOT));
        input.setInvalid(false);
        switch (answer.outcome()) {
            case INVALID_INPUT, THROTTLED -> {
                input.setInvalid(true);
                input.setErrorMessage(getTranslation(answer.problemKey(), answer.problemArgument()));
                result.add(new Paragraph(getTranslation(answer.problemKey(), answer.problemArgument())));
            }
            case VALID -> {
                result.add(new H2(getTranslation("agency.certificate.valid.title")));
                result.add(new Paragraph(getTranslation("agency.certificate.valid.text", answer.certificate(),
                        ReaderScript.forReader(answer.officer()), answer.agencyName(getLocale()))));
                result.add(agencyLink(answer));
            }
            case REVOKED -> {
                result.add(new H2(getTranslation("agency.certificate.revoked.title")));
                result.add(new Paragraph(getTranslation("agency.certificate.revoked.text", answer.certificate(),
                        ReaderScript.forReader(answer.officer()), answer.agencyName(getLocale()))));
                Paragraph call = new Paragraph(LabelSpacing.beforeNext(getTranslation("agency.certificate.revoked.call")));
                call.add(new Anchor("tel:" + answer.supervisionPhone().replaceAll("[^0-9+]", ""), answer.supervisionPhone()));
                result.add(call, agencyLink(answer));
            }
            case UNKNOWN -> {
                result.add(new H2(getTranslation("agency.certificate.unknown.title")));
                result.add(new Paragraph(getTranslation("agency.certificate.unknown.text", answer.certificate())));
                result.add(new Anchor("agencies", getTranslation("agency.certificate.unknown.directory")));
            }
        }
    }

    private Anchor agencyLink(CertificateAnswer answer) {
        return new Anchor("agencies/" + answer.agencyId(), getTranslation("agency.certificate.agencyLink", answer.agencyName(getLocale())));
    }

    /** The same key as the certificate API gives the address, so that page and API share one quota. */
    private static String clientKey() {
        return "ip:" + ClientAddress.current();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("agency.certificate.pageTitle");
    }
}
