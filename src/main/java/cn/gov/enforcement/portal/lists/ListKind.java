package cn.gov.enforcement.portal.lists;

import java.util.Arrays;
import java.util.Optional;

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

    /** The list kept in {@code folder} (the kind named in back-office addresses and stored with each entry). */
    public static Optional<ListKind> ofFolder(String folder) {
        return Arrays.stream(values()).filter(k -> k.folder.equals(folder)).findFirst();
    }

    /** The list kept in {@code folder} if the back office edits its entries (risk points and exemption items). */
    static Optional<ListKind> editable(String folder) {
        return ofFolder(folder).filter(k -> k != DISCRETION);
    }
}
