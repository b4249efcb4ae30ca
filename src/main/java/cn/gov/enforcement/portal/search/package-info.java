/**
 * Elasticsearch: the embedded node the portal provisions when no external cluster is configured,
 * versioned indexes behind aliases (rebuilt and swapped atomically), and the search API used by
 * every content module. Elasticsearch is a projection: every index can be rebuilt from the database.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Search")
package cn.gov.enforcement.portal.search;
