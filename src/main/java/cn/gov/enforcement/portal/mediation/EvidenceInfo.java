package cn.gov.enforcement.portal.mediation;

import java.time.Instant;

/** An evidence file as listed to the applicant (in the wizard) and to the officer (on the case page). */
public record EvidenceInfo(long id, String fileName, String type, long size, Instant uploadedAt) {}
