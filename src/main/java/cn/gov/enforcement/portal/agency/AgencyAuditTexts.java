package cn.gov.enforcement.portal.agency;

import com.vaadin.flow.component.Component;
import java.util.List;

/**
 * The changes of an agency audit record in the reader's language (注销执法证 TA-…, 修改办公时间), as the form's audit
 * section and the audit log page ({@link AgencyAuditView}) both say them.
 */
final class AgencyAuditTexts {

    private AgencyAuditTexts() {}

    /** One change: a field's change names the field as the form labels it, the others the certificate number. */
    static String change(Component owner, AgencyBackOffice.Change c) {
        return "changed".equals(c.verb())
                ? owner.getTranslation("agency.audit.changed", owner.getTranslation("agency.edit.field." + c.subject()))
                : owner.getTranslation("agency.audit." + c.verb(), c.subject());
    }

    /** Every change of a record, in its order, separated as the page's language does (；). */
    static String changes(Component owner, List<AgencyBackOffice.Change> changes) {
        return String.join(owner.getTranslation("agency.edit.auditSeparator"),
                changes.stream().map(c -> change(owner, c)).toList());
    }
}
