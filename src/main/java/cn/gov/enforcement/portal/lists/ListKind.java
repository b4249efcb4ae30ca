package cn.gov.enforcement.portal.lists;

/** The three lists, each one folder of the knowledge base. */
public enum ListKind {
    RISK_POINTS("risk-points"),
    EXEMPTIONS("exemptions"),
    DISCRETION("discretion");

    private final String folder;

    ListKind(String folder) {
        this.folder = folder;
    }

    /** The knowledge-base folder and (for risk points and exemptions) the index alias. */
    public String folder() {
        return folder;
    }
}
