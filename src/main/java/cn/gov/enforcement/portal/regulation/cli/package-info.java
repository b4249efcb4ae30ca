/**
 * Command-line import ({@code java -jar portal.jar --import=<folder>}) and the import-on-start setting.
 * Internal to the regulation module.
 */
package cn.gov.enforcement.portal.regulation.cli;
