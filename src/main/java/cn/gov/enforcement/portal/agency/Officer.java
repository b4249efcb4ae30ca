package cn.gov.enforcement.portal.agency;

/**
 * An officer as shown to a reader.
 *
 * @param name the name, partly masked for the public (张*丰), in full for the agency's own staff
 * @param certificate the certificate number
 * @param status valid or revoked
 */
public record Officer(String name, String certificate, OfficerStatus status) {}
