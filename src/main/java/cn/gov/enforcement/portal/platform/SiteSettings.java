package cn.gov.enforcement.portal.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the footer of every page says about the site ({@code portal.site.*}), as the rules for government websites ask
 * for: who runs it and how to reach them, and its registrations. Each is shown only when given.
 *
 * @param sponsor the organisation that runs the portal (主办单位)
 * @param contact how to reach it (telephone, e-mail)
 * @param identifier the government website identifier code (网站标识码)
 * @param icp the ICP filing number (ICP备案号), linked to the MIIT filing system
 * @param policeRecord the public security filing number (公安机关备案号), linked to its filing system
 */
@ConfigurationProperties(prefix = "portal.site")
public record SiteSettings(String sponsor, String contact, String identifier, String icp, String policeRecord) {

    public SiteSettings {
        sponsor = blankToNull(sponsor);
        contact = blankToNull(contact);
        identifier = blankToNull(identifier);
        icp = blankToNull(icp);
        policeRecord = blankToNull(policeRecord);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
