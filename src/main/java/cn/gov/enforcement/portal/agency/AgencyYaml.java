package cn.gov.enforcement.portal.agency;

import cn.gov.enforcement.portal.knowledge.YamlNode;
import java.util.List;

/**
 * Writes an agency in the exact {@code knowledge-base/agencies/<id>.yaml} format, so that what the back office holds
 * can replace the file and reads back ({@link AgencyFileParser}) as the same agency. Every text is a double-quoted
 * YAML scalar with escapes, so no text is ever read as YAML structure, a number or a boolean.
 */
final class AgencyYaml {

    private AgencyYaml() {}

    /**
     * The agency's fields in the order of the committed files, without comments: the canonical form stored as a
     * back-office version and compared with a file's content (equal text, equal agency).
     */
    static String body(AgencyRecord r) {
        return write(r.id(), r.sample(), r.name(), r.nameEn(), r.category().name().toLowerCase(java.util.Locale.ROOT),
                r.region(), r.legalRepresentative(),
                r.powers().stream().map(p -> new String[] {quote(p.name()), p.kind().code()}).toList(),
                r.legalBasis(), r.address(), r.addressEn(), r.supervisionPhone(), r.supervisionEmail(),
                r.mediationEmail(), r.officeHours(), r.officeHoursEn(),
                r.officers().stream().map(o -> new String[] {quote(o.name()), quote(o.certificate()), o.status().code()})
                        .toList());
    }

    /**
     * A file of the agency's fixed fields (id, sample flag, Chinese name, category, region) and what a form typed, for
     * {@link AgencyFileParser} to check with the rules of the files: every typed value is a quoted text, so a value
     * that is not allowed (an unknown power kind, say) is reported as the parser reports it in a file. Legal basis is
     * one entry per non-blank line; a blank English name, English address, English office hours or mediation address is
     * left out (they are optional).
     */
    static String draft(AgencyRecord fixed, String nameEn, String legalRepresentative, List<String[]> powers,
            List<String> legalBasis, String address, String addressEn, String supervisionPhone, String supervisionEmail,
            String mediationEmail, String officeHours, String officeHoursEn, List<String[]> officers) {
        return write(fixed.id(), fixed.sample(), fixed.name(), nameEn,
                fixed.category().name().toLowerCase(java.util.Locale.ROOT), fixed.region(), legalRepresentative,
                powers.stream().map(p -> new String[] {quote(p[0]), quote(p[1])}).toList(), legalBasis, address,
                addressEn, supervisionPhone, supervisionEmail, mediationEmail, officeHours, officeHoursEn,
                officers.stream().map(o -> new String[] {quote(o[0]), quote(o[1]), quote(o[2])}).toList());
    }

    /** Powers as {name, kind} and officers as {name, certificate, status}, each already a YAML scalar. */
    private static String write(String id, boolean sample, String name, String nameEn, String category, String region,
            String legalRepresentative, List<String[]> powers, List<String> legalBasis, String address,
            String addressEn, String supervisionPhone, String supervisionEmail, String mediationEmail,
            String officeHours, String officeHoursEn, List<String[]> officers) {
        StringBuilder out = new StringBuilder();
        out.append("id: ").append(id).append('\n');
        out.append("sample: ").append(sample).append('\n');
        text(out, "name", name);
        if (nameEn != null && !nameEn.isBlank()) {
            text(out, "name_en", nameEn);
        }
        out.append("category: ").append(category).append('\n');
        text(out, "region", region);
        text(out, "legal_representative", legalRepresentative);
        out.append(powers.isEmpty() ? "powers: []\n" : "powers:\n");
        for (String[] p : powers) {
            out.append("  - name: ").append(p[0]).append('\n');
            out.append("    kind: ").append(p[1]).append('\n');
        }
        out.append(legalBasis.isEmpty() ? "legal_basis: []\n" : "legal_basis:\n");
        for (String basis : legalBasis) {
            out.append("  - ").append(quote(basis)).append('\n');
        }
        text(out, "address", address);
        if (addressEn != null && !addressEn.isBlank()) {
            text(out, "address_en", addressEn);
        }
        text(out, "supervision_phone", supervisionPhone);
        text(out, "supervision_email", supervisionEmail);
        if (mediationEmail != null && !mediationEmail.isBlank()) {
            text(out, "mediation_email", mediationEmail);
        }
        text(out, "office_hours", officeHours);
        if (officeHoursEn != null && !officeHoursEn.isBlank()) {
            text(out, "office_hours_en", officeHoursEn);
        }
        out.append(officers.isEmpty() ? "officers: []\n" : "officers:\n");
        for (String[] o : officers) {
            out.append("  - name: ").append(o[0]).append('\n');
            out.append("    certificate: ").append(o[1]).append('\n');
            out.append("    status: ").append(o[2]).append('\n');
        }
        return out.toString();
    }

    /** The file to download: a comment saying where it comes from, then {@link #body}. */
    static String file(AgencyRecord r, String exportedAt) {
        StringBuilder out = new StringBuilder();
        if (r.sample()) {
            out.append("# SAMPLE DATA written for the portal: the fictional 示例市 (\"Sample City\") and its officers do not\n")
                    .append("# exist.\n");
        }
        out.append("# Exported from the portal's back office (/staff/agency) on ").append(exportedAt)
                .append(": replaces knowledge-base/agencies/").append(r.id()).append(".yaml\n");
        return out.append(body(r)).toString();
    }

    /** A text the form typed in lines (legal basis): one entry per non-blank line, trimmed. */
    static List<String> lines(String text) {
        if (text == null) {
            return List.of();
        }
        return text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static void text(StringBuilder out, String key, String value) {
        out.append(key).append(": ").append(quote(value)).append('\n');
    }

    /** A double-quoted YAML scalar (see {@link YamlNode#quoted}). */
    static String quote(String value) {
        return YamlNode.quoted(value);
    }
}
