/**
 * Backups of what the portal cannot rebuild: the database (H2 online backup; a PostgreSQL database is dumped with the
 * operator's own tools) and the uploaded files in the data directory, as one archive per run, daily and on demand,
 * with the newest few kept. The search index and the embedding cache are rebuilt from the database and are not in it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Backup")
package cn.gov.enforcement.portal.backup;
