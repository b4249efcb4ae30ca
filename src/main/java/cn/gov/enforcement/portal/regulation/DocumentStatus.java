package cn.gov.enforcement.portal.regulation;

/** Validity of one version of a document, decided by {@link DocumentVersions}. */
public enum DocumentStatus {
    /** The newest version of its title that is in force. */
    CURRENT,
    /** An older version, replaced by a newer one. */
    SUPERSEDED,
    /** The newest version, but its history records that it was repealed (废止). */
    REPEALED,
    /** A newer version whose in-force date (施行) is still in the future. */
    PENDING;

    public String translationKey() {
        return "regulation.status." + name();
    }
}
