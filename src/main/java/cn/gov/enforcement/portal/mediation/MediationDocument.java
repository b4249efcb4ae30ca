package cn.gov.enforcement.portal.mediation;

import java.util.ArrayList;
import java.util.List;

/**
 * The documents made from templates for a case. The translation keys are
 * {@code mediation.document.<NAME>.*}.
 */
public enum MediationDocument {
    /** 受理通知书 */
    ACCEPTANCE_NOTICE(true),
    /** 不予受理告知书, with the guidance onward */
    NON_ACCEPTANCE_NOTICE(true),
    /** invitation of the other party to mediation */
    INVITATION(false),
    /** 调解协议书 */
    AGREEMENT(true);

    private final boolean forApplicant;

    MediationDocument(boolean forApplicant) {
        this.forApplicant = forApplicant;
    }

    /** True when the document concerns the applicant (linked from the tracking page). */
    public boolean forApplicant() {
        return forApplicant;
    }

    public String messageKey() {
        return "mediation.document." + name();
    }

    /** The documents a case has, from the steps recorded in its history. */
    public static List<MediationDocument> available(CaseTracking c) {
        List<MediationDocument> documents = new ArrayList<>();
        boolean accepted = c.history().stream().anyMatch(s -> s.to() == CaseStatus.ACCEPTED && s.from() != s.to());
        boolean invited = c.history().stream().anyMatch(s -> s.to() == CaseStatus.OTHER_PARTY_INVITED && s.from() != s.to());
        if (accepted) {
            documents.add(ACCEPTANCE_NOTICE);
        }
        if (c.status() == CaseStatus.NOT_ACCEPTED) {
            documents.add(NON_ACCEPTANCE_NOTICE);
        }
        if (invited) {
            documents.add(INVITATION);
        }
        if (c.agreementTerms() != null) {
            documents.add(AGREEMENT);
        }
        return documents;
    }
}
