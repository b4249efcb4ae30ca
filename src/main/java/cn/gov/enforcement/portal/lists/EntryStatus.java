package cn.gov.enforcement.portal.lists;

/** Where a back-office entry stands: draft → in review → published → withdrawn. */
public enum EntryStatus {
    DRAFT, IN_REVIEW, PUBLISHED, WITHDRAWN;

    public String translationKey() {
        return "lists.admin.status." + name();
    }
}
