package cn.gov.enforcement.portal.mediation;

import java.time.Instant;
import java.time.LocalDate;

/** A notice-and-guidance letter as printed: its code, whom it is for, and the link that pre-fills the application. */
public record LetterView(String code, String agencyId, String agencyName, String officer, LetterInput.Situation situation,
        DisputeCategory category, String partyName, String partyEmail, String partyLanguage, String otherPartyName,
        String facts, Instant createdAt, LocalDate validUntil, String applyPath) {}
