package cn.gov.enforcement.portal.mediation;

/**
 * A case of the caller's agency exists, but the document asked for does not apply to it at its stage (a notice of
 * non-acceptance of an accepted case): thrown only once the case is known to be the caller's to see, so it reveals
 * nothing that the case page does not.
 */
public class DocumentNotApplicableException extends RuntimeException {

    private final String caseNumber;

    public DocumentNotApplicableException(String caseNumber) {
        super("The document does not apply to case " + caseNumber);
        this.caseNumber = caseNumber;
    }

    public String caseNumber() {
        return caseNumber;
    }
}
