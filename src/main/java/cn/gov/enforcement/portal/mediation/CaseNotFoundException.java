package cn.gov.enforcement.portal.mediation;

import org.springframework.security.access.AccessDeniedException;

/**
 * The case does not exist or belongs to another agency: both get this same answer, so that a
 * changed number in a URL reveals nothing.
 */
public class CaseNotFoundException extends AccessDeniedException {

    public CaseNotFoundException() {
        super("No such case in your agency");
    }
}
