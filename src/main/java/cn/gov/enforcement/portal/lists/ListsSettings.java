package cn.gov.enforcement.portal.lists;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the lists module.
 *
 * @param pageSize entries per page on the public list pages
 */
@ConfigurationProperties(prefix = "portal.lists")
public record ListsSettings(Integer pageSize) {

    public ListsSettings {
        if (pageSize == null || pageSize < 1 || pageSize > 100) {
            pageSize = 20;
        }
    }

    public static ListsSettings defaults() {
        return new ListsSettings(null);
    }
}
